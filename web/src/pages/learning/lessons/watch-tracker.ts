/**
 * What the player has played, kept in the browser only to be reported (decision 0021: the server decides what
 * counts). Spans are [start, end] in media seconds. Playing extends the open span while the playhead moves
 * forward by about the time that passed; a jump (seek, skip) closes it. What the server has not accepted yet —
 * played minus the server's `watched` — is sent again with every report until it is accepted, so time the
 * server deferred under its rule is never lost, and a reload or another device starts from the server's record.
 */

export type Span = [number, number];

/** Gaps smaller than this (seconds) are rounding between the player's and the server's clocks. */
const SLIVER = 0.05;

/** Sorted, merged spans (touching or overlapping ones joined). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + SLIVER) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `spans` minus `taken`, dropping slivers. */
export function subtractSpans(spans: readonly Span[], taken: readonly Span[]): Span[] {
  const have = mergeSpans(taken);
  const out: Span[] = [];
  for (const [s0, e0] of mergeSpans(spans)) {
    let s = s0;
    for (const [hs, he] of have) {
      if (he <= s || hs >= e0) continue;
      if (hs > s) out.push([s, Math.min(hs, e0)]);
      s = Math.max(s, he);
      if (s >= e0) break;
    }
    if (s < e0) out.push([s, e0]);
  }
  return out.filter(([s, e]) => e - s >= SLIVER);
}

export class WatchTracker {
  private played: Span[] = [];
  private open: Span | null = null;
  private accepted: Span[] = [];
  private lastAt = 0;

  /** `durationSeconds` is the server's duration: nothing past it is reported. */
  constructor(
    private readonly durationSeconds: number,
    accepted: readonly Span[] = [],
  ) {
    this.accepted = mergeSpans(accepted);
  }

  /** Playback started (or resumed) at `t`. */
  start(t: number): void {
    this.close();
    this.open = [t, t];
    this.lastAt = t;
  }

  /**
   * The playhead is at `t` while playing; `maxStep` is the most it can move between two updates (the time
   * since the last one × the playback rate, plus slack). A bigger or backward move is a jump.
   */
  tick(t: number, maxStep: number): void {
    if (!this.open) {
      this.start(t);
      return;
    }
    if (t >= this.lastAt && t - this.lastAt <= maxStep) {
      this.open[1] = t;
      this.lastAt = t;
    } else {
      this.start(t);
    }
  }

  /** Playback stopped (pause, end, seek, page hidden); `t` is the last position played, if known. */
  stop(t?: number): void {
    if (this.open && t !== undefined && t >= this.lastAt && t - this.lastAt < 1.5) this.open[1] = t;
    this.close();
  }

  private close(): void {
    if (this.open && this.open[1] > this.open[0]) this.played = mergeSpans([...this.played, this.open]);
    this.open = null;
  }

  /** What the server accepted so far (from its answer): the pending time shrinks by it. */
  acceptServer(watched: readonly Span[]): void {
    this.accepted = mergeSpans(watched);
  }

  /** Played time the server has not accepted yet, clipped to the duration, at most `max` spans. */
  pending(max = 100): Span[] {
    const all = this.open && this.open[1] > this.open[0] ? [...this.played, this.open] : this.played;
    const clipped = all
      .map(([s, e]): Span => [Math.max(0, s), Math.min(this.durationSeconds, e)])
      .filter(([s, e]) => e > s);
    return subtractSpans(clipped, this.accepted)
      .slice(0, max)
      .map(([s, e]): Span => [round3(s), round3(e)]);
  }
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The server's watched intervals (whole milliseconds) as spans in seconds. */
export function spansFromMs(watched: readonly (readonly [number, number])[]): Span[] {
  return watched.map(([s, e]) => [s / 1000, e / 1000]);
}
