/**
 * The background job `consultations.escalate` (decision 0008): public requests nobody has touched for the
 * prefecture's number of working days (consultation settings, default 3) move on — from the municipality to its
 * region's coordinators (else the centre), from a region to the centre — each in its own short transaction:
 * the new owner, the reason on the case, the team it left kept as back-up, the case's history, the audit entry
 * and the receiving team's notification. "Touched" means anyone assigned it, recorded on its timeline, asked
 * another team or changed it; the job's own steps do not count. Safe to run twice: each case is locked and
 * checked again before it moves.
 *
 * Mail: the receiving team's notification (kind `consultation_escalated`) is the hook a mail digest reads; this
 * job sends nothing itself.
 */
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import {
  consultationActions,
  consultationHandoffs,
  consultationHistory,
  consultations,
} from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { calendarOf } from '../calendar/calendar';
import { concentrationRuleOf } from './caseload-board';
import { escalationCutOff, escalationDestination, escalationReason } from './escalation-rules';
import { notifyTeamOfRequest, respondersOf } from './first-contact';
import { ensureTeam, teamById } from './teams';

export const ESCALATE_JOB_KIND = 'consultations.escalate';
/** How often each prefecture's escalation runs (the schedule in src/jobs/schedule.ts). */
export const ESCALATE_EVERY_MS = 60 * 60_000;

/** The day a request arrived with its current team: escalated, the day of the escalation; else its opening. */
const arrivedOn = sql`coalesce((${consultations.escalatedAt} at time zone 'Asia/Tokyo')::date, ${consultations.openedOn})`;

/** Nobody has acted on the case: unassigned, nothing on its timeline, no request and no change by a person. */
const untouched = sql`(${consultations.assignedUserId} is null
  and not exists (select 1 from ${consultationActions} where ${consultationActions.consultationId} = ${consultations.id})
  and not exists (select 1 from ${consultationHandoffs} where ${consultationHandoffs.consultationId} = ${consultations.id}
                  and ${consultationHandoffs.requestedBy} is not null)
  and not exists (select 1 from ${consultationHistory} where ${consultationHistory.consultationId} = ${consultations.id}
                  and ${consultationHistory.userId} is not null))`;

function dueForEscalation(prefectureCode: string, cutOff: string) {
  return and(
    eq(consultations.prefectureCode, prefectureCode),
    eq(consultations.source, 'public_form'),
    isNull(consultations.closedAt),
    inArray(consultations.ownerTier, ['municipality', 'region']),
    lte(arrivedOn, cutOff),
    untouched,
  );
}

/** Escalates the prefecture's unanswered public requests; returns how many moved. */
export async function escalateUnanswered(db: SystemDb, prefectureCode: string, now: Date): Promise<number> {
  const today = isoDateInJapan(now);
  const [cal, rule] = [await calendarOf(db, prefectureCode), await concentrationRuleOf(db, prefectureCode)];
  const days = rule.escalateAfterWorkingDays;
  const cutOff = escalationCutOff(today, days, cal);
  const due = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(dueForEscalation(prefectureCode, cutOff))
    .limit(500);
  let moved = 0;
  for (const { id } of due) {
    if (await db.transaction((tx) => escalateOne(tx, prefectureCode, id, { now, today, days, cutOff })))
      moved++;
  }
  return moved;
}

async function escalateOne(
  tx: DbOrTx,
  prefectureCode: string,
  id: string,
  o: { now: Date; today: string; days: number; cutOff: string },
): Promise<boolean> {
  // Locked and checked again: a person may have picked it up since the list was read.
  const [row] = await tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, id), dueForEscalation(prefectureCode, o.cutOff)))
    .for('update');
  if (!row) return false;
  const responders = await respondersOf(tx, prefectureCode, row.municipalityCode, o.today);
  const dest = escalationDestination(row.ownerTier, responders);
  if (!dest) return false;
  const from = await teamById(tx, prefectureCode, row.ownerTeamId);
  const to = await ensureTeam(tx, prefectureCode, dest);
  const reason = escalationReason(o.days, from.name);
  const version = row.version + 1;
  await tx
    .update(consultations)
    .set({
      ownerTeamId: to.id,
      ownerTier: to.tier,
      routingReason: reason,
      escalatedAt: o.now,
      version,
      updatedAt: o.now,
    })
    .where(eq(consultations.id, id));
  await tx.insert(consultationHistory).values({
    consultationId: id,
    at: o.now,
    userId: null,
    action: 'escalate',
    changes: { ownerTeamId: [from.id, to.id], routingReason: [row.routingReason, reason] },
    version,
  });
  // The team it left keeps the case in sight, as after a hand-off kept as back-up (MI-1).
  await tx.insert(consultationHandoffs).values({
    consultationId: id,
    prefectureCode,
    kind: 'backup',
    fromTeamId: to.id,
    toTeamId: from.id,
    status: 'accepted',
    systemReason: { code: 'handoff_kept_as_backup' },
    requestedAt: o.now,
    decidedAt: o.now,
  });
  await recordAudit(
    tx,
    { actor: null, meta: null, at: o.now },
    {
      action: 'update',
      entityType: 'consultation',
      entityIds: [id],
      prefectureCode,
      detail: { event: 'escalated', days: o.days },
    },
  );
  await notifyTeamOfRequest(tx, to, { code: 'consultation_escalated', consultationId: id, at: o.now });
  return true;
}

/** The job's handler: one prefecture per job (its `prefectureCode`). */
export function escalateJobHandler(): JobHandler {
  return {
    run: async (ctx) => {
      const escalated = await escalateUnanswered(ctx.db, ctx.job.prefectureCode, ctx.now());
      if (escalated) ctx.log.info({ escalated }, 'unanswered consultation requests escalated');
      return { escalated };
    },
  };
}
