/**
 * A body's recurring schedule as dates (pure): every N months on a day of the month (the 31st falls on a
 * shorter month's last day), or on the n-th or last weekday of the month, counted from an anchor month (the
 * month of the body's last meeting, so that "every 2 months" keeps its rhythm). Times are Japan time (no
 * daylight saving: a fixed +09:00).
 */
import type { CouncilScheduleKind } from '../../shared/vocab/councils';

export type ScheduleRule = {
  kind: CouncilScheduleKind;
  intervalMonths: number;
  dayOfMonth: number | null;
  /** 1–4, or 5 for the last such weekday of the month. */
  weekOfMonth: number | null;
  /** 0 Sunday … 6 Saturday. */
  weekday: number | null;
  /** 'HH:MM' Japan time. */
  startTime: string | null;
  durationMinutes: number;
};

/** What is missing for the rule to give dates (field names), empty when complete or when there is no rule. */
export function scheduleIssues(rule: ScheduleRule): string[] {
  const out: string[] = [];
  if (rule.kind === 'none') return out;
  if (!(rule.intervalMonths >= 1 && rule.intervalMonths <= 12)) out.push('scheduleIntervalMonths');
  if (!rule.startTime) out.push('scheduleStartTime');
  if (rule.kind === 'monthly_day' && rule.dayOfMonth === null) out.push('scheduleDayOfMonth');
  if (rule.kind === 'monthly_weekday') {
    if (rule.weekOfMonth === null) out.push('scheduleWeekOfMonth');
    if (rule.weekday === null) out.push('scheduleWeekday');
  }
  return out;
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The rule's day in one month (YYYY-MM-DD), or null when the rule has none. */
export function dateInMonth(rule: ScheduleRule, year: number, month1: number): string | null {
  const last = daysInMonth(year, month1);
  let day: number;
  if (rule.kind === 'monthly_day' && rule.dayOfMonth !== null) {
    day = Math.min(rule.dayOfMonth, last);
  } else if (rule.kind === 'monthly_weekday' && rule.weekOfMonth !== null && rule.weekday !== null) {
    const firstDow = new Date(Date.UTC(year, month1 - 1, 1)).getUTCDay();
    const firstMatch = 1 + ((rule.weekday - firstDow + 7) % 7);
    if (rule.weekOfMonth >= 5) {
      day = firstMatch + 7 * Math.floor((last - firstMatch) / 7);
    } else {
      day = firstMatch + 7 * (rule.weekOfMonth - 1);
    }
  } else {
    return null;
  }
  return `${year}-${pad(month1)}-${pad(day)}`;
}

/**
 * The next `count` dates of the rule on or after `from` (YYYY-MM-DD), in months anchor, anchor + N, … (the
 * anchor defaults to the month of `from`). Empty when the rule is incomplete or there is none.
 */
export function nextDates(rule: ScheduleRule, from: string, count: number, anchorMonth?: string): string[] {
  if (rule.kind === 'none' || scheduleIssues(rule).length) return [];
  const anchor = anchorMonth ?? from.slice(0, 7);
  let y = Number(anchor.slice(0, 4));
  let m = Number(anchor.slice(5, 7));
  const out: string[] = [];
  // Bounded: at most 12 × count months are looked at (every candidate month gives one date).
  for (let i = 0; out.length < count && i < count * 12 + 24; i++) {
    const d = dateInMonth(rule, y, m);
    if (d && d >= from) out.push(d);
    m += rule.intervalMonths;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

/** A meeting's start and end as instants, from a Japan date, a 'HH:MM' Japan time and a length in minutes. */
export function meetingTimes(
  date: string,
  startTime: string,
  durationMinutes: number,
): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(`${date}T${startTime}:00+09:00`);
  return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}
