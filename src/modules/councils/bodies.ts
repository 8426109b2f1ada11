/**
 * Bodies (会議体): list with what the user needs to choose one (next meeting, members, open and overdue action
 * items), the body page (members, meetings, action items, charter, schedule), create and change under optimistic
 * locking. Each change is one transaction with its audit entry; reading a body page is audited (its members are
 * named people).
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  councilActionItems,
  councilBodies,
  councilMeetings,
  councilMembers,
  organisations,
  regions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { renderMarkdown } from '../../shared/markdown';
import { currentNendo } from '../../shared/nendo';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { overdueBeforeIn } from '../calendar/calendar';
import { type CouncilOwner, type CouncilPolicy, defaultOwner, managesOwner } from './policy';
import {
  actionItemRows,
  bodyFigures,
  currentMember,
  lastMeetingStart,
  meetingRows,
  ownerNames,
  ownerView,
  readAll,
} from './queries';
import { nextDates, type ScheduleRule, scheduleIssues } from './schedule';
import type { ZBodyListQuery, ZCreateBodyRequest, ZUpdateBodyRequest } from './schemas';
import { bodyScope, managedBody, readableBody, requireCouncils } from './scope';

export type Who = { actor: Actor; meta: RequestMeta; at: Date };
type BodyRow = typeof councilBodies.$inferSelect;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Bodies the caller reads, with their figures, by tier then name. */
export async function listBodies(
  db: DbOrTx,
  policy: CouncilPolicy,
  query: z.infer<typeof ZBodyListQuery>,
  now: Date,
) {
  requireCouncils(policy, 'read');
  const today = isoDateInJapan(now);
  const conds: (SQL | undefined)[] = [bodyScope(policy, 'read', today)];
  if (query.kind) conds.push(eq(councilBodies.kind, query.kind));
  if (query.tier === 'prefecture')
    conds.push(and(isNull(councilBodies.ownerCentreId), isNull(councilBodies.ownerRegionId)));
  if (query.tier === 'branch') conds.push(isNotNull(councilBodies.ownerCentreId));
  if (query.tier === 'region') conds.push(isNotNull(councilBodies.ownerRegionId));
  if (query.q) conds.push(ilike(councilBodies.name, `%${escapeLike(query.q)}%`));
  const archived = query.archived ?? 'false';
  if (archived === 'false') conds.push(isNull(councilBodies.archivedAt));
  if (archived === 'true') conds.push(isNotNull(councilBodies.archivedAt));
  const rows = await db
    .select()
    .from(councilBodies)
    .where(and(...conds))
    .orderBy(
      sql`case when ${councilBodies.ownerCentreId} is null and ${councilBodies.ownerRegionId} is null then 0 when ${councilBodies.ownerCentreId} is not null then 1 else 2 end`,
      asc(councilBodies.name),
    )
    .limit(500);
  const names = await ownerNames(db, policy.prefectureCode!);
  const figures = await bodyFigures(
    db,
    rows.map((r) => r.id),
    policy.userId,
    now,
    today,
    currentNendo(today),
    await overdueBeforeIn(db, policy.prefectureCode, today),
  );
  return {
    items: rows.map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      owner: ownerView(b, names),
      ...figures.get(b.id)!,
      archived: b.archivedAt !== null,
      canManage: managesOwner(policy.manage, b),
    })),
    total: rows.length,
  };
}

export function ruleOf(b: BodyRow): ScheduleRule {
  return {
    kind: b.scheduleKind,
    intervalMonths: b.scheduleIntervalMonths,
    dayOfMonth: b.scheduleDayOfMonth,
    weekOfMonth: b.scheduleWeekOfMonth,
    weekday: b.scheduleWeekday,
    startTime: b.scheduleStartTime ? b.scheduleStartTime.slice(0, 5) : null,
    durationMinutes: b.scheduleDurationMinutes,
  };
}

/** The schedule's next `count` dates (Japan) from today that have no meeting yet. */
export async function unplannedDates(
  db: DbOrTx,
  b: BodyRow,
  today: string,
  count: number,
): Promise<string[]> {
  const rule = ruleOf(b);
  if (rule.kind === 'none') return [];
  const last = await lastMeetingStart(db, b.id);
  const anchor = last ? isoDateInJapan(last).slice(0, 7) : undefined;
  const planned = await db
    .select({
      day: sql<string>`to_char(${councilMeetings.startsAt} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`,
    })
    .from(councilMeetings)
    .where(
      and(
        eq(councilMeetings.bodyId, b.id),
        sql`${councilMeetings.startsAt} >= ${`${today}T00:00:00+09:00`}::timestamptz`,
      ),
    );
  const taken = new Set(planned.map((p) => p.day));
  return nextDates(rule, today, count + taken.size, anchor)
    .filter((d) => !taken.has(d))
    .slice(0, count);
}

/** The body page: fields, owner, schedule's next dates, members, meetings and action items. */
export async function bodyView(
  db: DbOrTx,
  who: { actor: Actor; meta: RequestMeta | null; at: Date },
  policy: CouncilPolicy,
  id: string,
) {
  const today = isoDateInJapan(who.at);
  const b = await readableBody(db, policy, id, today);
  const canManage = managesOwner(policy.manage, b);
  const overdueBefore = await overdueBeforeIn(db, b.prefectureCode, today);
  const [names, members, meetings, actionItems, nextScheduledDates] = await readAll(db, [
    () => ownerNames(db, b.prefectureCode),
    () => memberRows(db, b.id, today),
    () => meetingRows(db, eq(councilMeetings.bodyId, b.id), 'desc', 200),
    () =>
      actionItemRows(db, eq(councilActionItems.bodyId, b.id), {
        overdueBefore,
        userId: policy.userId,
        canManage: () => canManage,
      }),
    () => unplannedDates(db, b, today, 6),
  ]);
  await recordAudit(db, who, { action: 'read', entityType: 'council_body', entityIds: [b.id] });
  return {
    id: b.id,
    kind: b.kind,
    name: b.name,
    owner: ownerView(b, names),
    purpose: b.purpose,
    charter: b.charter,
    // Rendered here, once, by the shared renderer (raw HTML escaped, unsafe link URLs dropped): the page shows
    // this HTML and needs no Markdown code of its own.
    charterHtml: b.charter ? renderMarkdown(b.charter) : '',
    defaultPlace: b.defaultPlace,
    ...ruleFields(b),
    nextScheduledDates,
    archived: b.archivedAt !== null,
    version: b.version,
    canManage,
    members,
    meetings,
    actionItems,
  };
}

function ruleFields(b: BodyRow) {
  const r = ruleOf(b);
  return {
    scheduleKind: r.kind,
    scheduleIntervalMonths: r.intervalMonths,
    scheduleDayOfMonth: r.dayOfMonth,
    scheduleWeekOfMonth: r.weekOfMonth,
    scheduleWeekday: r.weekday,
    scheduleStartTime: r.startTime,
    scheduleDurationMinutes: r.durationMinutes,
  };
}

/** A body's members, current first, then by role and name. */
export async function memberRows(db: DbOrTx, bodyId: string, today: string) {
  const rows = await db
    .select({
      m: councilMembers,
      organisationName: organisations.name,
      current: sql<boolean>`${currentMember(today)}`,
    })
    .from(councilMembers)
    .leftJoin(organisations, eq(organisations.id, councilMembers.organisationId))
    .where(eq(councilMembers.bodyId, bodyId))
    .orderBy(
      sql`${currentMember(today)} desc`,
      sql`array_position(array['chair','vice_chair','member','secretariat'], ${councilMembers.role})`,
      asc(councilMembers.name),
    );
  return rows.map(({ m, organisationName, current }) => ({
    id: m.id,
    name: m.name,
    userId: m.userId,
    organisationId: m.organisationId,
    organisationName,
    affiliation: m.affiliation,
    category: m.category,
    role: m.role,
    termFrom: m.termFrom,
    termTo: m.termTo,
    current: Boolean(current),
    version: m.version,
  }));
}

/** Checks an owner named by a form: a branch or region of the prefecture, within what the caller manages. */
async function checkedOwner(
  tx: DbOrTx,
  policy: CouncilPolicy,
  body: { ownerCentreId?: string | null | undefined; ownerRegionId?: string | null | undefined },
  fallback: CouncilOwner,
): Promise<CouncilOwner> {
  const named = body.ownerCentreId !== undefined || body.ownerRegionId !== undefined;
  const o: CouncilOwner = named
    ? { ownerCentreId: body.ownerCentreId ?? null, ownerRegionId: body.ownerRegionId ?? null }
    : fallback;
  const bad = (path: string, message: string) =>
    new AppError('validation_failed', { issues: [{ path, message }] });
  if (o.ownerCentreId && o.ownerRegionId) {
    throw bad('ownerRegionId', '主催は支部か圏域のどちらか一つです / One owner only: a branch or a region');
  }
  if (o.ownerCentreId) {
    const [c] = await tx
      .select({ id: centres.id })
      .from(centres)
      .where(
        and(
          eq(centres.id, o.ownerCentreId),
          eq(centres.prefectureCode, policy.prefectureCode!),
          eq(centres.kind, 'branch'),
        ),
      );
    if (!c) throw bad('ownerCentreId', '支部が見つかりません / Unknown branch');
  }
  if (o.ownerRegionId) {
    const [r] = await tx
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.id, o.ownerRegionId), eq(regions.prefectureCode, policy.prefectureCode!)));
    if (!r) throw bad('ownerRegionId', '圏域が見つかりません / Unknown region');
  }
  if (!managesOwner(policy.manage, o)) throw new AppError('forbidden');
  return o;
}

type ScheduleInput = Partial<Pick<z.infer<typeof ZCreateBodyRequest>, keyof ReturnType<typeof ruleFields>>>;

function scheduleValues(body: ScheduleInput): Partial<typeof councilBodies.$inferInsert> {
  const v: Partial<typeof councilBodies.$inferInsert> = {};
  if (body.scheduleKind !== undefined) v.scheduleKind = body.scheduleKind;
  if (body.scheduleIntervalMonths !== undefined) v.scheduleIntervalMonths = body.scheduleIntervalMonths;
  if (body.scheduleDayOfMonth !== undefined) v.scheduleDayOfMonth = body.scheduleDayOfMonth;
  if (body.scheduleWeekOfMonth !== undefined) v.scheduleWeekOfMonth = body.scheduleWeekOfMonth;
  if (body.scheduleWeekday !== undefined) v.scheduleWeekday = body.scheduleWeekday;
  if (body.scheduleStartTime !== undefined) v.scheduleStartTime = body.scheduleStartTime;
  if (body.scheduleDurationMinutes !== undefined) v.scheduleDurationMinutes = body.scheduleDurationMinutes;
  return v;
}

function checkSchedule(b: Pick<BodyRow, keyof typeof councilBodies.$inferSelect>): void {
  const issues = scheduleIssues(ruleOf(b));
  if (issues.length) {
    throw new AppError('council_schedule_incomplete', {
      issues: issues.map((path) => ({ path, message: '入力してください / Required' })),
    });
  }
}

/** Creates a body owned by the named owner or the caller's own branch, region or the prefecture. */
export async function createBody(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  body: z.infer<typeof ZCreateBodyRequest>,
) {
  requireCouncils(policy, 'manage');
  const owner = await checkedOwner(tx, policy, body, defaultOwner(policy.manage));
  const values: typeof councilBodies.$inferInsert = {
    prefectureCode: policy.prefectureCode!,
    kind: body.kind,
    name: body.name,
    ...owner,
    purpose: body.purpose ?? '',
    charter: body.charter ?? '',
    defaultPlace: body.defaultPlace ?? '',
    ...scheduleValues(body),
    createdBy: who.actor.userId,
    createdAt: who.at,
    updatedAt: who.at,
  };
  checkSchedule({ ...DEFAULT_SCHEDULE, ...values } as BodyRow);
  const [row] = await tx.insert(councilBodies).values(values).returning({ id: councilBodies.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'council_body',
    entityIds: [row!.id],
    detail: { kind: body.kind, ...owner },
  });
  return row!.id;
}

const DEFAULT_SCHEDULE = {
  scheduleKind: 'none',
  scheduleIntervalMonths: 1,
  scheduleDayOfMonth: null,
  scheduleWeekOfMonth: null,
  scheduleWeekday: null,
  scheduleStartTime: null,
  scheduleDurationMinutes: 90,
} as const;

/** Changes a body (409 on a stale version, with the body as it is now). */
export async function updateBody(
  tx: DbOrTx,
  who: Who,
  policy: CouncilPolicy,
  id: string,
  body: z.infer<typeof ZUpdateBodyRequest>,
) {
  const today = isoDateInJapan(who.at);
  const b = await managedBody(tx, policy, id, today, true);
  if (b.version !== body.version) {
    throw new AppError('conflict', {
      detail: { current: await bodyView(tx, { ...who, meta: null }, policy, id) },
    });
  }
  const set: Partial<typeof councilBodies.$inferInsert> = { ...scheduleValues(body) };
  if (body.kind !== undefined) set.kind = body.kind;
  if (body.name !== undefined) set.name = body.name;
  if (body.purpose !== undefined) set.purpose = body.purpose;
  if (body.charter !== undefined) set.charter = body.charter;
  if (body.defaultPlace !== undefined) set.defaultPlace = body.defaultPlace;
  if (body.archived !== undefined) set.archivedAt = body.archived ? (b.archivedAt ?? who.at) : null;
  if (body.ownerCentreId !== undefined || body.ownerRegionId !== undefined) {
    Object.assign(set, await checkedOwner(tx, policy, body, b));
  }
  checkSchedule({ ...b, ...set } as BodyRow);
  await tx
    .update(councilBodies)
    .set({ ...set, updatedAt: who.at, version: sql`${councilBodies.version} + 1` })
    .where(eq(councilBodies.id, b.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'council_body',
    entityIds: [b.id],
    detail: { changed: Object.keys(set) },
  });
}

/** What the body form offers: the owners the caller may choose, and the prefecture's organisations. */
export async function councilOptions(db: DbOrTx, policy: CouncilPolicy) {
  requireCouncils(policy, 'read');
  const names = await ownerNames(db, policy.prefectureCode!);
  const owners: ReturnType<typeof ownerView>[] = [];
  const add = (o: CouncilOwner) => {
    if (managesOwner(policy.manage, o)) owners.push(ownerView(o, names));
  };
  add({ ownerCentreId: null, ownerRegionId: null });
  for (const id of names.centres.keys()) add({ ownerCentreId: id, ownerRegionId: null });
  for (const id of names.regions.keys()) add({ ownerCentreId: null, ownerRegionId: id });
  const orgs =
    policy.manage.kind === 'none'
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.prefectureCode, policy.prefectureCode!))
          .orderBy(asc(organisations.name))
          .limit(2000);
  return { owners, canCreate: owners.length > 0, organisations: orgs };
}
