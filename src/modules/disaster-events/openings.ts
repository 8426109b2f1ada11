/**
 * Opening a record beyond the usual consent under a declared event (break-glass, docs/disaster.md §5): only a
 * designated responder of the event in force, only a child at home in the event's areas and the responder's own
 * area, only with a reason — stored with the opening and in the audit entry, in one transaction — and what is
 * returned is what a call needs (name, address, guardians' telephones, devices, care items, contacts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childCareItems, childDevices, childGuardians, children } from '../../db/schema';
import { disasterEventOpenings } from '../../db/schema/disaster-events';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { requireReason, type Who } from './events';
import { outageList } from './outage';
import { eventState, mayOpen } from './policy';
import { eventCodesInArea, type ReadyPolicy, visibleEvent } from './scope';

export async function openRecord(
  tx: DbOrTx,
  who: Who,
  p: ReadyPolicy,
  unverifiedEventId: string,
  input: { childId: string; reason: string },
) {
  const event = await visibleEvent(tx, p, unverifiedEventId);
  if (eventState(event, who.at) !== 'active') throw new AppError('disaster_event_not_active');
  if (!mayOpen(p, who.actor.userId, event, who.at)) throw new AppError('disaster_not_responder');
  const reason = requireReason(input.reason);
  const codes = await eventCodesInArea(tx, p, event);
  const [child] = codes.length
    ? await tx
        .select({ id: children.id })
        .from(children)
        .where(
          and(
            eq(children.id, input.childId),
            eq(children.prefectureCode, p.prefectureCode),
            inArray(children.municipalityCode, codes),
            eq(children.status, 'at_home'),
          ),
        )
    : [];
  if (!child) throw new AppError('not_found');
  const [opening] = await tx
    .insert(disasterEventOpenings)
    .values({
      prefectureCode: p.prefectureCode,
      eventId: event.id,
      childId: child.id,
      userId: who.actor.userId,
      reason,
      openedAt: who.at,
    })
    .returning({ id: disasterEventOpenings.id });
  await recordAudit(tx, who, {
    action: 'read',
    entityType: 'disaster_break_glass',
    entityIds: [child.id, event.id],
    detail: { reason, eventId: event.id },
  });
  // The child's row as the list shows it to the opener now (named by the opening just recorded).
  const list = await outageList(tx, {
    prefectureCode: p.prefectureCode,
    codes: [...codes],
    since: event.startsAt,
    now: who.at,
    userId: who.actor.userId,
    eventId: event.id,
    limit: 1,
    childId: child.id,
  });
  const row = list.rows.find((r) => r.childId === child.id);
  if (!row) throw new AppError('not_found');
  const [guardians, devices, careItems] = await Promise.all([
    tx
      .select({
        familyName: childGuardians.familyName,
        givenName: childGuardians.givenName,
        relationship: childGuardians.relationship,
        phone: childGuardians.phone,
      })
      .from(childGuardians)
      .where(eq(childGuardians.childId, child.id))
      .orderBy(asc(childGuardians.createdAt)),
    tx
      .select({
        kind: childDevices.kind,
        name: childDevices.name,
        needsMains: childDevices.needsMains,
        batteryHours: childDevices.batteryHours,
      })
      .from(childDevices)
      .where(eq(childDevices.childId, child.id)),
    tx.select({ code: childCareItems.code }).from(childCareItems).where(eq(childCareItems.childId, child.id)),
  ]);
  return {
    openingId: opening!.id,
    child: row,
    guardians: guardians.map((g) => ({
      name: `${g.familyName} ${g.givenName}`,
      relationship: g.relationship,
      phone: g.phone,
    })),
    devices: devices.map((d) => ({
      ...d,
      batteryHours: d.batteryHours == null ? null : Number(d.batteryHours),
    })),
    careItems: careItems.map((c) => c.code),
  };
}
