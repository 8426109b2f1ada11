/**
 * Calendars: a body's meetings as an .ics file (signed in), and each user's personal feed at
 * /api/public/calendar/{token}.ics for calendar apps, which cannot sign in. The feed's token is random, stored only as
 * its SHA-256, one active per user, revocable: a revoked or unknown token answers 404 and a new one is a new
 * address. The feed carries the meetings of the bodies the user is a member of or manages (within what they may
 * read today) and the due dates of their open action items — titles, times, places and links only: never an
 * agenda, minutes, attendance or an action item's text, so that nothing about a child or family can reach a
 * calendar service.
 */
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import {
  auditLog,
  calendarFeedTokens,
  councilActionItems,
  councilBodies,
  councilMeetings,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor, RequestMeta } from '../access/actor';
import { resolveActor } from '../access/resolve-actor';
import { randomToken, tokenHash } from '../accounts/crypto';
import { recordAudit } from '../audit/record';
import { buildCalendar, type IcsEvent } from './ics';
import type { CouncilPolicy } from './policy';
import { bodyScope, councilPolicyFor, readableBody } from './scope';

const STATUS = { planned: 'CONFIRMED', held: 'CONFIRMED', cancelled: 'CANCELLED' } as const;

type MeetingForCalendar = {
  id: string;
  title: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  status: 'planned' | 'held' | 'cancelled';
  version: number;
  updatedAt: Date;
};

function meetingEvent(m: MeetingForCalendar, origin: string): IcsEvent {
  return {
    uid: `council-meeting-${m.id}@tsunagu`,
    sequence: m.version,
    summary: m.title.startsWith(m.bodyName) ? m.title : `${m.title}（${m.bodyName}）`,
    location: m.place,
    url: `${origin}/councils/meetings/${m.id}`,
    status: STATUS[m.status],
    when: { start: m.startsAt, end: m.endsAt },
    lastModified: m.updatedAt,
  };
}

const meetingColumns = {
  id: councilMeetings.id,
  title: councilMeetings.title,
  bodyName: councilBodies.name,
  startsAt: councilMeetings.startsAt,
  endsAt: councilMeetings.endsAt,
  place: councilMeetings.place,
  status: councilMeetings.status,
  version: councilMeetings.version,
  updatedAt: councilMeetings.updatedAt,
};

/** A body's meetings (a year back and everything ahead) as iCalendar text; the export is audited. */
export async function bodyCalendar(
  db: DbOrTx,
  who: { actor: Actor; meta: RequestMeta; at: Date },
  policy: CouncilPolicy,
  bodyId: string,
  origin: string,
): Promise<{ name: string; text: string }> {
  const b = await readableBody(db, policy, bodyId, isoDateInJapan(who.at));
  const since = new Date(who.at.getTime() - 366 * 86_400_000);
  const rows = await db
    .select(meetingColumns)
    .from(councilMeetings)
    .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
    .where(and(eq(councilMeetings.bodyId, b.id), gte(councilMeetings.startsAt, since)))
    .orderBy(councilMeetings.startsAt);
  await recordAudit(db, who, {
    action: 'export',
    entityType: 'council_body',
    entityIds: [b.id],
    detail: { format: 'ics', count: rows.length },
  });
  return {
    name: b.name,
    text: buildCalendar({ name: b.name, now: who.at, events: rows.map((m) => meetingEvent(m, origin)) }),
  };
}

/** Whether the user has an active feed, and since when. */
export async function feedState(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ createdAt: calendarFeedTokens.createdAt })
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)));
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null, url: null };
}

/** Revokes the user's active feed token, if any (the old address answers 404 from now on); its id. */
async function revokeActive(tx: DbOrTx, userId: string, at: Date): Promise<string | null> {
  const done = await tx
    .update(calendarFeedTokens)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
    .returning({ id: calendarFeedTokens.id });
  return done[0]?.id ?? null;
}

/** Issues a new feed address (revoking the previous one); the token is shown once, only its hash is kept. */
export async function issueFeed(
  tx: DbOrTx,
  who: { actor: Actor; meta: RequestMeta; at: Date },
  origin: string,
) {
  const replaced = await revokeActive(tx, who.actor.userId, who.at);
  const token = randomToken();
  const [row] = await tx
    .insert(calendarFeedTokens)
    .values({ userId: who.actor.userId, tokenHash: tokenHash(token), createdAt: who.at })
    .returning({ id: calendarFeedTokens.id });
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'calendar_feed',
    entityIds: [row!.id],
    detail: replaced ? { event: 'updated', replaced } : { event: 'created' },
  });
  return { active: true, createdAt: who.at.toISOString(), url: `${origin}/api/public/calendar/${token}.ics` };
}

/** Revokes the user's feed. */
export async function revokeFeed(tx: DbOrTx, who: { actor: Actor; meta: RequestMeta; at: Date }) {
  const revoked = await revokeActive(tx, who.actor.userId, who.at);
  if (revoked) {
    await recordAudit(tx, who, { action: 'delete', entityType: 'calendar_feed', entityIds: [revoked] });
  }
  return feedState(tx, who.actor.userId);
}

/**
 * The personal feed behind a token ('…token….ics'): 404 for anything but an active token of an active user who
 * may still read councils, with nothing recorded. A calendar app polls every few minutes, so only the first
 * fetch of a token on each day (Japan time) is written to the audit log ({@link recordFirstFetchOfDay}); the
 * later ones that day change nothing.
 */
export async function personalFeed(db: SystemDb, file: string, meta: RequestMeta, now: Date, origin: string) {
  const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  if (!m) throw new AppError('not_found');
  const [row] = await db
    .select({ tokenId: calendarFeedTokens.id, user: users })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(and(eq(calendarFeedTokens.tokenHash, tokenHash(m[1]!)), isNull(calendarFeedTokens.revokedAt)));
  if (!row || row.user.disabledAt) throw new AppError('not_found');
  const actor = await resolveActor(db, row.user);
  const policy = await councilPolicyFor(db, actor);
  if (policy.read.kind === 'none') throw new AppError('not_found');
  const today = isoDateInJapan(now);
  const since = new Date(now.getTime() - 92 * 86_400_000);
  const mine = or(
    sql`exists (select 1 from council_members cm where cm.body_id = ${councilBodies.id} and cm.user_id = ${actor.userId}
      and cm.term_from <= ${today}::date and (cm.term_to is null or cm.term_to >= ${today}::date))`,
    bodyScope(policy, 'manage', today),
  );
  const [meetings, items] = await Promise.all([
    db
      .select(meetingColumns)
      .from(councilMeetings)
      .innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
      .where(and(bodyScope(policy, 'read', today), mine, gte(councilMeetings.startsAt, since)))
      .orderBy(councilMeetings.startsAt)
      .limit(2000),
    db
      .select({
        id: councilActionItems.id,
        dueOn: councilActionItems.dueOn,
        bodyName: councilBodies.name,
        version: councilActionItems.version,
      })
      .from(councilActionItems)
      .innerJoin(councilBodies, eq(councilBodies.id, councilActionItems.bodyId))
      .where(
        and(
          eq(councilActionItems.ownerUserId, actor.userId),
          inArray(councilActionItems.status, ['open']),
          bodyScope(policy, 'read', today),
        ),
      )
      .limit(500),
  ]);
  const ja = actor.locale !== 'en';
  const events: IcsEvent[] = [
    ...meetings.map((mt) => meetingEvent(mt, origin)),
    ...items.map((i) => ({
      uid: `council-action-${i.id}@tsunagu`,
      sequence: i.version,
      summary: ja ? `宿題の期限（${i.bodyName}）` : `Action item due (${i.bodyName})`,
      url: `${origin}/councils/action-items`,
      when: { date: i.dueOn },
    })),
  ];
  await recordFirstFetchOfDay(db, { actor, meta, at: now }, row.tokenId, events.length);
  const name = ja ? 'つなぐ 会議の予定' : 'Tsunagu meetings';
  return buildCalendar({ name, now, events });
}

/** An entry for this token's fetch already in the audit log on the Japan day of `at`. */
async function fetchedToday(db: DbOrTx, userId: string, tokenId: string, at: Date): Promise<boolean> {
  const dayStart = new Date(`${isoDateInJapan(at)}T00:00:00+09:00`);
  // By the actor index (user, time): only the user's own entries of the day are looked at.
  const [seen] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorUserId, userId),
        gte(auditLog.at, dayStart),
        eq(auditLog.entityType, 'calendar_feed'),
        eq(auditLog.action, 'export'),
        sql`${tokenId} = any(${auditLog.entityIds})`,
      ),
    )
    .limit(1);
  return seen !== undefined;
}

/**
 * Records the feed's fetch in the audit log when it is the token's first of the day (Japan time): who (the
 * token's user), from which address and app, how many events. Most fetches find that day's entry and write
 * nothing. The first takes the token's row lock and looks again, so two servers answering the same calendar app
 * at once still write one entry; a token revoked meanwhile records nothing.
 */
async function recordFirstFetchOfDay(
  db: SystemDb,
  who: { actor: Actor; meta: RequestMeta; at: Date },
  tokenId: string,
  count: number,
): Promise<void> {
  if (await fetchedToday(db, who.actor.userId, tokenId, who.at)) return;
  await db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: calendarFeedTokens.id })
      .from(calendarFeedTokens)
      .where(and(eq(calendarFeedTokens.id, tokenId), isNull(calendarFeedTokens.revokedAt)))
      .for('update');
    if (!live || (await fetchedToday(tx, who.actor.userId, tokenId, who.at))) return;
    await recordAudit(tx, who, {
      action: 'export',
      entityType: 'calendar_feed',
      entityIds: [tokenId],
      detail: { format: 'ics', count },
    });
  });
}
