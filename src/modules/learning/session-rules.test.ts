import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '../../shared/vocab/learning';
import {
  applicationsOpenAt,
  canTransition,
  nextStatuses,
  orderDays,
  readyToOpen,
  sessionIssues,
} from './session-rules';

const at = (iso: string) => new Date(iso);

describe('a session’s life', () => {
  const allowed: [SessionStatus, SessionStatus][] = [
    ['draft', 'open'],
    ['draft', 'cancelled'],
    ['open', 'closed'],
    ['open', 'completed'],
    ['open', 'cancelled'],
    ['open', 'draft'],
    ['closed', 'open'],
    ['closed', 'completed'],
    ['closed', 'cancelled'],
  ];

  it('allows exactly the listed moves, every other pair refused', () => {
    for (const from of SESSION_STATUSES) {
      for (const to of SESSION_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('keeps completed and cancelled final, and never moves a session to where it is', () => {
    expect(nextStatuses('completed')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
    for (const s of SESSION_STATUSES) expect(canTransition(s, s), s).toBe(false);
  });

  it('offers the screen the same moves it allows', () => {
    for (const from of SESSION_STATUSES) {
      for (const to of nextStatuses(from)) expect(canTransition(from, to)).toBe(true);
    }
  });

  it('does not complete a draft: it must be opened (published) first', () => {
    expect(canTransition('draft', 'completed')).toBe(false);
    expect(canTransition('draft', 'closed')).toBe(false);
  });
});

describe('what a session needs to open', () => {
  it('needs a day and, unless online only, a place that is not blank', () => {
    expect(readyToOpen({ dayCount: 0, delivery: 'online', place: '' })).toBe(false);
    expect(readyToOpen({ dayCount: 1, delivery: 'online', place: '' })).toBe(true);
    expect(readyToOpen({ dayCount: 1, delivery: 'in_person', place: '' })).toBe(false);
    expect(readyToOpen({ dayCount: 1, delivery: 'in_person', place: ' \n ' })).toBe(false);
    expect(readyToOpen({ dayCount: 2, delivery: 'hybrid', place: '県立総合療育センター' })).toBe(true);
    expect(readyToOpen({ dayCount: 1, delivery: 'hybrid', place: '' })).toBe(false);
  });
});

describe('whether applications are taken', () => {
  const window = {
    applicationsOpenAt: at('2026-05-01T00:00:00+09:00'),
    applicationsCloseAt: at('2026-05-31T17:00:00+09:00'),
  };

  it('takes them only while open and inside the window, the close instant itself excluded', () => {
    const open = { status: 'open' as const, ...window };
    expect(applicationsOpenAt(open, at('2026-04-30T23:59:59+09:00'))).toBe(false);
    expect(applicationsOpenAt(open, at('2026-05-01T00:00:00+09:00'))).toBe(true);
    expect(applicationsOpenAt(open, at('2026-05-31T16:59:59+09:00'))).toBe(true);
    expect(applicationsOpenAt(open, at('2026-05-31T17:00:00+09:00'))).toBe(false);
  });

  it('takes none in any other state, even inside the window', () => {
    for (const status of SESSION_STATUSES.filter((s) => s !== 'open')) {
      expect(applicationsOpenAt({ status, ...window }, at('2026-05-10T12:00:00+09:00')), status).toBe(false);
    }
  });

  it('without a window, takes them for as long as the session is open; half a window bounds one side', () => {
    const none = { status: 'open' as const, applicationsOpenAt: null, applicationsCloseAt: null };
    expect(applicationsOpenAt(none, at('2020-01-01T00:00:00Z'))).toBe(true);
    const fromOnly = { ...none, applicationsOpenAt: window.applicationsOpenAt };
    expect(applicationsOpenAt(fromOnly, at('2026-04-01T00:00:00+09:00'))).toBe(false);
    expect(applicationsOpenAt(fromOnly, at('2027-04-01T00:00:00+09:00'))).toBe(true);
    const untilOnly = { ...none, applicationsCloseAt: window.applicationsCloseAt };
    expect(applicationsOpenAt(untilOnly, at('2025-01-01T00:00:00+09:00'))).toBe(true);
    expect(applicationsOpenAt(untilOnly, at('2026-06-01T00:00:00+09:00'))).toBe(false);
  });
});

describe('problems with days and the window', () => {
  const noWindow = { applicationsOpenAt: null, applicationsCloseAt: null };

  it('finds nothing wrong with well-formed days', () => {
    expect(
      sessionIssues({
        days: [
          { heldOn: '2026-06-12', startsAt: '13:00', endsAt: '16:30' },
          { heldOn: '2026-06-19', startsAt: null, endsAt: null },
        ],
        ...noWindow,
      }),
    ).toEqual([]);
  });

  it('names the day that ends before it starts or at the same minute', () => {
    const issues = sessionIssues({
      days: [
        { heldOn: '2026-06-12', startsAt: '13:00', endsAt: '16:30' },
        { heldOn: '2026-06-19', startsAt: '13:00', endsAt: '12:00' },
        { heldOn: '2026-06-26', startsAt: '10:00', endsAt: '10:00' },
      ],
      ...noWindow,
    });
    expect(issues.map((i) => i.path)).toEqual(['days.1.endsAt', 'days.2.endsAt']);
    expect(issues[0]!.message).toMatch(/終了時刻.*Ends before/);
  });

  it('names the second of two days on the same date', () => {
    const issues = sessionIssues({
      days: [{ heldOn: '2026-06-12' }, { heldOn: '2026-06-19' }, { heldOn: '2026-06-12' }],
      ...noWindow,
    });
    expect(issues.map((i) => i.path)).toEqual(['days.2.heldOn']);
  });

  it('refuses a window that closes before (or when) it opens', () => {
    const t = at('2026-05-01T00:00:00+09:00');
    expect(
      sessionIssues({ days: [], applicationsOpenAt: t, applicationsCloseAt: t }).map((i) => i.path),
    ).toEqual(['applicationsCloseAt']);
  });

  it('refuses a window closing after the first day, whatever the order the days are given in', () => {
    const issues = sessionIssues({
      days: [{ heldOn: '2026-06-19' }, { heldOn: '2026-06-12' }],
      applicationsOpenAt: null,
      applicationsCloseAt: at('2026-06-15T10:00:00Z'),
    });
    expect(issues.map((i) => i.path)).toEqual(['applicationsCloseAt']);
    expect(
      sessionIssues({
        days: [{ heldOn: '2026-06-19' }, { heldOn: '2026-06-12' }],
        applicationsOpenAt: null,
        applicationsCloseAt: at('2026-06-11T10:00:00Z'),
      }),
    ).toEqual([]);
  });
});

describe('ordering days', () => {
  it('orders by date then start time and numbers from 1, keeping each day’s own fields', () => {
    const days = orderDays([
      { heldOn: '2026-06-19', startsAt: '10:00', id: 'c' },
      { heldOn: '2026-06-12', startsAt: '13:00', id: 'b' },
      { heldOn: '2026-06-12', startsAt: '09:30', id: 'a' },
      { heldOn: '2026-06-12', startsAt: null, id: 'z' },
    ]);
    expect(days.map((d) => [d.id, d.seq])).toEqual([
      ['z', 1],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ]);
  });

  it('does not change the list it was given', () => {
    const input = [{ heldOn: '2026-06-19' }, { heldOn: '2026-06-12' }];
    orderDays(input);
    expect(input.map((d) => d.heldOn)).toEqual(['2026-06-19', '2026-06-12']);
  });
});
