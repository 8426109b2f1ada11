/**
 * A prefecture's working-day calendar (docs/configuration.md "Working days"): the pure rules of
 * shared/working-days.ts with the prefecture's extra closed days from `working_day_closures`. Every deadline
 * counted in working days and every overdue list of the product reads its calendar here.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { workingDayClosures } from '../../db/schema';
import { overdueBefore, type WorkingCalendar, workingCalendar } from '../../shared/working-days';

/** The prefecture's calendar (all its extra closures: a handful a year, so they are read whole). */
export async function calendarOf(db: DbOrTx, prefectureCode: string): Promise<WorkingCalendar> {
  const rows = await db
    .select({ closedOn: workingDayClosures.closedOn })
    .from(workingDayClosures)
    .where(eq(workingDayClosures.prefectureCode, prefectureCode));
  return workingCalendar(rows.map((r) => r.closedOn));
}

/** How long a server keeps a prefecture's calendar for its lists (a change made here is seen at once). */
export const CALENDAR_CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { until: number; cal: WorkingCalendar }>>();

/**
 * The prefecture's calendar as {@link calendarOf}, kept per database handle for a minute so that the queues,
 * the case page and the caseload board add no statement (a closure added on another server shows within a
 * minute; one added or removed here at once: {@link forgetCalendar}).
 */
export async function cachedCalendarOf(db: DbOrTx, prefectureCode: string | null): Promise<WorkingCalendar> {
  if (!prefectureCode) return workingCalendar([]);
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(prefectureCode);
  if (hit && hit.until > Date.now()) return hit.cal;
  const cal = await calendarOf(db, prefectureCode);
  perDb.set(prefectureCode, { until: Date.now() + CALENDAR_CACHE_MS, cal });
  return cal;
}

/** Drops the kept calendar of a prefecture after its closures changed. */
export function forgetCalendar(db: DbOrTx, prefectureCode: string): void {
  cache.get(db)?.delete(prefectureCode);
}

/** The first due date not yet overdue on `today` in the prefecture's (kept) calendar. */
export async function overdueBeforeIn(
  db: DbOrTx,
  prefectureCode: string | null,
  today: string,
): Promise<string> {
  return overdueBefore(today, await cachedCalendarOf(db, prefectureCode));
}

export type ClosureRow = { id: string; closedOn: string; label: string; createdAt: Date };

/** The extra closures of one calendar year, in date order. */
export async function closuresOfYear(
  db: DbOrTx,
  prefectureCode: string,
  year: number,
): Promise<ClosureRow[]> {
  return db
    .select({
      id: workingDayClosures.id,
      closedOn: workingDayClosures.closedOn,
      label: workingDayClosures.label,
      createdAt: workingDayClosures.createdAt,
    })
    .from(workingDayClosures)
    .where(
      and(
        eq(workingDayClosures.prefectureCode, prefectureCode),
        gte(workingDayClosures.closedOn, `${year}-01-01`),
        lte(workingDayClosures.closedOn, `${year}-12-31`),
      ),
    )
    .orderBy(asc(workingDayClosures.closedOn));
}
