import { describe, expect, it } from 'vitest';
import {
  applyReport,
  availableCreditMs,
  CREDIT_CAP_MS,
  checkReportedIntervals,
  coveredMs,
  type Interval,
  isComplete,
  normalise,
  PROGRESS_RULE,
  type ProgressState,
  resumePositionMs,
  subtract,
} from './progress';

const T0 = Date.UTC(2027, 3, 1, 1, 0, 0);
const empty: ProgressState = { intervals: [], lastReportAt: null, creditMs: 0 };

/** Applies a report and fails the test if it is refused. */
function must(state: ProgressState, reported: [number, number][], durationMs: number, at: number) {
  const out = applyReport(state, reported, durationMs, at);
  if (!out.ok) throw new Error(`refused: ${out.reason}`);
  return out;
}

describe('interval arithmetic', () => {
  it.each<[Interval[], Interval[]]>([
    [[], []],
    [[[5, 5]], []],
    [
      [
        [10, 20],
        [0, 5],
      ],
      [
        [0, 5],
        [10, 20],
      ],
    ],
    [
      [
        [0, 10],
        [10, 20],
      ],
      [[0, 20]],
    ],
    [
      [
        [0, 10],
        [5, 8],
        [9, 30],
        [40, 50],
      ],
      [
        [0, 30],
        [40, 50],
      ],
    ],
  ])('normalise %j → %j', (input, expected) => {
    expect(normalise(input)).toEqual(expected);
  });

  it.each<[Interval[], Interval[], Interval[]]>([
    [[[0, 100]], [], [[0, 100]]],
    [[[0, 100]], [[0, 100]], []],
    [
      [[0, 100]],
      [
        [10, 20],
        [50, 60],
      ],
      [
        [0, 10],
        [20, 50],
        [60, 100],
      ],
    ],
    [
      [
        [0, 10],
        [30, 40],
      ],
      [[5, 35]],
      [
        [0, 5],
        [35, 40],
      ],
    ],
    [[[50, 60]], [[0, 10]], [[50, 60]]],
  ])('subtract %j − %j → %j', (claimed, have, expected) => {
    expect(subtract(claimed, have)).toEqual(expected);
  });

  it('completion is at 95 % exactly, in whole milliseconds', () => {
    expect(isComplete(95_000, 100_000)).toBe(true);
    expect(isComplete(94_999, 100_000)).toBe(false);
    expect(isComplete(0, 0)).toBe(false);
  });
});

describe('checking reported intervals', () => {
  const d = 600_000;
  it('turns seconds into milliseconds and drops empty intervals', () => {
    expect(
      checkReportedIntervals(
        [
          [0, 15.2],
          [20, 20],
        ],
        d,
      ),
    ).toEqual({ ok: true, intervals: [[0, 15_200]] });
  });
  it('clamps an end within a second past the duration, refuses one beyond it', () => {
    expect(checkReportedIntervals([[590, 600.4]], d)).toEqual({ ok: true, intervals: [[590_000, 600_000]] });
    expect(checkReportedIntervals([[590, 601.5]], d)).toEqual({ ok: false, reason: 'beyond_duration' });
  });
  it.each<[[number, number][], string]>([
    [[[-1, 5]], 'negative'],
    [[[10, 5]], 'inverted'],
    [[[Number.NaN, 5]], 'not_finite'],
    [[[0, Number.POSITIVE_INFINITY]], 'not_finite'],
    [[[700, 710]], 'beyond_duration'],
    [
      Array.from({ length: PROGRESS_RULE.maxIntervalsPerReport + 1 }, (_, i) => [i, i + 0.5]),
      'too_many_intervals',
    ],
  ])('refuses %j as %s, and a refused report changes nothing', (reported, reason) => {
    expect(checkReportedIntervals(reported, d)).toEqual({ ok: false, reason });
    const state: ProgressState = { intervals: [[0, 1000]], lastReportAt: T0, creditMs: 0 };
    expect(applyReport(state, [[0, 5], ...reported], d, T0 + 60_000)).toEqual({ ok: false, reason });
  });
});

describe('the credit', () => {
  const at = (creditMs: number) => ({ lastReportAt: T0, creditMs });
  it('is the tolerance at the first report, then grows by twice the elapsed time', () => {
    expect(availableCreditMs({ lastReportAt: null, creditMs: 0 }, T0)).toBe(PROGRESS_RULE.toleranceMs);
    expect(availableCreditMs(at(0), T0 + 15_000)).toBe(30_000);
    expect(availableCreditMs(at(4_000), T0 + 15_000)).toBe(34_000);
  });
  it('keeps at most two idle minutes at double speed and the tolerance', () => {
    expect(CREDIT_CAP_MS).toBe(245_000);
    expect(availableCreditMs(at(0), T0 + 3_600_000)).toBe(CREDIT_CAP_MS);
    expect(availableCreditMs(at(CREDIT_CAP_MS), T0 + 15_000)).toBe(CREDIT_CAP_MS);
  });
  it('earns nothing when the clock went backwards', () => {
    expect(availableCreditMs(at(1_000), T0 - 10_000)).toBe(1_000);
  });
});

/** A 10-minute lesson. */
const D = 600_000;

/**
 * An honest player: plays from `from` at `rate`, sends an empty report when it starts, then every 15 s the
 * interval it played that the server has not yet accepted. Returns the wall-clock time at completion.
 */
function honestPlayer(
  rate: number,
  from = 0,
): { state: ProgressState; completedAfterMs: number | null; reports: number } {
  let state = must(empty, [], D, T0).state;
  let reports = 1;
  for (let wall = PROGRESS_RULE.reportEveryMs; wall <= 2 * D; wall += PROGRESS_RULE.reportEveryMs) {
    const position = Math.min(D, from + wall * rate);
    const pending = subtract([[from, position]], state.intervals).map(
      ([s, e]) => [s / 1000, e / 1000] as [number, number],
    );
    const out = must(state, pending, D, T0 + wall);
    reports++;
    state = out.state;
    if (out.complete) return { state, completedAfterMs: wall, reports };
  }
  return { state, completedAfterMs: null, reports };
}

describe('an honest player', () => {
  it('completes a 10-minute lesson watched at normal speed, every report accepted in full', () => {
    const run = honestPlayer(1);
    // 95 % of 600 s is 570 s; reports every 15 s reach it at 570 s.
    expect(run.completedAfterMs).toBe(570_000);
    expect(coveredMs(run.state.intervals)).toBe(570_000);
  });
  it('completes at twice the speed in half the time', () => {
    expect(honestPlayer(2).completedAfterMs).toBe(285_000);
  });
  it('does not lose time when a report over the budget is deferred and sent again', () => {
    // The start report is lost: the first report has only the tolerance.
    let state = empty;
    const first = must(state, [[0, 15]], D, T0 + 15_000);
    expect(first.acceptedMs).toBe(PROGRESS_RULE.toleranceMs);
    expect(first.deferredMs).toBe(10_000);
    state = first.state;
    const second = must(state, [[0, 30]], D, T0 + 30_000);
    expect(second.acceptedMs).toBe(25_000);
    expect(coveredMs(second.state.intervals)).toBe(30_000);
    // 30 s earned, 25 s spent: the rest stays for later reports.
    expect(second.state.creditMs).toBe(5_000);
  });
  it('re-watching adds nothing and moves the clock', () => {
    let state = must(empty, [], D, T0).state;
    state = must(state, [[0, 15]], D, T0 + 15_000).state;
    const again = must(state, [[0, 15]], D, T0 + 30_000);
    expect(again.acceptedMs).toBe(0);
    expect(again.state.lastReportAt).toBe(T0 + 30_000);
  });
  it('keeps separate watched parts apart and counts only what was watched', () => {
    let state = must(empty, [], D, T0).state;
    state = must(state, [[0, 15]], D, T0 + 15_000).state;
    state = must(state, [[300, 315]], D, T0 + 30_000).state;
    expect(state.intervals).toEqual([
      [0, 15_000],
      [300_000, 315_000],
    ]);
  });
});

describe('a faking client', () => {
  it('claiming the whole video in its first report gets only the tolerance', () => {
    const out = must(empty, [[0, 600]], D, T0);
    expect(out.acceptedMs).toBe(PROGRESS_RULE.toleranceMs);
    expect(out.complete).toBe(false);
  });

  it('opening the lesson, waiting an hour and claiming everything gets only the capped credit', () => {
    const start = must(empty, [], D, T0).state;
    const out = must(start, [[0, 600]], D, T0 + 3_600_000);
    expect(out.acceptedMs).toBe(CREDIT_CAP_MS);
    expect(out.complete).toBe(false);
  });

  it('claiming everything every 15 s cannot complete sooner than a player at double speed', () => {
    let state = must(empty, [], D, T0).state;
    let wall = 0;
    let done = false;
    while (!done) {
      wall += 15_000;
      const out = must(state, [[0, 600]], D, T0 + wall);
      state = out.state;
      done = out.complete;
    }
    // The tolerance once, then 30 s per report: 570 s after 285 s, as for the honest player at double speed.
    expect(wall).toBeGreaterThanOrEqual(
      (570_000 - PROGRESS_RULE.toleranceMs) / PROGRESS_RULE.maxPlaybackRate,
    );
    expect(wall).toBe(285_000);
  });

  it('reporting many times a second gains nothing over reporting every 15 s', () => {
    let state = must(empty, [], D, T0).state;
    for (let t = 100; t <= 15_000; t += 100) state = must(state, [[0, 600]], D, T0 + t).state;
    // The tolerance is granted once: 150 reports over 15 s earn what one report after 15 s earns.
    expect(coveredMs(state.intervals)).toBe(30_000 + PROGRESS_RULE.toleranceMs);
  });

  it('tabs sharing one credit do not count twice', () => {
    let state = must(empty, [], D, T0).state;
    // Tab A plays from 0, tab B from 300 s; both report 15 s later, one right after the other.
    const a = must(state, [[0, 15]], D, T0 + 15_000);
    state = a.state;
    const b = must(a.state, [[300, 315]], D, T0 + 15_500);
    expect(a.acceptedMs).toBe(15_000);
    // A left 5 + 30 − 15 = 20 s of credit and half a second earned 1 s more, so B's 15 s fit; a third tab
    // half a second later gets only what is left: together they never pass double speed.
    expect(b.acceptedMs).toBe(15_000);
    const c = must(b.state, [[500, 515]], D, T0 + 16_000);
    expect(c.acceptedMs).toBe(7_000);
  });

  it('intervals beyond the duration, negative or inverted change nothing', () => {
    const state: ProgressState = { intervals: [[0, 10_000]], lastReportAt: T0, creditMs: 0 };
    for (const bad of [[[0, 9999]], [[-5, 10]], [[20, 10]]] as [number, number][][]) {
      const out = applyReport(state, bad, D, T0 + 60_000);
      expect(out.ok).toBe(false);
    }
  });

  it('a client that fragments its coverage into thousands of pieces is refused', () => {
    let state: ProgressState = { intervals: [], lastReportAt: T0, creditMs: 0 };
    let refused = false;
    for (let r = 0; r < 20 && !refused; r++) {
      const pieces = Array.from({ length: 100 }, (_, i) => {
        const s = (r * 100 + i) * 0.02;
        return [s, s + 0.01] as [number, number];
      });
      const out = applyReport(state, pieces, D, T0 + (r + 1) * 15_000);
      if (!out.ok) {
        expect(out.reason).toBe('too_fragmented');
        refused = true;
      } else state = out.state;
    }
    expect(refused).toBe(true);
    expect(state.intervals.length).toBeLessThanOrEqual(PROGRESS_RULE.maxStoredIntervals);
  });

  it('random reports never cover more than the budgets allow (seeded)', () => {
    let seed = 20270401;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      let state: ProgressState = empty;
      let wall = 0;
      let before = 0;
      for (let r = 0; r < 30; r++) {
        wall += Math.floor(rand() * 40_000);
        const reported = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
          const s = rand() * 600;
          return [s, Math.min(600, s + rand() * 200)] as [number, number];
        });
        const out = must(state, reported, D, T0 + wall);
        state = out.state;
        const covered = coveredMs(state.intervals);
        expect(covered).toBeGreaterThanOrEqual(before);
        // Never more than the tolerance plus twice the real time since the first report.
        expect(covered).toBeLessThanOrEqual(PROGRESS_RULE.toleranceMs + PROGRESS_RULE.maxPlaybackRate * wall);
        expect(state.creditMs).toBeGreaterThanOrEqual(0);
        expect(state.creditMs).toBeLessThanOrEqual(CREDIT_CAP_MS);
        expect(normalise(state.intervals)).toEqual(state.intervals);
        for (const [s, e] of state.intervals) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(D);
        }
        before = covered;
      }
    }
  });
});

describe('resume position', () => {
  it('resumes at the last position, or at the first unwatched part when it was at the end', () => {
    expect(resumePositionMs([[0, 120_000]], 120_000, D)).toBe(120_000);
    expect(
      resumePositionMs(
        [
          [0, 100_000],
          [200_000, 600_000],
        ],
        599_000,
        D,
      ),
    ).toBe(100_000);
    expect(resumePositionMs([[0, 600_000]], 600_000, D)).toBe(0);
  });
});
