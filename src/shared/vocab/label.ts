/**
 * A coded value's name in both languages. Every vocabulary of the product keeps its codes (a tuple, for Zod
 * enums and database column types) and their labels (`satisfies Labels<Code>`, so a new code does not compile
 * until it is named) here in src/shared/vocab/, plain TypeScript without Zod: the schema, the server, the
 * workbooks and the web all read the same names.
 */
export type Label = { readonly ja: string; readonly en: string };

/** The labels of every code of one vocabulary. */
export type Labels<Code extends string> = { readonly [C in Code]: Label };

export type Lang = 'ja' | 'en';

/** The label of a code in one language; an unknown code (an old row, a newer server) shows as itself. */
export function labelOf<Code extends string>(labels: Labels<Code>, code: string, lang: Lang): string {
  return Object.hasOwn(labels, code) ? (labels as Record<string, Label>)[code]![lang] : code;
}

/** True when `value` is one of the vocabulary's codes. */
export function isCode<Code extends string>(codes: readonly Code[], value: unknown): value is Code {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}
