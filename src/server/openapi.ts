import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { validationHook } from './validation';

/** A JSON value: what a free-form field (an audit entry's detail, a recorded change) may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const jsonValueRef = { $ref: '#/components/schemas/JsonValue' };

export const ZJsonValue: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(ZJsonValue),
      z.record(z.string(), ZJsonValue),
    ]),
  )
  // Written out: the generator would wrap each recursive reference in a second nullable branch.
  .openapi('JsonValue', {
    description: 'A JSON value (string, number, boolean, null, array or object).',
    anyOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'null' },
      { type: 'array', items: jsonValueRef },
      { type: 'object', additionalProperties: jsonValueRef },
    ],
  });

/** The error body every failure carries (see server/errors.ts). */
export const ZError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      ja: z.string(),
      en: z.string(),
      issues: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            code: z.string().optional(),
            ja: z.string().optional(),
            en: z.string().optional(),
          }),
        )
        .optional(),
      /** Machine-readable facts of some errors, e.g. a conflict's current version and changed fields. */
      detail: z.record(z.string(), ZJsonValue).optional(),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ZError } };

/**
 * Error responses a route may give, for routes that list them themselves. Most need not: the document
 * adds each operation's error answers by its kind (server/openapi-document.ts).
 */
export const ERROR_RESPONSES = {
  400: { description: 'Invalid input / 入力エラー', content: errorContent },
  401: { description: 'Not signed in / 未サインイン', content: errorContent },
  403: { description: 'Forbidden / 権限なし', content: errorContent },
  404: { description: 'Not found or out of scope / 見つからない（範囲外を含む）', content: errorContent },
  409: { description: 'Conflict / 競合', content: errorContent },
} as const;

/**
 * An error answer a route declares itself, for a status the document does not add by the operation's kind.
 * The document gives it the shared error body (left out here so that it does not widen the handler's type).
 */
export function errorAnswer(description: string) {
  return { description } as const;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

/** A JSON 200 answer; the error answers are added to the document by the operation's kind. */
export function jsonOk<T extends z.ZodType>(schema: T, description = 'OK') {
  return { 200: { description, content: { 'application/json': { schema } } } } as const;
}

/** A module's router, with the shared validation hook. */
export function moduleRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** Path parameter `id` as a UUID: anything else is simply not found. */
export const ZIdParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: 'id', in: 'path' }, example: '00000000-0000-4000-8000-000000000000' }),
});

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(v: string): boolean {
  return UUID_RE.test(v);
}
