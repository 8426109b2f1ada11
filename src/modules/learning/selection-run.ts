import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  type StoredSelection,
  trainingApplications,
  trainingSelections,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { ApplicationStatus } from '../../shared/vocab/learning';
import type { SelectionReason } from '../../shared/vocab/learning-selection';
import type { SystemTextCode } from '../../shared/vocab/system-text';
import { recordAudit } from '../audit/record';
import { mailUser } from '../mail/user-mail';
import { notify } from '../notifications/notify';
import { renumberWaiting, type Who } from './apply';
import type { LearningPolicy } from './policy';
import { managedSession, sessionScope } from './scope';
import { pickReplacement, type SeatHolder, selectApplicants } from './selection';

const OVERRIDES: readonly string[] = [
  'override_selected',
  'override_not_selected',
] satisfies SelectionReason[];

type SessionRow = typeof trainingSessions.$inferSelect;
type ApplicationRow = typeof trainingApplications.$inferSelect;

async function selectionOf(tx: DbOrTx, sessionId: string) {
  const [row] = await tx.select().from(trainingSelections).where(eq(trainingSelections.sessionId, sessionId));
  return row ?? null;
}

/** The notification's message for each result an applicant is told (a code; the reader's screen words it). */
const RESULT_TEXT: Partial<Record<ApplicationStatus, SystemTextCode>> = {
  selected: 'learning_selection_selected',
  waiting: 'learning_selection_waiting',
  not_selected: 'learning_selection_not_selected',
  cancelled: 'learning_application_cancelled',
};

/** Tells an applicant their result (once the results are announced), in the announcing transaction. */
async function tellResult(tx: DbOrTx, who: Who, session: SessionRow, a: ApplicationRow): Promise<void> {
  const code = RESULT_TEXT[a.status];
  if (!code) return;
  const params: Record<string, string | number> = { session: session.title };
  if (a.status === 'waiting' && a.waitRank !== null) params.waitRank = a.waitRank;
  await notify(tx, {
    prefectureCode: session.prefectureCode,
    recipientUserId: a.learnerUserId,
    kind: 'learning_selection_result',
    text: { code, params },
    entityType: 'training_application',
    entityId: a.id,
    data: { sessionId: session.id, status: a.status, waitRank: a.waitRank },
    at: who.at,
  });
  // With mail on, also by mail (the same sentence, in the learner's language; decision 0032).
  await mailUser(
    tx,
    who.mail,
    a.learnerUserId,
    { kind: 'training_result', link: '/learning/me', result: { code, params } },
    { createdBy: who.actor.userId, now: who.at },
  );
}

/**
 * Runs the balanced selection (selection.ts) over a session's applications and stores its seed and result.
 * Seats given or refused by staff before the run stay as they are; the rule fills the capacity left. Two staff
 * running it at once: the session row is locked and the selection's version compared, so the second gets 409.
 */
export async function runSelection(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  unverifiedSessionId: string,
  body: { selectionVersion: number; seed?: string | undefined },
): Promise<void> {
  const session = await managedSession(tx, policy, unverifiedSessionId, { forUpdate: true });
  const current = await selectionOf(tx, session.id);
  if ((current?.version ?? 0) !== body.selectionVersion) {
    throw new AppError('conflict', { detail: { version: current?.version ?? 0 } });
  }
  if (current?.announcedAt) throw new AppError('learning_selection_announced');
  if (session.status !== 'open' && session.status !== 'closed')
    throw new AppError('learning_selection_state');
  if (!session.capacity) throw new AppError('learning_selection_no_capacity');

  const apps = await tx
    .select()
    .from(trainingApplications)
    .where(and(eq(trainingApplications.sessionId, session.id), ne(trainingApplications.status, 'cancelled')));
  const overridden = apps.filter((a) => a.decisionReason !== null && OVERRIDES.includes(a.decisionReason));
  const takingPart = apps.filter((a) => !overridden.includes(a));
  const seats = Math.max(0, session.capacity - overridden.filter((a) => a.status === 'selected').length);
  const seed = body.seed ?? randomBytes(8).toString('hex');
  const applicants = takingPart.map((a) => ({
    id: a.id,
    region: a.regionId,
    professionGroup: a.professionGroup,
  }));
  const result = selectApplicants(applicants, seats, seed);

  for (const d of result.decisions) {
    await tx
      .update(trainingApplications)
      .set({
        status: d.outcome,
        waitRank: d.waitRank,
        decisionReason: d.reason,
        overrideReason: null,
        decidedBy: who.actor.userId,
        decidedAt: who.at,
        updatedAt: who.at,
        version: sql`${trainingApplications.version} + 1`,
      })
      .where(eq(trainingApplications.id, d.id));
  }
  const stored: StoredSelection = {
    applicants: [...applicants].sort((a, b) => (a.id < b.id ? -1 : 1)),
    seats,
    decisions: Object.fromEntries(
      result.decisions.map((d) => [
        d.id,
        { reason: d.reason, seatOrder: d.seatOrder, waitRank: d.waitRank, lotteryRank: d.lotteryRank },
      ]),
    ),
    regions: result.regions,
    guaranteeSeatsNeeded: result.guaranteeSeatsNeeded,
    guaranteeSeatsGiven: result.guaranteeSeatsGiven,
    proportionalSeats: result.proportionalSeats,
    emptySeats: result.emptySeats,
  };
  const values = { seed, result: stored, ranBy: who.actor.userId, ranAt: who.at };
  if (current) {
    await tx
      .update(trainingSelections)
      .set({ ...values, version: current.version + 1 })
      .where(eq(trainingSelections.sessionId, session.id));
  } else {
    await tx
      .insert(trainingSelections)
      .values({ ...values, sessionId: session.id, prefectureCode: session.prefectureCode });
  }
  await tx.update(trainingSessions).set({ selectionSeed: seed }).where(eq(trainingSessions.id, session.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_session',
    entityIds: [session.id],
    detail: {
      change: 'selection_run',
      seed,
      seats,
      selected: result.selected.length,
      waiting: result.waiting.length,
      keptOverrides: overridden.length,
    },
  });
}

/** True when a rule run re-done on the stored applicants and seed gives the stored decisions. */
export function reproducible(seed: string, stored: StoredSelection): boolean {
  const again = selectApplicants(stored.applicants, stored.seats, seed);
  return again.decisions.every((d) => {
    const s = stored.decisions[d.id];
    return s && s.reason === d.reason && s.waitRank === d.waitRank && s.seatOrder === d.seatOrder;
  });
}

/** Announces the results: each applicant is told theirs; late applicants join the end of the waiting list. */
export async function announceSelection(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  unverifiedSessionId: string,
  version: number,
): Promise<void> {
  const session = await managedSession(tx, policy, unverifiedSessionId, { forUpdate: true });
  const current = await selectionOf(tx, session.id);
  if (!current) throw new AppError('learning_selection_missing');
  if (current.version !== version) throw new AppError('conflict', { detail: { version: current.version } });
  if (current.announcedAt) throw new AppError('learning_selection_announced');
  const late = await tx
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(and(eq(trainingApplications.sessionId, session.id), eq(trainingApplications.status, 'applied')))
    .orderBy(asc(trainingApplications.createdAt));
  for (const a of late) {
    await tx
      .update(trainingApplications)
      .set({
        status: 'waiting',
        waitRank: null,
        decisionReason: 'waiting',
        decidedAt: who.at,
        updatedAt: who.at,
      })
      .where(eq(trainingApplications.id, a.id));
  }
  await renumberWaiting(tx, session.id);
  await tx
    .update(trainingSelections)
    .set({ announcedAt: who.at, announcedBy: who.actor.userId, version: current.version + 1 })
    .where(eq(trainingSelections.sessionId, session.id));
  const apps = await tx
    .select()
    .from(trainingApplications)
    .where(and(eq(trainingApplications.sessionId, session.id), ne(trainingApplications.status, 'cancelled')));
  for (const a of apps) await tellResult(tx, who, session, a);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_session',
    entityIds: [session.id],
    detail: { change: 'selection_announced', told: apps.length, lateToWaiting: late.length },
  });
}

/** An application of a session the actor manages, locked; 404 when unknown or out of scope. */
async function managedApplication(tx: DbOrTx, policy: LearningPolicy, unverifiedId: string) {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const [row] = await tx
    .select({ a: trainingApplications, session: trainingSessions })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .where(and(eq(trainingApplications.id, unverifiedId), sessionScope(policy, 'manage')))
    .for('update', { of: trainingApplications });
  if (!row) throw new AppError('not_found');
  return row;
}

/** Applies a change to one application under its version; a stale version is 409 with the current one. */
async function updateApplication(
  tx: DbOrTx,
  a: ApplicationRow,
  version: number,
  set: Partial<typeof trainingApplications.$inferInsert>,
): Promise<ApplicationRow> {
  if (a.version !== version) throw new AppError('conflict', { detail: { version: a.version } });
  const [row] = await tx
    .update(trainingApplications)
    .set({ ...set, version: a.version + 1 })
    .where(and(eq(trainingApplications.id, a.id), eq(trainingApplications.version, version)))
    .returning();
  if (!row) throw new AppError('conflict');
  return row;
}

/**
 * Staff give or withdraw a seat against the rule, with a written reason (audited). A seat withdrawn this way
 * is not filled from the waiting list by itself: staff usually give it to someone they name next.
 */
export async function overrideSeat(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  unverifiedId: string,
  body: { outcome: 'selected' | 'not_selected'; reason: string; version: number },
): Promise<void> {
  const { a, session } = await managedApplication(tx, policy, unverifiedId);
  if (a.status === 'cancelled') throw new AppError('learning_application_closed');
  const row = await updateApplication(tx, a, body.version, {
    status: body.outcome,
    waitRank: null,
    decisionReason: body.outcome === 'selected' ? 'override_selected' : 'override_not_selected',
    overrideReason: body.reason,
    decidedBy: who.actor.userId,
    decidedAt: who.at,
    updatedAt: who.at,
  });
  await renumberWaiting(tx, session.id);
  const selection = await selectionOf(tx, session.id);
  if (selection?.announcedAt) await tellResult(tx, who, session, row);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_application',
    entityIds: [a.id],
    detail: {
      change: 'override',
      sessionId: session.id,
      from: a.status,
      to: body.outcome,
      reason: body.reason,
    },
  });
}

/**
 * Cancels an application (by its learner, or by staff with a reason). A freed seat goes to the next person
 * (selection.ts `pickReplacement`: the region's waiting applicant of the same group when the region would
 * otherwise lose its guarantee, else the head of the waiting list), who is told when results are announced.
 */
export async function cancelApplication(
  tx: DbOrTx,
  who: Who,
  target: { a: ApplicationRow; session: SessionRow },
  version: number,
  staffReason: string | null,
): Promise<string | null> {
  const { a, session } = target;
  if (a.status === 'cancelled') throw new AppError('learning_application_closed');
  const row = await updateApplication(tx, a, version, {
    status: 'cancelled',
    waitRank: null,
    ...(staffReason ? { overrideReason: staffReason, decidedBy: who.actor.userId } : {}),
    decidedAt: who.at,
    updatedAt: who.at,
  });
  let movedUp: string | null = null;
  const selection = await selectionOf(tx, session.id);
  if (a.status === 'selected' && selection) {
    const holders = await tx
      .select()
      .from(trainingApplications)
      .where(eq(trainingApplications.sessionId, session.id));
    const seated = holders.filter((h) => h.status === 'selected').length;
    const pool: SeatHolder[] = holders
      .filter((h) => h.status === 'selected' || h.status === 'waiting')
      .map((h) => ({
        id: h.id,
        region: h.regionId,
        professionGroup: h.professionGroup,
        status: h.status as 'selected' | 'waiting',
        waitRank: h.waitRank,
      }));
    movedUp =
      session.capacity && seated < session.capacity
        ? pickReplacement(pool, { region: a.regionId, professionGroup: a.professionGroup })
        : null;
    if (movedUp) {
      const [up] = await tx
        .update(trainingApplications)
        .set({
          status: 'selected',
          waitRank: null,
          decisionReason: 'moved_up',
          decidedBy: who.actor.userId,
          decidedAt: who.at,
          updatedAt: who.at,
          version: sql`${trainingApplications.version} + 1`,
        })
        .where(eq(trainingApplications.id, movedUp))
        .returning();
      if (selection.announcedAt) await tellResult(tx, who, session, up!);
    }
  }
  await renumberWaiting(tx, session.id);
  if (staffReason && selection?.announcedAt) await tellResult(tx, who, session, row);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_application',
    entityIds: movedUp ? [a.id, movedUp] : [a.id],
    detail: {
      change: 'cancel',
      sessionId: session.id,
      from: a.status,
      byStaff: Boolean(staffReason),
      reason: staffReason,
      movedUp,
    },
  });
  return movedUp;
}

/** Staff cancel an application of a session they manage. */
export async function staffCancel(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  unverifiedId: string,
  body: { reason: string; version: number },
) {
  return cancelApplication(
    tx,
    who,
    await managedApplication(tx, policy, unverifiedId),
    body.version,
    body.reason,
  );
}

/** A learner cancels their own application (another learner's answers 404). */
export async function learnerCancel(tx: DbOrTx, who: Who, unverifiedId: string, version: number) {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const [row] = await tx
    .select({ a: trainingApplications, session: trainingSessions })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .where(
      and(
        eq(trainingApplications.id, unverifiedId),
        eq(trainingApplications.learnerUserId, who.actor.userId),
      ),
    )
    .for('update', { of: trainingApplications });
  if (!row) throw new AppError('not_found');
  return cancelApplication(tx, who, row, version, null);
}
