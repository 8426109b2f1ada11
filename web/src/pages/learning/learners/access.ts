import type { ScopeKind } from '../../../lib/queries/auth';
import type { Role } from '../../../lib/roles';

/**
 * Who administers learner accounts (the sign-up queue, bulk invitations): whoever manages the learning of the
 * whole prefecture (server: learning/learners-accounts.ts `requireLearnerAdmin`). Centre staff limited to the
 * HQ also may on the server; the session does not say which centre a scope is, so their menu does not list it.
 */
export function administersLearners(role: Role, scopeKind: ScopeKind): boolean {
  return role === 'centre_admin' || (role === 'centre_staff' && scopeKind === 'prefecture');
}
