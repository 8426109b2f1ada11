/**
 * The daily digest by mail (decision 0030): each working morning (Japan; the prefecture's calendar), one mail
 * per user who chose the digest for some kind — the notifications of those kinds since their last digest that
 * they have not read, and, with `work_reminders`, their overdue consultations and those due today, their council
 * action items overdue or due today (issue 14's reminders), and the four-division meetings overdue in the
 * municipalities whose engagements they keep. Counts and links only (templates-notify.ts).
 *
 * Exactly once per user and day: the digest's row (primary key user + day) is written first in the transaction
 * that queues its mail, so of two servers running at once one writes and the other finds the key taken; a crash
 * before the commit leaves neither, and the next run (every hour) writes both. Nothing is sent when there is
 * nothing to say (the row still marks the day done).
 */
import { and, count, eq, gt, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import {
  consultations,
  councilActionItems,
  engagementCadences,
  notificationDigests,
  notificationMailPreferences,
  notificationReads,
  notifications,
  users,
} from '../../db/schema';
import { formatCalendarDate } from '../../shared/date-format';
import { isoDateInJapan } from '../../shared/dates';
import type { MailDelivery, NotificationMailKind } from '../../shared/vocab/notification-mail';
import { mailKindOfNotification } from '../../shared/vocab/notification-mail';
import { isWorkingDay, overdueBefore, type WorkingCalendar } from '../../shared/working-days';
import { calendarOf } from '../calendar/calendar';
import { fourDivisionStatus } from '../engagements/four-division';
import { queueMail } from '../mail/outbox';
import type { MailSettings } from '../mail/settings';
import type { DigestItem, DigestTopic } from '../mail/templates-notify';
import { NOTIFICATIONS_PATH } from './notify-mail';

/** The hour (Japan) from which a working day's digests go out. */
export const DIGEST_HOUR_JST = 7;
/** Without an earlier digest, the notifications of the last day are counted. */
const FIRST_DIGEST_LOOKBACK_MS = 24 * 60 * 60_000;

const LINKS: Record<Exclude<DigestTopic, NotificationMailKind>, string> = {
  consultations_overdue: '/consultations?view=overdue',
  consultations_due_today: '/consultations?view=mine',
  council_actions_overdue: '/councils/action-items',
  council_actions_due_today: '/councils/action-items',
  four_division_overdue: '/engagements/four-division',
};

type Recipient = {
  id: string;
  email: string;
  displayName: string;
  locale: 'ja' | 'en';
  role: string;
  prefectureCode: string | null;
  scopeMunicipalityCode: string | null;
  choices: Partial<Record<NotificationMailKind, MailDelivery>>;
};

export type DigestRun =
  | { skipped: 'mail_off' | 'before_hour' | 'closed_day' }
  | { sent: number; empty: number; taken: number };

/** The Japan hour of an instant. */
function hourInJapan(now: Date): number {
  return new Date(now.getTime() + 9 * 3_600_000).getUTCHours();
}

/** Writes the prefecture's digests due now; each user in its own transaction. */
export async function runDigests(
  db: SystemDb,
  settings: MailSettings | undefined,
  prefectureCode: string,
  now: Date,
): Promise<DigestRun> {
  if (!settings) return { skipped: 'mail_off' };
  if (hourInJapan(now) < DIGEST_HOUR_JST) return { skipped: 'before_hour' };
  const today = isoDateInJapan(now);
  const cal = await calendarOf(db, prefectureCode);
  if (!isWorkingDay(today, cal)) return { skipped: 'closed_day' };
  const due = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      role: users.role,
      prefectureCode: users.prefectureCode,
      scopeMunicipalityCode: users.scopeMunicipalityCode,
      choices: notificationMailPreferences.choices,
    })
    .from(users)
    .innerJoin(notificationMailPreferences, eq(notificationMailPreferences.userId, users.id))
    .where(
      and(
        eq(users.prefectureCode, prefectureCode),
        isNull(users.disabledAt),
        sql`exists (select 1 from jsonb_each_text(${notificationMailPreferences.choices}) c where c.value = 'digest')`,
        sql`not exists (select 1 from ${notificationDigests} d where d.user_id = ${users.id} and d.day = ${today}::date)`,
      ),
    );
  const out = { sent: 0, empty: 0, taken: 0 };
  for (const u of due) {
    const r = await db.transaction((tx) => digestOne(tx, settings, u, { prefectureCode, today, cal, now }));
    out[r]++;
  }
  return out;
}

async function digestOne(
  tx: DbOrTx,
  settings: MailSettings,
  u: Recipient,
  o: { prefectureCode: string; today: string; cal: WorkingCalendar; now: Date },
): Promise<'sent' | 'empty' | 'taken'> {
  const claimed = await tx
    .insert(notificationDigests)
    .values({ userId: u.id, day: o.today, createdAt: o.now })
    .onConflictDoNothing()
    .returning({ userId: notificationDigests.userId });
  if (claimed.length === 0) return 'taken';
  const items = [...(await newNotifications(tx, u, o)), ...(await dueWork(tx, u, o))];
  if (items.length === 0) return 'empty';
  const absolute = items.map((x) => ({ ...x, link: `${settings.publicUrl}${x.link}` }));
  const queued = await queueMail(
    tx,
    settings,
    {
      userId: u.id,
      prefectureCode: u.prefectureCode,
      email: u.email,
      displayName: u.displayName,
      locale: u.locale,
    },
    {
      kind: 'notification_digest',
      name: u.displayName,
      link: '/',
      day: formatCalendarDate(o.today, u.locale),
      items: absolute,
    },
    { createdBy: null, now: o.now },
  );
  await tx
    .update(notificationDigests)
    .set({
      mailMessageId: queued.status === 'off' ? null : queued.id,
      items: items.reduce((n, x) => n + x.count, 0),
    })
    .where(and(eq(notificationDigests.userId, u.id), eq(notificationDigests.day, o.today)));
  return 'sent';
}

/** Unread notifications of the kinds chosen for the digest, created since the last digest, counted by kind. */
async function newNotifications(
  tx: DbOrTx,
  u: Recipient,
  o: { prefectureCode: string; today: string; now: Date },
): Promise<DigestItem[]> {
  const kinds = Object.entries(u.choices)
    .filter(([k, d]) => d === 'digest' && k !== 'work_reminders')
    .map(([k]) => k as NotificationMailKind);
  if (kinds.length === 0) return [];
  const [last] = await tx
    .select({ at: max(notificationDigests.createdAt) })
    .from(notificationDigests)
    .where(and(eq(notificationDigests.userId, u.id), sql`${notificationDigests.day} < ${o.today}::date`));
  const since = last?.at ?? new Date(o.now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
  const toUser = eq(notifications.recipientUserId, u.id);
  const addressed =
    u.role === 'municipal_staff' && u.scopeMunicipalityCode
      ? or(
          toUser,
          and(
            eq(notifications.prefectureCode, o.prefectureCode),
            eq(notifications.recipientMunicipalityCode, u.scopeMunicipalityCode),
          ),
        )
      : toUser;
  const rows = await tx
    .select({ kind: notifications.kind, n: count() })
    .from(notifications)
    .where(
      and(
        addressed,
        gt(notifications.createdAt, since),
        lte(notifications.createdAt, o.now),
        isNull(notifications.readAt),
        sql`not exists (select 1 from ${notificationReads} r where r.notification_id = ${notifications.id} and r.user_id = ${u.id})`,
      ),
    )
    .groupBy(notifications.kind);
  const byKind = new Map<NotificationMailKind, number>();
  for (const r of rows) {
    const k = mailKindOfNotification(r.kind);
    if (k && kinds.includes(k)) byKind.set(k, (byKind.get(k) ?? 0) + r.n);
  }
  return kinds
    .filter((k) => byKind.has(k))
    .map((k) => ({ topic: k as DigestTopic, count: byKind.get(k)!, link: NOTIFICATIONS_PATH }));
}

/**
 * The user's work that is due, when they chose the reminders: overdue counts working days (a due date on a
 * closed day falls due on the next working day, shared/working-days.ts `overdueBefore`).
 */
async function dueWork(
  tx: DbOrTx,
  u: Recipient,
  o: { prefectureCode: string; today: string; cal: WorkingCalendar },
): Promise<DigestItem[]> {
  if (u.choices.work_reminders !== 'digest') return [];
  const cutOff = overdueBefore(o.today, o.cal);
  const split = (due: typeof consultations.dueOn | typeof councilActionItems.dueOn) => ({
    overdue: sql<number>`count(*) filter (where ${due} < ${cutOff}::date)`.mapWith(Number),
    today:
      sql<number>`count(*) filter (where ${due} >= ${cutOff}::date and ${due} <= ${o.today}::date)`.mapWith(
        Number,
      ),
  });
  const [cases] = await tx
    .select(split(consultations.dueOn))
    .from(consultations)
    .where(
      and(
        eq(consultations.prefectureCode, o.prefectureCode),
        eq(consultations.assignedUserId, u.id),
        isNull(consultations.closedAt),
      ),
    );
  const [actions] = await tx
    .select(split(councilActionItems.dueOn))
    .from(councilActionItems)
    .where(
      and(
        eq(councilActionItems.prefectureCode, o.prefectureCode),
        eq(councilActionItems.ownerUserId, u.id),
        eq(councilActionItems.status, 'open'),
      ),
    );
  const kept = await tx
    .select({ code: engagementCadences.municipalityCode })
    .from(engagementCadences)
    .where(eq(engagementCadences.ownerUserId, u.id));
  const meetings = kept.length
    ? await fourDivisionStatus(
        tx,
        { prefectureCode: o.prefectureCode, area: { kind: 'prefecture' }, write: false },
        o.today,
        kept.map((k) => k.code),
      )
    : [];
  const counts: [DigestTopic, number][] = [
    ['consultations_overdue', cases?.overdue ?? 0],
    ['consultations_due_today', cases?.today ?? 0],
    ['council_actions_overdue', actions?.overdue ?? 0],
    ['council_actions_due_today', actions?.today ?? 0],
    ['four_division_overdue', meetings.filter((m) => m.state === 'overdue').length],
  ];
  return counts
    .filter(([, n]) => n > 0)
    .map(([topic, n]) => ({ topic, count: n, link: LINKS[topic as keyof typeof LINKS] }));
}
