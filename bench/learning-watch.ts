/**
 * Pure parts of `npm run bench:learning`: what a simulated learner reports (the intervals it "watched" at normal
 * speed since its previous report, as the real player does, so the server's real-time rule accepts them), when
 * each learner reports (spread evenly over the 15-second cadence), the bytes of a large synthetic MP4 made one
 * upload chunk at a time (the whole file never sits in memory), and whether the server's memory stayed flat.
 */

/** A simulated learner's player: the lesson it plays and where, and when it last reported (null: not yet). */
export type Watcher = { lesson: number; positionMs: number; lastAt: number | null };

export type Report = {
  lesson: number;
  body: { intervals: [number, number][]; positionSeconds: number };
};

/**
 * The next report of a learner at `nowMs` and the player's state after it. The first report of a lesson is
 * empty (the real player sends one when playback starts; it opens the server's credit); every later one claims
 * the media time played at 1× since the previous report. At the end of a lesson the player moves to the next
 * one (of `lessons`) and starts it with an empty report.
 */
export function nextReport(
  w: Watcher,
  nowMs: number,
  durationMs: number,
  lessons: number,
): { report: Report; next: Watcher } {
  if (w.lastAt === null || w.positionMs >= durationMs) {
    const fresh = w.positionMs >= durationMs ? { lesson: (w.lesson + 1) % lessons, positionMs: 0 } : w;
    return {
      report: { lesson: fresh.lesson, body: { intervals: [], positionSeconds: fresh.positionMs / 1000 } },
      next: { lesson: fresh.lesson, positionMs: fresh.positionMs, lastAt: nowMs },
    };
  }
  const played = Math.max(0, Math.min(nowMs - w.lastAt, durationMs - w.positionMs));
  const end = w.positionMs + played;
  return {
    report: {
      lesson: w.lesson,
      body: {
        intervals: played > 0 ? [[w.positionMs / 1000, end / 1000]] : [],
        positionSeconds: end / 1000,
      },
    },
    next: { lesson: w.lesson, positionMs: end, lastAt: nowMs },
  };
}

/** Where learner `i` of `n` starts: its lesson and a position in the first 85 % of it (deterministic). */
export function startOf(i: number, lessons: number, durationMs: number): Watcher {
  const frac = ((i * 7919) % 1000) / 1000;
  return { lesson: i % lessons, positionMs: Math.floor(frac * 0.85 * durationMs), lastAt: null };
}

/**
 * The k-th report of the whole population (learner k mod n), due at `k × everyMs / n` after the start: each
 * learner reports every `everyMs`, and the reports are spread evenly, n / everyMs per millisecond.
 */
export function slot(k: number, learners: number, everyMs: number): { learner: number; atMs: number } {
  return { learner: k % learners, atMs: (k * everyMs) / learners };
}

/** The MP4 header before the media data: `ftyp`, a fast-start `moov` with the duration, the `mdat` header. */
export function mp4Header(totalBytes: number, durationMs: number): Buffer {
  const box = (type: string, body: Buffer, size = 8 + body.length) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(size, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')]));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(durationMs, 16);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  const moov = box('moov', box('mvhd', mvhd));
  const headerLen = ftyp.length + moov.length + 8;
  if (totalBytes - headerLen + 8 > 0xffffffff) throw new Error('mp4Header: over 4 GiB needs a 64-bit mdat');
  return Buffer.concat([ftyp, moov, box('mdat', Buffer.alloc(0), totalBytes - headerLen + 8)]);
}

/** The 256 bytes the media data repeats (byte p of the data is (31 p + 7) mod 256, as the test fixtures). */
const PATTERN = Buffer.from(Array.from({ length: 256 }, (_, p) => (p * 31 + 7) & 0xff));

/** Bytes [offset, offset + length) of a `totalBytes` MP4 of `durationMs`, without building the whole file. */
export function mp4Slice(totalBytes: number, durationMs: number, offset: number, length: number): Buffer {
  const header = mp4Header(totalBytes, durationMs);
  const end = Math.min(totalBytes, offset + length);
  const out = Buffer.alloc(Math.max(0, end - offset));
  let pos = offset;
  if (pos < header.length) {
    const n = header.copy(out, 0, pos, Math.min(header.length, end));
    pos += n;
  }
  if (pos < end) {
    const p = (pos - header.length) % 256;
    const rotated = Buffer.concat([PATTERN.subarray(p), PATTERN.subarray(0, p)]);
    out.fill(rotated, pos - offset);
  }
  return out;
}

/**
 * Whether resident memory stayed flat while streaming: no sample more than `allowBytes` above the reading
 * before, and the last reading within it too. Returns the growth at the peak and at the end.
 */
export function memoryFlat(
  beforeRss: number,
  samples: number[],
  afterRss: number,
  allowBytes: number,
): { flat: boolean; peakGrowth: number; endGrowth: number } {
  const peak = Math.max(beforeRss, afterRss, ...samples);
  const peakGrowth = peak - beforeRss;
  const endGrowth = afterRss - beforeRss;
  return { flat: peakGrowth <= allowBytes && endGrowth <= allowBytes, peakGrowth, endGrowth };
}
