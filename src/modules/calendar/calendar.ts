/**
 * A prefecture's working-day calendar (docs/configuration.md "Working days"): the pure rules of
 * shared/working-days.ts with the prefecture's extra closed days from `working_day_closures`. Every deadline
 * counted in working days and every overdue list of the product reads its calendar here.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { workingDayClosures } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { overdueBefore, type WorkingCalendar, workingCalendar } from '../../shared/working-days';

/** The prefecture's calendar (all its extra closures: a handful a year, so they are read whole). */
export async function calendarOf(db: DbOrTx, prefectureCode: string): Promise<WorkingCalendar> {
  const rows = await db
    .select({ closedOn: workingDayClosures.closedOn })
    .from(workingDayClosures)
    .where(eq(workingDayClosures.prefectureCode, prefectureCode));
  return workingCalendar(rows.map((r) => r.closedOn));
}

/**
 * Today in Japan and the first due date that is not yet overdue today in the prefecture's calendar (a due date
 * before `overdueBefore` is overdue: shared/working-days.ts). The actor of a request without a prefecture (a
 * system administrator) uses the standard calendar.
 */
export async function overdueCutOff(
  db: DbOrTx,
  prefectureCode: string | null,
  now: Date,
): Promise<{ today: string; overdueBefore: string }> {
  const today = isoDateInJapan(now);
  const cal = prefectureCode ? await calendarOf(db, prefectureCode) : workingCalendar([]);
  return { today, overdueBefore: overdueBefore(today, cal) };
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
