import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import type { AdminWho } from './manage-user';
import { canAdministerUsers } from './policy';

/** The administrator of this request, or 403 for every other role. */
export function requireUserAdmin(c: Context<AppEnv>, deps: Deps): AdminWho {
  const actor = requireActor(c);
  if (!canAdministerUsers(actor)) throw new AppError('forbidden');
  return { actor, meta: c.get('meta'), at: deps.now() };
}

/** A path id stays unverified until loaded through the administrator's reach; a non-UUID is simply not found. */
export function pathId(unverifiedId: string): string {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  return unverifiedId;
}
