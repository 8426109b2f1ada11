import { describe, expect, it } from 'vitest';
import { syntheticMp4 } from '../src/modules/learning/elearning/fixtures';
import { probeMedia } from '../src/modules/learning/elearning/media-probe';
import { applyReport, PROGRESS_RULE, toMs } from '../src/modules/learning/elearning/progress';
import { memoryFlat, mp4Header, mp4Slice, nextReport, slot, startOf, type Watcher } from './learning-watch';

const MIN = 60_000;

describe('nextReport', () => {
  it('opens a lesson with an empty report, then claims the time played since the previous report', () => {
    let w: Watcher = { lesson: 2, positionMs: 60_000, lastAt: null };
    const first = nextReport(w, 1_000, 30 * MIN, 4);
    expect(first.report).toEqual({ lesson: 2, body: { intervals: [], positionSeconds: 60 } });
    w = first.next;
    const second = nextReport(w, 16_000, 30 * MIN, 4);
    expect(second.report.body).toEqual({ intervals: [[60, 75]], positionSeconds: 75 });
    expect(second.next).toEqual({ lesson: 2, positionMs: 75_000, lastAt: 16_000 });
  });

  it('stops at the end of the lesson and moves to the next lesson with an empty report', () => {
    const near: Watcher = { lesson: 3, positionMs: 30 * MIN - 4_000, lastAt: 0 };
    const last = nextReport(near, 15_000, 30 * MIN, 4);
    expect(last.report.body.intervals).toEqual([[(30 * MIN - 4_000) / 1000, 1800]]);
    const next = nextReport(last.next, 30_000, 30 * MIN, 4);
    expect(next.report).toEqual({ lesson: 0, body: { intervals: [], positionSeconds: 0 } });
    expect(next.next.positionMs).toBe(0);
  });

  it('reports what the server rule accepts in full, report after report', () => {
    // The server's own rule, with the receipt times of a learner reporting every 15 s (and one late report).
    let w = startOf(17, 4, 30 * MIN);
    let state = { intervals: [] as [number, number][], lastReportAt: null as number | null, creditMs: 0 };
    let claimed = 0;
    let accepted = 0;
    for (const at of [0, 15_000, 30_000, 45_000, 70_000, 85_000]) {
      const { report, next } = nextReport(w, at, 30 * MIN, 4);
      w = next;
      const out = applyReport(state, report.body.intervals, 30 * MIN, at);
      if (!out.ok) throw new Error(out.reason);
      state = { ...out.state, intervals: out.state.intervals.map(([s, e]) => [s, e]) };
      for (const [s, e] of report.body.intervals) claimed += toMs(e) - toMs(s);
      accepted += out.acceptedMs;
      expect(out.deferredMs).toBe(0);
    }
    expect(accepted).toBe(claimed);
    expect(claimed).toBe(85_000);
    expect(PROGRESS_RULE.reportEveryMs).toBe(15_000);
  });
});

describe('slot and startOf', () => {
  it('spreads the reports evenly so each learner reports every 15 s', () => {
    expect(slot(0, 5_000, 15_000)).toEqual({ learner: 0, atMs: 0 });
    expect(slot(4_999, 5_000, 15_000).learner).toBe(4_999);
    expect(slot(5_000, 5_000, 15_000)).toEqual({ learner: 0, atMs: 15_000 });
    expect(slot(5_001, 5_000, 15_000).atMs - slot(5_000, 5_000, 15_000).atMs).toBe(3);
  });

  it('starts learners on every lesson within the first 85 % of it', () => {
    const starts = Array.from({ length: 400 }, (_, i) => startOf(i, 4, 30 * MIN));
    expect(new Set(starts.map((s) => s.lesson))).toEqual(new Set([0, 1, 2, 3]));
    for (const s of starts) expect(s.positionMs).toBeLessThanOrEqual(0.85 * 30 * MIN);
    expect(new Set(starts.map((s) => s.positionMs)).size).toBeGreaterThan(300);
  });
});

describe('mp4Slice', () => {
  it('gives, slice by slice, the same bytes as the fast-start fixture of that size', () => {
    const header = mp4Header(10_000, 90_000).length;
    const whole = syntheticMp4({ durationMs: 90_000, payloadBytes: 10_000 - header, moovFirst: true });
    expect(whole.length).toBe(10_000);
    const pieces = [0, 37, 300, 4_096, 9_999].map((o, i, all) =>
      mp4Slice(10_000, 90_000, o, (all[i + 1] ?? 10_000) - o),
    );
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    expect(mp4Slice(10_000, 90_000, 9_990, 100).length).toBe(10);
  });

  it('is a video the store accepts, with its duration', async () => {
    const total = 3 * 1024 * 1024;
    const probe = await probeMedia('video', total, async (o, l) => mp4Slice(total, 1_800_000, o, l));
    expect(probe).toMatchObject({ ok: true, durationMs: 1_800_000 });
  });
});

describe('memoryFlat', () => {
  it('is flat when no sample and not the end grows past the allowance', () => {
    expect(memoryFlat(200, [210, 260, 230], 220, 64)).toEqual({ flat: true, peakGrowth: 60, endGrowth: 20 });
    expect(memoryFlat(200, [210, 300], 220, 64).flat).toBe(false);
    expect(memoryFlat(200, [210], 290, 64).flat).toBe(false);
  });
});
