import { describe, expect, it } from 'vitest';
import { addMonths, cadenceStatus } from './cadence';

describe('addMonths', () => {
  it.each([
    ['2026-07-01', 4, '2026-11-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 12, '2027-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('cadenceStatus', () => {
  const today = '2026-12-01';
  it('is off the cycle without a cadence or a held meeting', () => {
    expect(
      cadenceStatus({ cadence: null, lastHeldOn: null, nextPlannedOn: '2027-01-10', today }),
    ).toMatchObject({ onCycle: false, state: 'off_cycle', nextDue: null });
  });
  it('follows the default 3–4 months once a meeting was held', () => {
    const s = (last: string) =>
      cadenceStatus({ cadence: null, lastHeldOn: last, nextPlannedOn: null, today });
    expect(s('2026-09-15')).toMatchObject({
      state: 'on_track',
      dueFrom: '2026-12-15',
      nextDue: '2027-01-15',
    });
    expect(s('2026-08-01')).toMatchObject({ state: 'due', nextDue: '2026-12-01', daysOverdue: 0 });
    expect(s('2026-07-31')).toMatchObject({ state: 'overdue', nextDue: '2026-11-30', daysOverdue: 1 });
  });
  it('uses the municipality’s own cadence, and none when it is off', () => {
    const cadence = { active: true, minMonths: 5, maxMonths: 6 };
    expect(cadenceStatus({ cadence, lastHeldOn: '2026-07-01', nextPlannedOn: null, today })).toMatchObject({
      state: 'due',
      nextDue: '2027-01-01',
    });
    expect(
      cadenceStatus({
        cadence: { ...cadence, active: false },
        lastHeldOn: '2026-01-01',
        nextPlannedOn: null,
        today,
      }),
    ).toMatchObject({ onCycle: false, state: 'off_cycle', daysOverdue: 0 });
  });
  it('makes the first meeting of a new cycle due now, or on the planned day', () => {
    const cadence = { active: true, minMonths: 3, maxMonths: 4 };
    expect(cadenceStatus({ cadence, lastHeldOn: null, nextPlannedOn: null, today })).toMatchObject({
      state: 'due',
      nextDue: today,
    });
    expect(cadenceStatus({ cadence, lastHeldOn: null, nextPlannedOn: '2027-01-15', today })).toMatchObject({
      state: 'due',
      nextDue: '2027-01-15',
    });
  });
});
