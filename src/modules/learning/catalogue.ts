/**
 * The public catalogue (/public/trainings): open and upcoming sessions of public courses that are not
 * archived — course kind and title, summary, dates, delivery and place, capacity, co-hosts and operator, and
 * whether applications are open now. No personal data and no applicant counts: only whether seats remain.
 */
import { z } from '@hono/zod-openapi';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { trainingCourses, trainingSessionDays, trainingSessions } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nendoRange } from '../../shared/nendo';
import { COURSE_KINDS, DELIVERY_MODES } from '../../shared/vocab/learning';
import { ownerNames, ownerView, sessionFirstDate } from './queries';
import { applicationsOpenAt } from './session-rules';

export const ZCatalogueQuery = z.object({
  prefecture: z.string().regex(/^\d{2}$/),
  kind: z.enum(COURSE_KINDS).optional(),
  /** The 年度 of the first day; default: every session still to come. */
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only sessions taking applications now. */
  open: z.enum(['true', 'false']).optional(),
});

export const ZCatalogueSession = z.object({
  id: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  courseTitle: z.string(),
  courseSummary: z.string(),
  title: z.string(),
  days: z.array(
    z.object({ heldOn: z.string(), startsAt: z.string().nullable(), endsAt: z.string().nullable() }),
  ),
  delivery: z.enum(DELIVERY_MODES),
  place: z.string(),
  capacity: z.number().int().nullable(),
  coHosts: z.array(z.string()),
  operatorName: z.string().nullable(),
  organiser: z.string(),
  applicationsOpenAt: z.string().nullable(),
  applicationsCloseAt: z.string().nullable(),
  applicationsOpen: z.boolean(),
  /** Whether every seat is taken (selected applicants reach the capacity). */
  full: z.boolean(),
});

export const ZCatalogue = z.object({ items: z.array(ZCatalogueSession) });

export const CATALOGUE_LIMIT = 200;

/** The catalogue of one prefecture: open sessions not yet over, and closed ones still to be held. */
export async function catalogue(db: DbOrTx, q: z.infer<typeof ZCatalogueQuery>, now: Date) {
  const today = isoDateInJapan(now);
  const lastDay = sql`(select max(${trainingSessionDays.heldOn}) from ${trainingSessionDays}
                       where ${trainingSessionDays.sessionId} = ${trainingSessions.id})`;
  const conds: (SQL | undefined)[] = [
    eq(trainingSessions.prefectureCode, q.prefecture),
    inArray(trainingSessions.status, ['open', 'closed']),
    eq(trainingCourses.isPublic, true),
    isNull(trainingCourses.archivedAt),
    // An e-learning session may have no day: it stays listed while open.
    sql`(${lastDay} is null or ${lastDay} >= ${today})`,
  ];
  if (q.kind) conds.push(eq(trainingCourses.kind, q.kind));
  if (q.nendo) {
    const { start, end } = nendoRange(q.nendo);
    conds.push(sql`${sessionFirstDate} between ${start} and ${end}`);
  }
  const rows = await db
    .select({
      s: trainingSessions,
      courseKind: trainingCourses.kind,
      courseTitle: trainingCourses.title,
      courseSummary: trainingCourses.summary,
      selected: sql<number>`(select count(*)::int from training_applications a
                             where a.session_id = ${trainingSessions.id} and a.status = 'selected')`,
    })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(...conds))
    .orderBy(sql`${sessionFirstDate} asc nulls last`, trainingSessions.id)
    .limit(CATALOGUE_LIMIT);
  const ids = rows.map((r) => r.s.id);
  const days = ids.length
    ? await db
        .select()
        .from(trainingSessionDays)
        .where(inArray(trainingSessionDays.sessionId, ids))
        .orderBy(trainingSessionDays.sessionId, trainingSessionDays.seq)
    : [];
  const names = await ownerNames(db, q.prefecture);
  const items = rows
    .map((r) => {
      const open = applicationsOpenAt(r.s, now);
      return {
        id: r.s.id,
        courseKind: r.courseKind,
        courseTitle: r.courseTitle,
        courseSummary: r.courseSummary,
        title: r.s.title,
        days: days
          .filter((d) => d.sessionId === r.s.id)
          .map((d) => ({
            heldOn: d.heldOn,
            startsAt: d.startsAt?.slice(0, 5) ?? null,
            endsAt: d.endsAt?.slice(0, 5) ?? null,
          })),
        delivery: r.s.delivery,
        place: r.s.place,
        capacity: r.s.capacity,
        coHosts: r.s.coHosts,
        operatorName: r.s.operatorName,
        organiser: ownerView(r.s, names).name,
        applicationsOpenAt: r.s.applicationsOpenAt?.toISOString() ?? null,
        applicationsCloseAt: r.s.applicationsCloseAt?.toISOString() ?? null,
        applicationsOpen: open,
        full: r.s.capacity !== null && Number(r.selected) >= r.s.capacity,
      };
    })
    .filter((s) => q.open !== 'true' || s.applicationsOpen);
  return { items };
}
