/**
 * The four-division meeting cycle of one municipality (pure; KU-2, docs/municipal-support.md §2). A municipality
 * is on a cycle when its cadence says so, or — without a cadence of its own — once a four-division meeting has
 * been held there (the default: due again 3 months after the last one, overdue after 4). A planned meeting is
 * shown as the next one, but only a held one restarts the clock.
 */
import { daysBetween, makeIsoDate, requireIsoDate } from '../../shared/dates';
import type { CadenceState } from '../../shared/vocab/engagements';

export const DEFAULT_MIN_MONTHS = 3;
export const DEFAULT_MAX_MONTHS = 4;

/** The day `months` calendar months after `iso`, on the month's last day when it is shorter (1/31 + 1 → 2/28). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = requireIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  for (let d = day; d >= 28; d--) {
    const out = makeIsoDate(y, m, d);
    if (out) return out;
  }
  return makeIsoDate(y, m, day)!;
}

export type CadenceInput = {
  /** The municipality's own cadence; null when it has none (the default applies once a meeting was held). */
  cadence: { active: boolean; minMonths: number; maxMonths: number } | null;
  /** The last held four-division meeting, or null. */
  lastHeldOn: string | null;
  /** The earliest planned one on or after the last held one, or null. */
  nextPlannedOn: string | null;
  today: string;
};

export type CadenceStatus = {
  onCycle: boolean;
  minMonths: number;
  maxMonths: number;
  /** From when the next meeting is due (last + min months); null off the cycle or before a first meeting. */
  dueFrom: string | null;
  /** By when it must be held (last + max months); today when on the cycle but none was ever held. */
  nextDue: string | null;
  state: CadenceState;
  /** Days past `nextDue` (0 when not overdue). */
  daysOverdue: number;
};

export function cadenceStatus(input: CadenceInput): CadenceStatus {
  const minMonths = input.cadence?.minMonths ?? DEFAULT_MIN_MONTHS;
  const maxMonths = input.cadence?.maxMonths ?? DEFAULT_MAX_MONTHS;
  const onCycle = input.cadence ? input.cadence.active : input.lastHeldOn !== null;
  const off: CadenceStatus = {
    onCycle: false,
    minMonths,
    maxMonths,
    dueFrom: null,
    nextDue: null,
    state: 'off_cycle',
    daysOverdue: 0,
  };
  if (!onCycle) return off;
  if (!input.lastHeldOn) {
    // On a cycle that has not started: the first meeting is due now; a planned one is on its way.
    if (input.nextPlannedOn) {
      return { ...off, onCycle, state: 'due', nextDue: input.nextPlannedOn };
    }
    return { ...off, onCycle, state: 'due', nextDue: input.today };
  }
  const dueFrom = addMonths(input.lastHeldOn, minMonths);
  const nextDue = addMonths(input.lastHeldOn, maxMonths);
  const late = daysBetween(nextDue, input.today);
  const state: CadenceState = late > 0 ? 'overdue' : input.today >= dueFrom ? 'due' : 'on_track';
  return { onCycle, minMonths, maxMonths, dueFrom, nextDue, state, daysOverdue: Math.max(0, late) };
}
