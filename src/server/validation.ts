import type { Hook } from '@hono/zod-openapi';
import { AppError } from './errors';

/**
 * Zod failures become one AppError('validation_failed') listing each field, so every route answers bad
 * input the same way. A body that is not JSON at all is caught earlier by Hono (malformed_json).
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by every route's schema
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(body)',
      message: i.message,
    }));
    throw new AppError('validation_failed', { issues });
  }
};
