/**
 * The server-side rule that decides how much of a lesson's video a learner has watched (NA-7: "watch every
 * video and pass the test"; decision 0021). Pure: no clock, no database — the caller passes the time the
 * report reached the server (the database's clock, so every app server agrees) and the stored state.
 *
 * The player reports the intervals it played, [start, end] in media seconds. The server keeps the union of
 * the intervals it accepted per (learner, lesson) and accepts no more *newly* watched time than real time
 * allows. The allowance is a credit (a token bucket): the first report of a lesson opens it with the
 * tolerance; every later report adds the wall-clock time since the previous report times the fastest
 * playback rate, up to a cap; newly watched time accepted is taken from it:
 *
 *   credit = min(CAP, credit + elapsed × MAX_PLAYBACK_RATE)      CAP = MAX_IDLE_CREDIT × RATE + TOLERANCE
 *   accepted = min(new time claimed, credit)
 *
 * So over any stretch, accepted time ≤ CAP + RATE × the real time that passed — and the tolerance is granted
 * once, not per report (a client sending a hundred reports a second gains nothing). New time beyond the credit
 * is not stored (the earliest new parts are kept first); the honest player sends what was not accepted again
 * with its next report, so nothing is lost, while a client claiming the whole video at once gets only its
 * credit. The player sends an empty report when playback starts, which opens the credit. Two tabs or devices
 * playing the same lesson share one credit, so watching twice at once does not count twice. The server proves
 * that time passed while the player reported, not that anyone looked at the screen.
 *
 * All arithmetic is in whole milliseconds, so the 95 % rule has no floating-point edge.
 */

/** The rule's constants; exported so the decision record, the player and the tests read the same values. */
export const PROGRESS_RULE = {
  /** The fastest playback that still counts as watching; the player offers no faster speed. */
  maxPlaybackRate: 2,
  /** The credit a lesson's first report opens with: network jitter and the player's reporting granularity. */
  toleranceMs: 5_000,
  /**
   * Idle wall-clock time the credit keeps at most. Without a cap a client could open a lesson, wait, and claim
   * everything in one report; with it the client must keep reporting while time passes. Twice a background
   * tab's throttled timers (once a minute) and eight times the player's 15-second cadence.
   */
  maxIdleCreditMs: 120_000,
  /** A lesson is complete when this share of its duration is covered (as a fraction of 100). */
  completionPercent: 95,
  /** An end this far past the duration is rounding in the player's clock and is clamped; beyond it, refused. */
  durationSlackMs: 1_000,
  /** Disjoint intervals stored per (learner, lesson) at most: bounds the row against a fragmenting client. */
  maxStoredIntervals: 1_000,
  /** Intervals in one report at most. */
  maxIntervalsPerReport: 100,
  /** How often the player reports while playing. */
  reportEveryMs: 15_000,
} as const;

/** [startMs, endMs), whole milliseconds of media time. */
export type Interval = readonly [number, number];

/** What is stored per (learner, lesson). */
export type ProgressState = {
  /** Sorted, disjoint, non-adjacent intervals in milliseconds. */
  intervals: Interval[];
  /** When the previous report reached the server (ms since the epoch), or null before the first. */
  lastReportAt: number | null;
  /** Newly watched milliseconds the next report may add besides what the time since `lastReportAt` earns. */
  creditMs: number;
};

/** The most credit a lesson's progress holds. */
export const CREDIT_CAP_MS =
  PROGRESS_RULE.maxIdleCreditMs * PROGRESS_RULE.maxPlaybackRate + PROGRESS_RULE.toleranceMs;

export type ReportRefusal = 'not_finite' | 'negative' | 'inverted' | 'beyond_duration' | 'too_many_intervals';

export type ReportOutcome =
  | {
      ok: true;
      state: ProgressState;
      /** Newly covered milliseconds stored by this report. */
      acceptedMs: number;
      /** Newly claimed milliseconds not stored (over the budget); the player may send them again. */
      deferredMs: number;
      coveredMs: number;
      complete: boolean;
    }
  | { ok: false; reason: ReportRefusal | 'too_fragmented' };

/** Seconds (as the player reports them) to whole milliseconds. */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/**
 * Checks the reported intervals (seconds) against the duration (ms) and turns them into milliseconds. An end
 * within {@link PROGRESS_RULE.durationSlackMs} past the duration is clamped to it; an empty interval is
 * dropped. Any bad interval refuses the whole report.
 */
export function checkReportedIntervals(
  reported: readonly (readonly [number, number])[],
  durationMs: number,
): { ok: true; intervals: Interval[] } | { ok: false; reason: ReportRefusal } {
  if (reported.length > PROGRESS_RULE.maxIntervalsPerReport)
    return { ok: false, reason: 'too_many_intervals' };
  const out: Interval[] = [];
  for (const [s, e] of reported) {
    if (!Number.isFinite(s) || !Number.isFinite(e)) return { ok: false, reason: 'not_finite' };
    const start = toMs(s);
    const end = toMs(e);
    if (start < 0 || end < 0) return { ok: false, reason: 'negative' };
    if (end < start) return { ok: false, reason: 'inverted' };
    if (end > durationMs + PROGRESS_RULE.durationSlackMs) return { ok: false, reason: 'beyond_duration' };
    const clampedEnd = Math.min(end, durationMs);
    if (clampedEnd > start) out.push([start, clampedEnd]);
  }
  return { ok: true, intervals: out };
}

/** Sorts and merges overlapping or touching intervals. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Total length of normalised intervals. */
export function coveredMs(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const [s, e] of intervals) sum += e - s;
  return sum;
}

/** The parts of `claimed` (normalised) that `have` (normalised) does not cover, in order. */
export function subtract(claimed: readonly Interval[], have: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [s0, e] of claimed) {
    let s = s0;
    while (j < have.length && (have[j] as Interval)[1] <= s) j++;
    let k = j;
    while (s < e && k < have.length && (have[k] as Interval)[0] < e) {
      const [hs, he] = have[k] as Interval;
      if (hs > s) out.push([s, hs]);
      s = Math.max(s, he);
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/** Whether the covered time reaches the completion share of the duration. */
export function isComplete(covered: number, durationMs: number): boolean {
  if (durationMs <= 0) return false;
  return covered * 100 >= durationMs * PROGRESS_RULE.completionPercent;
}

/**
 * The credit a report reaching the server at `receivedAt` may spend: the tolerance for the first report, else
 * the stored credit plus the time since the previous report at the fastest rate, capped. A clock that went
 * backwards earns nothing.
 */
export function availableCreditMs(
  state: Pick<ProgressState, 'lastReportAt' | 'creditMs'>,
  receivedAt: number,
): number {
  if (state.lastReportAt === null) return PROGRESS_RULE.toleranceMs;
  const elapsed = Math.max(0, receivedAt - state.lastReportAt);
  return Math.min(CREDIT_CAP_MS, state.creditMs + Math.floor(elapsed * PROGRESS_RULE.maxPlaybackRate));
}

/**
 * Applies one report to the stored state. `reported` is in seconds as the player sends it; `receivedAt` is the
 * server's time of receipt in ms. A refused report changes nothing (the caller stores nothing); an accepted one
 * moves the clock to `receivedAt` even when it adds nothing (re-watching), keeping the unspent credit.
 */
export function applyReport(
  state: ProgressState,
  reported: readonly (readonly [number, number])[],
  durationMs: number,
  receivedAt: number,
): ReportOutcome {
  const checked = checkReportedIntervals(reported, durationMs);
  if (!checked.ok) return checked;
  const have = normalise(state.intervals);
  const fresh = subtract(normalise(checked.intervals), have);
  let budget = availableCreditMs(state, receivedAt);
  const accepted: Interval[] = [];
  let acceptedMs = 0;
  let deferredMs = 0;
  for (const [s, e] of fresh) {
    const len = e - s;
    const take = Math.min(len, budget);
    if (take > 0) {
      accepted.push([s, s + take]);
      acceptedMs += take;
      budget -= take;
    }
    deferredMs += len - take;
  }
  const intervals = normalise([...have, ...accepted]);
  if (intervals.length > PROGRESS_RULE.maxStoredIntervals) return { ok: false, reason: 'too_fragmented' };
  const covered = coveredMs(intervals);
  const lastReportAt = state.lastReportAt === null ? receivedAt : Math.max(state.lastReportAt, receivedAt);
  return {
    ok: true,
    state: { intervals, lastReportAt, creditMs: budget },
    acceptedMs,
    deferredMs,
    coveredMs: covered,
    complete: isComplete(covered, durationMs),
  };
}

/**
 * Where the player should resume: the last reported position, unless it is at the very end (then the first
 * part not yet watched, or the start).
 */
export function resumePositionMs(
  intervals: readonly Interval[],
  lastPositionMs: number,
  durationMs: number,
): number {
  const nearEnd = durationMs - lastPositionMs < 3_000;
  if (!nearEnd) return Math.max(0, Math.min(lastPositionMs, durationMs));
  const gaps = subtract([[0, durationMs]], normalise(intervals));
  return gaps[0]?.[0] ?? 0;
}
