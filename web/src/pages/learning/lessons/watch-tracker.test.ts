import { describe, expect, it } from 'vitest';
import { mergeSpans, spansFromMs, subtractSpans, WatchTracker } from './watch-tracker';

describe('spans', () => {
  it('merges overlapping and touching spans', () => {
    expect(
      mergeSpans([
        [5, 10],
        [0, 3],
        [3, 4],
        [9, 12],
      ]),
    ).toEqual([
      [0, 4],
      [5, 12],
    ]);
  });

  it('subtracts what the server has, dropping slivers of rounding', () => {
    expect(
      subtractSpans(
        [[0, 30]],
        [
          [0, 10],
          [20, 29.99],
        ],
      ),
    ).toEqual([[10, 20]]);
    expect(subtractSpans([[0, 10]], [[0, 10.001]])).toEqual([]);
  });
});

describe('WatchTracker', () => {
  it('reports played time until the server accepts it, so deferred time is sent again', () => {
    const w = new WatchTracker(60);
    w.start(0);
    for (let t = 0.25; t <= 15; t += 0.25) w.tick(t, 1);
    expect(w.pending()).toEqual([[0, 15]]);
    // The server accepted only the first 5 s (its credit); the rest stays pending.
    w.acceptServer(spansFromMs([[0, 5000]]));
    expect(w.pending()).toEqual([[5, 15]]);
    w.acceptServer(spansFromMs([[0, 15000]]));
    expect(w.pending()).toEqual([]);
  });

  it('treats a jump as a new span, not as watched time', () => {
    const w = new WatchTracker(600);
    w.start(0);
    w.tick(1, 1);
    w.tick(2, 1);
    w.tick(300, 1); // seeked forward
    w.tick(301, 1);
    w.stop(301.2);
    expect(w.pending()).toEqual([
      [0, 2],
      [300, 301.2],
    ]);
  });

  it('starts from what the server already has (another device, a reload)', () => {
    const w = new WatchTracker(100, [[0, 50]]);
    w.start(40);
    for (let t = 41; t <= 55; t++) w.tick(t, 2.5);
    expect(w.pending()).toEqual([[50, 55]]);
  });

  it('never reports past the server’s duration and caps the number of spans', () => {
    const w = new WatchTracker(10);
    w.start(9);
    w.tick(10.4, 2);
    expect(w.pending()).toEqual([[9, 10]]);
    const many = new WatchTracker(1000);
    for (let i = 0; i < 150; i++) {
      many.start(i * 5);
      many.tick(i * 5 + 1, 2);
      many.stop();
    }
    expect(many.pending(100)).toHaveLength(100);
  });
});
