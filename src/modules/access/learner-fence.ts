import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../server/context';
import { AppError } from '../../server/errors';
import { mayCallArea } from './learner-areas';

/**
 * Refuses a learner's request outside the learner's API areas (learner-areas.ts) with 403 `forbidden`, before
 * any route reads a record. Mounted after loadSession; requests without an actor pass on (the routes answer 401).
 */
export function learnerFence(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (actor && !mayCallArea(actor.role, c.req.path)) throw new AppError('forbidden');
    await next();
  };
}
