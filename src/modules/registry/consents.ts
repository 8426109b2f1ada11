import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childConsents } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { assertNotFuture } from './create-child';
import type { Writer } from './history';
import { blankToNull, type RecordConsentInput } from './schemas-write';
import { beginChildWrite, finishChildWrite } from './write';

/**
 * Consent: a guardian's decision per purpose (sharing with the municipality of residence, disaster planning,
 * contact by the centre, statistics), with date and method. A new decision is a new row; the newest
 * decision of a purpose is the current one, and withdrawing it ends consent for that purpose (an older
 * grant does not come back). scope.ts reads share_municipality to decide what municipal staff see.
 */

const consentView = (r: typeof childConsents.$inferSelect) => ({
  id: r.id,
  purpose: r.purpose,
  granted: r.granted,
  decidedOn: r.decidedOn,
  method: r.method,
  withdrawnOn: r.withdrawnOn,
});

/** Records a decision of the guardian. */
export async function recordConsent(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  input: RecordConsentInput,
): Promise<string> {
  assertNotFuture(input.decidedOn, w.today, 'decidedOn');
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'manageConsents', input.version);
  const [row] = await tx
    .insert(childConsents)
    .values({
      childId: locked.id,
      purpose: input.purpose,
      granted: input.granted,
      decidedOn: input.decidedOn,
      method: input.method,
      note: blankToNull(input.note) ?? null,
      recordedBy: w.actor.userId,
      createdAt: w.at,
    })
    .returning();
  await finishChildWrite(tx, w, locked, 'consents.record', { consents: [null, consentView(row!)] });
  return locked.id;
}

/** Withdraws a granted decision from a date (not before the decision, not in the future). */
export async function withdrawConsent(
  tx: DbOrTx,
  w: Writer,
  unverifiedChildId: string,
  unverifiedConsentId: string,
  input: { version: number; withdrawnOn: string },
): Promise<string> {
  assertNotFuture(input.withdrawnOn, w.today, 'withdrawnOn');
  const locked = await beginChildWrite(tx, w, unverifiedChildId, 'manageConsents', input.version);
  if (!isUuid(unverifiedConsentId)) throw new AppError('not_found');
  const [before] = await tx
    .select()
    .from(childConsents)
    .where(and(eq(childConsents.id, unverifiedConsentId), eq(childConsents.childId, locked.id)));
  if (!before) throw new AppError('not_found');
  if (!before.granted || before.withdrawnOn !== null) throw new AppError('consent_not_active');
  if (input.withdrawnOn < before.decidedOn) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'withdrawnOn',
          message: '撤回日は同意日以降にしてください / withdrawal cannot precede the decision',
          ja: '撤回日は同意日以降にしてください。',
          en: 'The withdrawal cannot be dated before the decision.',
        },
      ],
    });
  }
  const [after] = await tx
    .update(childConsents)
    .set({ withdrawnOn: input.withdrawnOn })
    .where(eq(childConsents.id, before.id))
    .returning();
  await finishChildWrite(tx, w, locked, 'consents.withdraw', {
    consents: [consentView(before), consentView(after!)],
  });
  return locked.id;
}
