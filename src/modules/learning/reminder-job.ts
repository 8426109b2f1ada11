/**
 * The background job `learning.remind` (decision 0032): a few days before a session's first day, each learner
 * with a seat gets one reminder by mail — the session's title, days and place, and a link to マイ研修 behind
 * sign-in. Once per application (learner and session): the row's `reminded_at` is set in the transaction that
 * queues the mail, so a job run twice, or two servers running it, remind nobody twice. With mail off it does
 * nothing (learners see their days on マイ研修, as always).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SystemDb } from '../../db/client';
import { trainingApplications, trainingSessionDays, trainingSessions } from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { addDays, isoDateInJapan } from '../../shared/dates';
import type { MailSettings } from '../mail/settings';
import type { SessionDay } from '../mail/templates-outside';
import { mailUser } from '../mail/user-mail';

export const REMIND_JOB_KIND = 'learning.remind';
/** How often each prefecture's reminders are looked for (the schedule in src/jobs/schedule.ts). */
export const REMIND_EVERY_MS = 60 * 60_000;
/** How many days before a session's first day its learners are reminded (from the day after tomorrow … ). */
export const REMIND_DAYS_BEFORE = 3;

/** The first day of each session, for the sessions whose first day is tomorrow … REMIND_DAYS_BEFORE days on. */
const firstDay = sql<string>`(select min(${trainingSessionDays.heldOn}) from ${trainingSessionDays}
  where ${trainingSessionDays.sessionId} = ${trainingSessions.id})`;

/** Reminds the prefecture's seat holders of sessions starting soon; returns how many were reminded. */
export async function remindLearners(
  db: SystemDb,
  settings: MailSettings | undefined,
  prefectureCode: string,
  now: Date,
): Promise<number> {
  if (!settings) return 0;
  const today = isoDateInJapan(now);
  const due = await db
    .select({ id: trainingApplications.id, sessionId: trainingSessions.id })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .where(
      and(
        eq(trainingApplications.prefectureCode, prefectureCode),
        eq(trainingApplications.status, 'selected'),
        isNull(trainingApplications.remindedAt),
        inArray(trainingSessions.status, ['open', 'closed']),
        sql`${firstDay} between ${addDays(today, 1)}::date and ${addDays(today, REMIND_DAYS_BEFORE)}::date`,
      ),
    )
    .limit(5_000);
  const sessions = new Map<string, { title: string; place: string | null; days: SessionDay[] }>();
  let reminded = 0;
  for (const a of due) {
    let s = sessions.get(a.sessionId);
    if (!s) {
      const [row] = await db
        .select({ title: trainingSessions.title, place: trainingSessions.place })
        .from(trainingSessions)
        .where(eq(trainingSessions.id, a.sessionId));
      const days = await db
        .select({ on: trainingSessionDays.heldOn, startsAt: trainingSessionDays.startsAt })
        .from(trainingSessionDays)
        .where(eq(trainingSessionDays.sessionId, a.sessionId))
        .orderBy(asc(trainingSessionDays.heldOn), asc(trainingSessionDays.seq));
      s = { title: row!.title, place: row!.place.trim() || null, days };
      sessions.set(a.sessionId, s);
    }
    const session = s;
    await db.transaction(async (tx) => {
      // Claimed with its mail: a second run (or server) finds it reminded and moves on.
      const [claimed] = await tx
        .update(trainingApplications)
        .set({ remindedAt: now })
        .where(and(eq(trainingApplications.id, a.id), isNull(trainingApplications.remindedAt)))
        .returning({ learnerUserId: trainingApplications.learnerUserId });
      if (!claimed) return;
      await mailUser(
        tx,
        settings,
        claimed.learnerUserId,
        {
          kind: 'training_reminder',
          link: '/learning/me',
          session: session.title,
          days: session.days,
          place: session.place,
        },
        { createdBy: null, now },
      );
      reminded++;
    });
  }
  return reminded;
}

export function remindJobHandler(deps: Deps): JobHandler {
  return {
    run: async (ctx) => {
      const reminded = await remindLearners(ctx.db, deps.config.mail, ctx.job.prefectureCode, ctx.now());
      if (reminded) ctx.log.info({ reminded }, 'learners reminded of sessions starting soon');
      return { reminded };
    },
  };
}
