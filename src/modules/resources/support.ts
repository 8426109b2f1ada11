import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { requireActor } from '../accounts/middleware';
import { resourcePolicy } from './policy';
import type { ResourceWriter } from './write-service';

/**
 * The caller of a staff route: actor, policy and prefecture. An actor without a prefecture or any read area
 * (the system administrator) finds nothing: 404 rather than revealing the directory's shape.
 */
export function resourceCaller(c: Context<AppEnv>, deps: Deps): ResourceWriter {
  const actor = requireActor(c);
  const policy = resourcePolicy(actor);
  if (!actor.prefectureCode || policy.read.kind === 'none') throw new AppError('not_found');
  return { actor, meta: c.get('meta'), at: deps.now(), policy, prefectureCode: actor.prefectureCode };
}

/** As {@link resourceCaller}, refusing callers who may not write at all (403). */
export function resourceWriter(c: Context<AppEnv>, deps: Deps): ResourceWriter {
  const w = resourceCaller(c, deps);
  if (w.policy.write.kind === 'none' && w.policy.provider === null) throw new AppError('forbidden');
  return w;
}

/** Prefecture-wide work (import, rounds, export): centre admin or prefecture-wide centre staff. */
export function prefectureWorker(c: Context<AppEnv>, deps: Deps): ResourceWriter {
  const w = resourceCaller(c, deps);
  if (!w.policy.prefectureWide) throw new AppError('forbidden');
  return w;
}
