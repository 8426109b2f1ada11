import type { Deps } from '../../server/context';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { loadPendingForDecision, markDecided } from './decide';

/**
 * Rejects a registration (spam, a test, a duplicate sent twice, a child outside the service) with a reason
 * kept on the registration. Nothing is written to the registry. Audited.
 */
export async function rejectRegistration(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  unverifiedId: string,
  reason: string,
): Promise<{ status: 'rejected'; childId: null }> {
  return deps.db.systemDb.transaction(async (tx) => {
    const reg = await loadPendingForDecision(tx, actor, unverifiedId);
    await markDecided(tx, deps, actor, reg, { status: 'rejected', childId: null, note: reason });
    await recordAudit(
      tx,
      { actor, meta, at: deps.now() },
      {
        action: 'update',
        entityType: 'registration',
        entityIds: [reg.id],
        detail: { decision: 'rejected', reason },
      },
    );
    return { status: 'rejected' as const, childId: null };
  });
}
