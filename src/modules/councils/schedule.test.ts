import { describe, expect, it } from 'vitest';
import { dateInMonth, meetingTimes, nextDates, type ScheduleRule, scheduleIssues } from './schedule';

const base: ScheduleRule = {
  kind: 'monthly_day',
  intervalMonths: 1,
  dayOfMonth: 15,
  weekOfMonth: null,
  weekday: null,
  startTime: '14:00',
  durationMinutes: 120,
};

describe('schedule', () => {
  it('names what an incomplete rule lacks', () => {
    expect(scheduleIssues({ ...base, kind: 'none', startTime: null })).toEqual([]);
    expect(scheduleIssues({ ...base, dayOfMonth: null, startTime: null })).toEqual([
      'scheduleStartTime',
      'scheduleDayOfMonth',
    ]);
    expect(scheduleIssues({ ...base, kind: 'monthly_weekday' })).toEqual([
      'scheduleWeekOfMonth',
      'scheduleWeekday',
    ]);
  });

  it('gives monthly dates on or after the start', () => {
    expect(nextDates(base, '2026-12-16', 3)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15']);
    expect(nextDates(base, '2026-12-15', 1)).toEqual(['2026-12-15']);
  });

  it('puts the 31st on a shorter month’s last day', () => {
    const r = { ...base, dayOfMonth: 31 };
    expect(nextDates(r, '2027-01-01', 3)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(dateInMonth(r, 2028, 2)).toBe('2028-02-29');
  });

  it('keeps an every-2-months rhythm from the anchor month', () => {
    const r = { ...base, intervalMonths: 2 };
    expect(nextDates(r, '2026-12-01', 3, '2026-11')).toEqual(['2027-01-15', '2027-03-15', '2027-05-15']);
  });

  it('finds the n-th and the last weekday of a month', () => {
    const r: ScheduleRule = {
      ...base,
      kind: 'monthly_weekday',
      dayOfMonth: null,
      weekOfMonth: 2,
      weekday: 3,
    };
    // December 2026 starts on a Tuesday: its Wednesdays are the 2nd, 9th, 16th, 23rd and 30th.
    expect(dateInMonth(r, 2026, 12)).toBe('2026-12-09');
    expect(dateInMonth({ ...r, weekOfMonth: 5 }, 2026, 12)).toBe('2026-12-30');
    expect(dateInMonth({ ...r, weekOfMonth: 1, weekday: 2 }, 2026, 12)).toBe('2026-12-01');
    expect(nextDates(r, '2026-12-10', 2)).toEqual(['2027-01-13', '2027-02-10']);
  });

  it('gives nothing without a rule', () => {
    expect(nextDates({ ...base, kind: 'none' }, '2026-12-01', 3)).toEqual([]);
  });

  it('turns a Japan date and time into instants', () => {
    const { startsAt, endsAt } = meetingTimes('2026-12-09', '14:00', 90);
    expect(startsAt.toISOString()).toBe('2026-12-09T05:00:00.000Z');
    expect(endsAt.toISOString()).toBe('2026-12-09T06:30:00.000Z');
  });
});
