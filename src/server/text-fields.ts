import { z } from '@hono/zod-openapi';

/**
 * Which text fields are multi-line. A field whose form is a <textarea> (notes, narratives, descriptions)
 * is declared with {@link multilineText}; every other string of a request is single-line, and the input
 * check (input-hygiene.ts) refuses tab and line breaks in it.
 */
const MULTILINE = z.registry<{ multiline: true }>();

/**
 * A trimmed multi-line text of at most `max` characters (at least `min`, default 0): tab, line feed and CRLF
 * are allowed in it. Chain `.nullable()`, `.optional()`, `.min()`, `.transform()` freely; `.openapi()` on the
 * result makes a copy that is no longer marked, so describe the field on the object instead.
 */
export function multilineText(max: number, min = 0) {
  const s = z.string().trim().max(max);
  return (min > 0 ? s.min(min) : s).register(MULTILINE, { multiline: true });
}

/** True when `schema` is (a refinement of) a {@link multilineText}. */
export function isMultiline(schema: z.ZodType): boolean {
  return MULTILINE.get(schema)?.multiline === true;
}

/** A field path of a JSON body; `*` stands for any array index or record key. */
export type PathPattern = readonly string[];

// The parts of Zod 4's definitions the walk reads.
type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const MAX_DEPTH = 24;

/**
 * The paths of a request schema's multi-line fields, e.g. `[['note'], ['items', '*', 'note']]`. Every
 * branch of a union counts, so a field is multi-line when any shape the body may take says so.
 */
export function multilinePaths(schema: z.ZodType): PathPattern[] {
  const out: PathPattern[] = [];
  walk(schema, [], out, 0);
  return out;
}

function walk(schema: z.ZodType, path: string[], out: PathPattern[], depth: number) {
  if (depth > MAX_DEPTH) return;
  if (isMultiline(schema)) {
    out.push(path);
    return;
  }
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const next = (s: z.ZodType | null | undefined, p: string[] = path) => {
    if (s) walk(s, p, out, depth + 1);
  };
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) next(value, [...path, key]);
      next(def.catchall, [...path, '*']);
      return;
    case 'array':
      return next(def.element, [...path, '*']);
    case 'record':
      return next(def.valueType, [...path, '*']);
    case 'tuple':
      for (const item of def.items ?? []) next(item, [...path, '*']);
      return next(def.rest, [...path, '*']);
    case 'union':
      for (const option of def.options ?? []) next(option);
      return;
    case 'intersection':
      next(def.left);
      return next(def.right);
    case 'pipe':
      next(def.in);
      return next(def.out);
    case 'lazy':
      return next(def.getter?.());
    default:
      // optional, nullable, default, prefault, catch, readonly, nonoptional: the wrapped schema.
      return next(def.innerType);
  }
}

/** True when the concrete `path` of a value matches one of the patterns (`*` matches any one segment). */
export function matchesAny(path: readonly (string | number)[], patterns: readonly PathPattern[]): boolean {
  return patterns.some(
    (p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === String(path[i])),
  );
}
