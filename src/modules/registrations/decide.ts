import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { registrations } from '../../db/schema';
import type { RegistrationStatus } from '../../db/schema/registry';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { findRegistration, type LoadedRegistration } from './queries';

/**
 * Loads a pending registration for a decision, locked for the transaction: 404 when absent or out of the
 * reviewer's area, 409 when someone has already decided it.
 */
export async function loadPendingForDecision(tx: Tx, actor: Actor, unverifiedId: string) {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const reg = await findRegistration(tx, actor, unverifiedId, { forUpdate: true });
  if (!reg) throw new AppError('not_found');
  if (reg.status !== 'pending') throw new AppError('registration_decided');
  return reg;
}

/** Records the decision on the registration (still pending, or 409: the lock makes this a backstop). */
export async function markDecided(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  reg: LoadedRegistration,
  decision: { status: Exclude<RegistrationStatus, 'pending'>; childId: string | null; note: string | null },
) {
  const done = await tx
    .update(registrations)
    .set({
      status: decision.status,
      childId: decision.childId,
      reviewNote: decision.note,
      reviewedBy: actor.userId,
      reviewedAt: deps.now(),
    })
    .where(and(eq(registrations.id, reg.id), eq(registrations.status, 'pending')))
    .returning({ id: registrations.id });
  if (done.length === 0) throw new AppError('registration_decided');
}

/** The submission date in Japan: when the family's consents were given on the form. */
export function submittedOn(reg: LoadedRegistration): string {
  return isoDateInJapan(reg.submittedAt);
}
