import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { validationHook } from './validation';

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
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ZError } };

/** Error responses a route may give, for the OpenAPI document. */
export const ERROR_RESPONSES = {
  400: { description: 'Invalid input / 入力エラー', content: errorContent },
  401: { description: 'Not signed in / 未サインイン', content: errorContent },
  403: { description: 'Forbidden / 権限なし', content: errorContent },
  404: { description: 'Not found or out of scope / 見つからない（範囲外を含む）', content: errorContent },
  409: { description: 'Conflict / 競合', content: errorContent },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonOk<T extends z.ZodType>(schema: T, description = 'OK') {
  return { 200: { description, content: { 'application/json': { schema } } }, ...ERROR_RESPONSES } as const;
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
