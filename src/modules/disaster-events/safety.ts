/**
 * Safety checks (安否確認) on the outage list (docs/disaster.md §4): when, who called, the result and the help
 * needed. A check is recorded for a child the reader sees named on the list — with the guardian's
 * `disaster_planning` consent, or opened by the reader under an event in force — in the reader's area; any other
 * child answers 404, like an unknown one. The check and its audit entry share one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childDisasterConsents, children } from '../../db/schema';
import { disasterEventOpenings, disasterSafetyChecks } from '../../db/schema/disaster-events';
import { AppError } from '../../server/errors';
import type { SafetyResult } from '../../shared/vocab/disaster-events';
import { recordAudit } from '../audit/record';
import type { Who } from './events';
import { eventState, mayRecordChecks } from './policy';
import { areaScope, type ReadyPolicy, visibleEvent } from './scope';

export type CheckInput = {
  childId: string;
  eventId?: string | null;
  checkedAt?: string;
  result: SafetyResult;
  callerName?: string;
  helpNeeded?: string | null;
  note?: string | null;
};

export async function recordCheck(tx: DbOrTx, who: Who, p: ReadyPolicy, input: CheckInput) {
  if (!mayRecordChecks(p)) throw new AppError('forbidden');
  const event = input.eventId ? await visibleEvent(tx, p, input.eventId) : null;
  const activeEventId = event && eventState(event, who.at) === 'active' ? event.id : null;
  const [child] = await tx
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        eq(children.id, input.childId),
        eq(children.prefectureCode, p.prefectureCode),
        areaScope(p, children.municipalityCode),
        sql`(exists (select 1 from ${childDisasterConsents} dc
                     where dc.child_id = ${children.id} and dc.granted)
             or (${activeEventId}::uuid is not null and exists (
                     select 1 from ${disasterEventOpenings} o
                     where o.event_id = ${activeEventId}::uuid and o.child_id = ${children.id}
                       and o.user_id = ${who.actor.userId}::uuid)))`,
      ),
    );
  if (!child) throw new AppError('not_found');
  const checkedAt = input.checkedAt ? new Date(input.checkedAt) : who.at;
  if (checkedAt.getTime() > who.at.getTime() + 60_000) throw new AppError('disaster_check_in_future');
  const [row] = await tx
    .insert(disasterSafetyChecks)
    .values({
      prefectureCode: p.prefectureCode,
      childId: child.id,
      eventId: event?.id ?? null,
      checkedAt,
      callerUserId: who.actor.userId,
      callerName: input.callerName?.trim() || who.actor.displayName,
      result: input.result,
      helpNeeded: input.helpNeeded?.trim() || null,
      note: input.note?.trim() || null,
    })
    .returning();
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'disaster_safety_check',
    entityIds: [child.id, row!.id],
    detail: { event: 'created', status: input.result },
  });
  return {
    id: row!.id,
    childId: row!.childId,
    eventId: row!.eventId,
    checkedAt: row!.checkedAt.toISOString(),
    callerName: row!.callerName,
    result: row!.result,
    helpNeeded: row!.helpNeeded,
    note: row!.note,
  };
}
