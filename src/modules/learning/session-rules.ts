import type { SessionStatus } from '../../shared/vocab/learning';

/**
 * The rules of a session's life (pure). A draft is prepared by staff and seen by no one else; opening it
 * publishes it (in the catalogue when its course is public) and, within its application window, takes
 * applications; closing it stops applications (it can be opened again); a session is completed once held, or
 * cancelled at any time before. Completed and cancelled are final.
 */
const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'completed', 'cancelled', 'draft'],
  closed: ['open', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a session may move to from `from` (for the screen's actions). */
export function nextStatuses(from: SessionStatus): readonly SessionStatus[] {
  return TRANSITIONS[from];
}

export type DayDraft = { heldOn: string; startsAt?: string | null; endsAt?: string | null };

export type Issue = { path: string; message: string };

/**
 * Problems with a session's days and application window, each naming its field: a day ending before it
 * starts, the same date twice, a window that closes before it opens or after the first day.
 */
export function sessionIssues(s: {
  days: readonly DayDraft[];
  applicationsOpenAt: Date | null;
  applicationsCloseAt: Date | null;
}): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  s.days.forEach((d, i) => {
    if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) {
      issues.push({
        path: `days.${i}.endsAt`,
        message: '終了時刻は開始時刻より後にしてください / Ends before it starts',
      });
    }
    if (seen.has(d.heldOn)) {
      issues.push({ path: `days.${i}.heldOn`, message: '同じ日付が2回あります / The same date twice' });
    }
    seen.add(d.heldOn);
  });
  const { applicationsOpenAt: open, applicationsCloseAt: close } = s;
  if (open && close && close <= open) {
    issues.push({
      path: 'applicationsCloseAt',
      message: '締切は受付開始より後にしてください / The window closes before it opens',
    });
  }
  const first = [...s.days].map((d) => d.heldOn).sort()[0];
  if (close && first && close.toISOString().slice(0, 10) > first) {
    issues.push({
      path: 'applicationsCloseAt',
      message: '締切は初日より前にしてください / Applications close after the first day',
    });
  }
  return issues;
}

/** The days in the order they are held (by date, then start time), renumbered from 1. */
export function orderDays<D extends DayDraft>(days: readonly D[]): (D & { seq: number })[] {
  return [...days]
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))
    .map((d, i) => ({ ...d, seq: i + 1 }));
}

/** Whether a session takes applications at `now`: open, and within its window when it has one. */
export function applicationsOpenAt(
  s: { status: SessionStatus; applicationsOpenAt: Date | null; applicationsCloseAt: Date | null },
  now: Date,
): boolean {
  if (s.status !== 'open') return false;
  if (s.applicationsOpenAt && now < s.applicationsOpenAt) return false;
  if (s.applicationsCloseAt && now >= s.applicationsCloseAt) return false;
  return true;
}

/** What a session needs before it opens: a day, and a place (or online details) unless it is online only. */
export function readyToOpen(s: { dayCount: number; delivery: string; place: string }): boolean {
  return s.dayCount > 0 && (s.delivery === 'online' || s.place.trim() !== '');
}
