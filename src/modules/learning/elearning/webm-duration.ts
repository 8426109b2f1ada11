/**
 * A browser's MediaRecorder writes WebM for live streaming: the Segment and its Clusters have unknown sizes and
 * the Info element has no Duration, so the media store refuses it (a video's duration must be readable;
 * decision 0021). This reads the last frame's time from the clusters and writes Duration into Info, which is
 * how a recorded clip (the demo's lesson video, a browser journey's) becomes an accepted lesson video. Files
 * with a SeekHead (whose offsets would move) are left to a proper export and refused here.
 */

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

type El = { id: number; start: number; dataStart: number; size: number | null };

function readVint(buf: Buffer, pos: number, keepMarker: boolean): { value: number | null; length: number } {
  const first = buf[pos];
  if (first === undefined || first === 0) throw new Error(`webm: bad element at ${pos}`);
  let length = 1;
  while (!(first & (0x80 >> (length - 1)))) length++;
  if (pos + length > buf.length) throw new Error(`webm: truncated at ${pos}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = buf[pos + i] as number;
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value: !keepMarker && allOnes ? null : value, length };
}

function readEl(buf: Buffer, pos: number): El {
  const id = readVint(buf, pos, true);
  const size = readVint(buf, pos + id.length, false);
  return { id: id.value as number, start: pos, dataStart: pos + id.length + size.length, size: size.value };
}

function encodeSize(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(0x01, 0);
  b.writeUIntBE(n, 2, 6);
  return b;
}

function uint(buf: Buffer, start: number, len: number): number {
  return len === 0 ? 0 : buf.readUIntBE(start, Math.min(6, len));
}

/** The end time of the last frame, in milliseconds (the last block's time plus one frame's typical gap). */
export function webmLastFrameMs(bytes: Buffer): number {
  const header = readEl(bytes, 0);
  if (header.id !== EBML_HEADER || header.size === null) throw new Error('webm: no EBML header');
  let scale = 1_000_000;
  let clusterTc = 0;
  const times: number[] = [];
  const walk = (from: number, to: number) => {
    for (let p = from; p < to; ) {
      const e = readEl(bytes, p);
      if (e.id === SEGMENT || e.id === CLUSTER || e.id === BLOCK_GROUP || e.id === INFO) {
        // Masters: descend (a live recording gives the Segment and Clusters no size).
        p = e.dataStart;
        continue;
      }
      if (e.size === null) throw new Error(`webm: element ${e.id.toString(16)} without a size`);
      if (e.id === TIMECODE_SCALE) scale = uint(bytes, e.dataStart, e.size);
      if (e.id === CLUSTER_TIMECODE) clusterTc = uint(bytes, e.dataStart, e.size);
      if (e.id === SIMPLE_BLOCK || e.id === BLOCK) {
        const track = readVint(bytes, e.dataStart, false);
        times.push(clusterTc + bytes.readInt16BE(e.dataStart + track.length));
      }
      p = e.dataStart + e.size;
    }
  };
  walk(header.dataStart + header.size, bytes.length);
  if (times.length === 0) throw new Error('webm: no frames');
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] as number));
  const frame = gaps.length ? (gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] as number) : 0;
  return Math.round(((sorted.at(-1)! + frame) * scale) / 1e6);
}

/** The file with Duration (ms, TimecodeScale 1 ms assumed by MediaRecorder) written into Info. */
export function withWebmDuration(bytes: Buffer, durationMs: number): Buffer {
  const header = readEl(bytes, 0);
  if (header.id !== EBML_HEADER || header.size === null) throw new Error('webm: no EBML header');
  const segment = readEl(bytes, header.dataStart + header.size);
  if (segment.id !== SEGMENT) throw new Error('webm: no Segment');
  for (let p = segment.dataStart; p < bytes.length; ) {
    const e = readEl(bytes, p);
    if (e.id === SEEK_HEAD) throw new Error('webm: has a SeekHead; export the file again instead');
    if (e.id === CLUSTER || e.size === null) break;
    if (e.id === INFO) {
      const children: Buffer[] = [];
      let scale = 1_000_000;
      for (let q = e.dataStart; q < e.dataStart + e.size; ) {
        const f = readEl(bytes, q);
        const end = f.dataStart + (f.size ?? 0);
        if (f.id === TIMECODE_SCALE) scale = uint(bytes, f.dataStart, f.size ?? 0);
        if (f.id !== DURATION) children.push(bytes.subarray(q, end));
        q = end;
      }
      const value = Buffer.alloc(8);
      value.writeDoubleBE((durationMs * 1e6) / scale, 0);
      children.push(Buffer.concat([Buffer.from([0x44, 0x89, 0x88]), value]));
      const body = Buffer.concat(children);
      const info = Buffer.concat([Buffer.from([0x15, 0x49, 0xa9, 0x66]), encodeSize(body.length), body]);
      const delta = info.length - (e.dataStart + e.size - e.start);
      const segHead = bytes.subarray(segment.start, segment.dataStart);
      const segSize =
        segment.size === null
          ? segHead
          : Buffer.concat([
              bytes.subarray(segment.start, segment.start + 4),
              encodeSize(segment.size + delta),
            ]);
      return Buffer.concat([
        bytes.subarray(0, segment.start),
        segSize,
        bytes.subarray(segment.dataStart, e.start),
        info,
        bytes.subarray(e.dataStart + e.size),
      ]);
    }
    p = e.dataStart + e.size;
  }
  throw new Error('webm: no Info before the first Cluster');
}
