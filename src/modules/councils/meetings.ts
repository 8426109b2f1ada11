/**
 * Meetings (会議): list, page, plan (by hand or from the body's schedule), change under optimistic locking.
 * A meeting ending before it starts is refused. Reading a meeting page is audited (its non-public minutes and
 * attendance are named people's).
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  councilActionItems,
  councilAttendance,
  councilBodies,
  councilDecisions,
  councilMeetings,
  councilMembers,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { nendoRange } from '../../shared/nendo';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { overdueBeforeIn } from '../calendar/calendar';
import { ruleOf, unplannedDates, type Who } from './bodies';
import { meetingMaterials } from './materials';
import { type CouncilPolicy, managesOwner } from './policy';
import { actionItemRows, meetingRows, ownerNames, ownerView, readAll } from './queries';
import { meetingTimes } from './schedule';
import type { ZCreateMeetingRequest, ZMeetingListQuery, ZUpdateMeetingRequest } from './schemas';
import { bodyScope, managedBody, requireCouncils } from './scope';

/** Meetings of the bodies the caller reads, filtered; upcoming ones first when asked, else newest first. */
export async function listMeetings(
  db: DbOrTx,
  policy: CouncilPolicy,
  query: z.infer<typeof ZMeetingListQuery>,
  now: Date,
) {
  requireCouncils(policy, 'read');
  const today = isoDateInJapan(now);
  const conds: (SQL | undefined)[] = [bodyScope(policy, 'read', today)];
  if (query.bodyId) conds.push(eq(councilMeetings.bodyId, query.bodyId));
  if (query.status) conds.push(eq(councilMeetings.status, query.status));
  if (query.nendo) {
    const { start, end } = nendoRange(query.nendo);
    conds.push(
      sql`(${councilMeetings.startsAt} at time zone 'Asia/Tokyo')::date between ${start}::date and ${end}::date`,
    );
  }
  const upcoming = query.upcoming === 'true';
  if (upcoming) conds.push(sql`${councilMeetings.endsAt} >= ${now.toISOString()}::timestamptz`);
  return { items: await meetingRows(db, and(...conds), upcoming ? 'asc' : 'desc') };
}

export type MeetingRow = typeof councilMeetings.$inferSelect;
type BodyRow = typeof councilBodies.$inferSelect;

/** A meeting of a body the caller reads, by an unverified id (404 otherwise), with its body. */
export async function readableMeeting(
  db: DbOrTx,
  policy: CouncilPolicy,
  id: string,
  today: string,
  forUpdate = false,
): Promise<{ meeting: MeetingRow; body: BodyRow }> {
  requireCouncils(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select({ meeting: councilMeetings, body: councilBodies })
    .from(councilMeetings)
    .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
    .where(and(eq(councilMeetings.id, id), bodyScope(policy, 'read', today)));
  const [row] = forUpdate ? await q.for('update', { of: councilMeetings }) : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** A meeting of a body the caller manages: 403 (before any id is read) without a manage area; 403 when only read. */
export async function managedMeeting(db: DbOrTx, policy: CouncilPolicy, id: string, today: string) {
  requireCouncils(policy, 'manage');
  const row = await readableMeeting(db, policy, id, today, true);
  if (!managesOwner(policy.manage, row.body)) throw new AppError('forbidden');
  return row;
}

/** Members whose term covers a date. */
export function membersOn(date: string): SQL {
  return sql`${councilMembers.termFrom} <= ${date}::date and (${councilMembers.termTo} is null or ${councilMembers.termTo} >= ${date}::date)`;
}

/** The meeting page: summary, agenda, attendance of the members on the day, minutes, decisions, action items. */
export async function meetingView(
  db: DbOrTx,
  who: { actor: Actor; meta: RequestMeta | null; at: Date },
  policy: CouncilPolicy,
  id: string,
  audit = true,
) {
  const today = isoDateInJapan(who.at);
  const { meeting: m, body: b } = await readableMeeting(db, policy, id, today);
  const canManage = managesOwner(policy.manage, b);
  const day = isoDateInJapan(m.startsAt);
  const overdueBefore = await overdueBeforeIn(db, b.prefectureCode, today);
  const [names, rows, attendance, decisions, actionItems, materials] = await readAll(db, [
    () => ownerNames(db, b.prefectureCode),
    () => meetingRows(db, eq(councilMeetings.id, m.id)),
    () =>
      db
        .select({
          memberId: councilMembers.id,
          name: councilMembers.name,
          affiliation: councilMembers.affiliation,
          category: councilMembers.category,
          status: councilAttendance.status,
          note: councilAttendance.note,
        })
        .from(councilMembers)
        .leftJoin(
          councilAttendance,
          and(eq(councilAttendance.memberId, councilMembers.id), eq(councilAttendance.meetingId, m.id)),
        )
        .where(
          and(
            eq(councilMembers.bodyId, b.id),
            sql`(${membersOn(day)} or ${councilAttendance.memberId} is not null)`,
          ),
        )
        .orderBy(
          sql`array_position(array['chair','vice_chair','member','secretariat'], ${councilMembers.role})`,
          asc(councilMembers.name),
        ),
    () =>
      db
        .select({ text: councilDecisions.text })
        .from(councilDecisions)
        .where(eq(councilDecisions.meetingId, m.id))
        .orderBy(asc(councilDecisions.seq)),
    () =>
      actionItemRows(db, eq(councilActionItems.meetingId, m.id), {
        overdueBefore,
        userId: policy.userId,
        canManage: () => canManage,
      }),
    () => meetingMaterials(db, m.id),
  ]);
  if (audit) await recordAudit(db, who, { action: 'read', entityType: 'council_meeting', entityIds: [m.id] });
  return {
    ...rows[0]!,
    bodyOwner: ownerView(b, names),
    agenda: m.agenda,
    minutesPublic: m.minutesPublic,
    minutesPrivate: m.minutesPrivate,
    minutesPublishedAt: m.minutesPublishedAt?.toISOString() ?? null,
    decisions: decisions.map((d) => d.text),
    attendance: attendance.map((a) => ({ ...a, status: a.status ?? null, note: a.note ?? '' })),
    actionItems,
    materials,
    version: m.version,
    canManage,
  };
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError('council_meeting_ends_before_start', {
      issues: [
        { path: 'endsAt', message: '終了は開始より後にしてください / The end must be after the start' },
      ],
    });
  }
}

/** Plans a meeting of a body the caller manages. */
export async function createMeeting(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  body: z.infer<typeof ZCreateMeetingRequest>,
): Promise<string> {
  const b = await managedBody(tx, policy, body.bodyId, isoDateInJapan(who.at)).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') {
      throw new AppError('validation_failed', {
        issues: [{ path: 'bodyId', message: '会議体が見つかりません / Unknown body' }],
      });
    }
    throw e;
  });
  if (b.archivedAt) throw new AppError('council_body_archived');
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  checkTimes(startsAt, endsAt);
  const [row] = await tx
    .insert(councilMeetings)
    .values({
      bodyId: b.id,
      prefectureCode: b.prefectureCode,
      title: body.title,
      startsAt,
      endsAt,
      place: body.place ?? b.defaultPlace,
      agenda: body.agenda ?? '',
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning({ id: councilMeetings.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'council_meeting',
    entityIds: [row!.id, b.id],
  });
  return row!.id;
}

/** Throws 409 with the meeting as it is now when `version` is not its version. */
export async function checkMeetingVersion(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  m: MeetingRow,
  version: number,
) {
  if (m.version !== version) {
    throw new AppError('conflict', {
      detail: { current: await meetingView(tx, { ...who, meta: null }, policy, m.id, false) },
    });
  }
}

/** Bumps a meeting's version (every change to it, its attendance or its minutes). */
export async function bumpMeeting(
  tx: DbOrTx,
  id: string,
  at: Date,
  set: Partial<typeof councilMeetings.$inferInsert> = {},
) {
  await tx
    .update(councilMeetings)
    .set({ ...set, updatedAt: at, version: sql`${councilMeetings.version} + 1` })
    .where(eq(councilMeetings.id, id));
}

/** Changes a meeting's fields or status; a meeting no longer held loses its published minutes. */
export async function updateMeeting(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZUpdateMeetingRequest>,
) {
  const { meeting: m } = await managedMeeting(tx, policy, id, isoDateInJapan(who.at));
  await checkMeetingVersion(tx, who, policy, m, body.version);
  const set: Partial<typeof councilMeetings.$inferInsert> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.place !== undefined) set.place = body.place;
  if (body.agenda !== undefined) set.agenda = body.agenda;
  if (body.startsAt !== undefined) set.startsAt = new Date(body.startsAt);
  if (body.endsAt !== undefined) set.endsAt = new Date(body.endsAt);
  if (body.status !== undefined) {
    set.status = body.status;
    if (body.status !== 'held') set.minutesPublishedAt = null;
  }
  checkTimes(set.startsAt ?? m.startsAt, set.endsAt ?? m.endsAt);
  await bumpMeeting(tx, m.id, who.at, set);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_meeting',
    entityIds: [m.id],
    detail: { changed: Object.keys(set), ...(body.status ? { status: body.status } : {}) },
  });
}

/**
 * Plans the body's next `count` meetings from its schedule (dates that have none yet), at the schedule's time
 * and length and the body's usual place. The body's version guards against planning twice.
 */
export async function generateMeetings(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  bodyId: string,
  body: { version: number; count: number },
): Promise<string[]> {
  const today = isoDateInJapan(who.at);
  const b = await managedBody(tx, policy, bodyId, today, true);
  if (b.archivedAt) throw new AppError('council_body_archived');
  if (b.version !== body.version) throw new AppError('conflict', { detail: { currentVersion: b.version } });
  const rule = ruleOf(b);
  if (rule.kind === 'none' || !rule.startTime) throw new AppError('council_schedule_incomplete');
  const dates = await unplannedDates(tx, b, today, body.count);
  const created: string[] = [];
  for (const d of dates) {
    const { startsAt, endsAt } = meetingTimes(d, rule.startTime, rule.durationMinutes);
    const [row] = await tx
      .insert(councilMeetings)
      .values({
        bodyId: b.id,
        prefectureCode: b.prefectureCode,
        title: b.name,
        startsAt,
        endsAt,
        place: b.defaultPlace,
        createdAt: who.at,
        updatedAt: who.at,
      })
      .returning({ id: councilMeetings.id });
    created.push(row!.id);
  }
  await tx
    .update(councilBodies)
    .set({ updatedAt: who.at, version: sql`${councilBodies.version} + 1` })
    .where(eq(councilBodies.id, b.id));
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'council_meeting',
    entityIds: [...created, b.id],
    detail: { count: created.length },
  });
  return created;
}
