import type { MediaKind } from '../../../shared/vocab/learning-elearning';

/**
 * Checks an uploaded file by its content, not its name or declared type (decision 0021): a video must be an MP4
 * (ISO base media: `ftyp` first) or a WebM (EBML header with DocType `webm`) whose duration we can read — the
 * progress rule measures against the server's duration, never the player's; captions must be WebVTT (UTF-8,
 * `WEBVTT` first); a document must be a PDF (`%PDF-` first). Reads through a random-access reader so a 2 GB
 * video stored in parts is probed with a few small reads.
 */

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export type ProbeResult =
  | { ok: true; contentType: string; durationMs: number | null; faststart: boolean | null }
  | { ok: false; reason: ProbeRefusal };

export type ProbeRefusal =
  | 'not_video'
  | 'video_duration_unknown'
  | 'not_webvtt'
  | 'captions_not_utf8'
  | 'not_pdf'
  | 'empty_file';

/** Caption files larger than this are not captions. */
export const MAX_CAPTION_BYTES = 4 * 1024 * 1024;

export async function probeMedia(kind: MediaKind, size: number, readAt: ReadAt): Promise<ProbeResult> {
  if (size === 0) return { ok: false, reason: 'empty_file' };
  const head = await readAt(0, Math.min(size, 64 * 1024));
  if (kind === 'document') {
    return head.subarray(0, 5).toString('latin1') === '%PDF-'
      ? { ok: true, contentType: 'application/pdf', durationMs: null, faststart: null }
      : { ok: false, reason: 'not_pdf' };
  }
  if (kind === 'captions') {
    if (size > MAX_CAPTION_BYTES) return { ok: false, reason: 'not_webvtt' };
    const all = size <= head.length ? head : await readAt(0, size);
    return checkWebVtt(all);
  }
  if (head.length >= 8 && head.subarray(4, 8).toString('latin1') === 'ftyp') return probeMp4(size, readAt);
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return probeWebm(head);
  return { ok: false, reason: 'not_video' };
}

/** WebVTT: optional BOM, `WEBVTT`, then a space, tab or line break (or the end); the whole file valid UTF-8. */
export function checkWebVtt(bytes: Buffer): ProbeResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'captions_not_utf8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return { ok: false, reason: 'not_webvtt' };
  return { ok: true, contentType: 'text/vtt; charset=utf-8', durationMs: null, faststart: null };
}

type Box = { type: string; start: number; headerSize: number; size: number };

async function readBox(readAt: ReadAt, offset: number, end: number): Promise<Box | null> {
  if (offset + 8 > end) return null;
  const h = await readAt(offset, 16);
  if (h.length < 8) return null;
  let size = h.readUInt32BE(0);
  const type = h.subarray(4, 8).toString('latin1');
  let headerSize = 8;
  if (size === 1) {
    if (h.length < 16) return null;
    size = Number(h.readBigUInt64BE(8));
    headerSize = 16;
  } else if (size === 0) size = end - offset;
  if (size < headerSize || offset + size > end) return null;
  return { type, start: offset, headerSize, size };
}

/** MP4: walks the top-level boxes to `moov`, then its children to `mvhd` (timescale and duration). */
async function probeMp4(size: number, readAt: ReadAt): Promise<ProbeResult> {
  let offset = 0;
  let sawMdat = false;
  for (let i = 0; i < 10_000; i++) {
    const box = await readBox(readAt, offset, size);
    if (!box) break;
    if (box.type === 'mdat') sawMdat = true;
    if (box.type === 'moov') {
      const end = box.start + box.size;
      let child = box.start + box.headerSize;
      for (let j = 0; j < 10_000; j++) {
        const c = await readBox(readAt, child, end);
        if (!c) break;
        if (c.type === 'mvhd') {
          const body = await readAt(c.start + c.headerSize, 32);
          const durationMs = mvhdDurationMs(body);
          if (durationMs === null) return { ok: false, reason: 'video_duration_unknown' };
          return { ok: true, contentType: 'video/mp4', durationMs, faststart: !sawMdat };
        }
        child = c.start + c.size;
      }
      return { ok: false, reason: 'video_duration_unknown' };
    }
    offset = box.start + box.size;
  }
  // An ISO media file without a movie header: truncated, or a still image (HEIF) — no duration either way.
  return { ok: false, reason: 'video_duration_unknown' };
}

function mvhdDurationMs(body: Buffer): number | null {
  if (body.length < 20) return null;
  const version = body.readUInt8(0);
  let timescale: number;
  let duration: number;
  if (version === 1) {
    if (body.length < 32) return null;
    timescale = body.readUInt32BE(20);
    duration = Number(body.readBigUInt64BE(24));
  } else {
    timescale = body.readUInt32BE(12);
    duration = body.readUInt32BE(16);
  }
  if (timescale === 0 || duration === 0 || duration === 0xffffffff) return null;
  return Math.round((duration * 1000) / timescale);
}

/** An EBML variable-length integer at `pos`: its value (marker removed) and length; unknown size as null. */
function vint(buf: Buffer, pos: number, keepMarker = false): { value: number | null; length: number } | null {
  const first = buf[pos];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (pos + length > buf.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = buf[pos + i] as number;
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value: !keepMarker && allOnes ? null : value, length };
}

const EBML_DOCTYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

/** WebM: the EBML header's DocType, then Segment → Info → TimecodeScale and Duration (in the first 64 KB). */
function probeWebm(head: Buffer): ProbeResult {
  const header = element(head, 0);
  if (!header || header.size === null) return { ok: false, reason: 'not_video' };
  let docType: string | null = null;
  for (let p = header.dataStart; p < header.dataStart + header.size; ) {
    const e = element(head, p);
    if (!e || e.size === null) break;
    if (e.id === EBML_DOCTYPE) docType = head.subarray(e.dataStart, e.dataStart + e.size).toString('latin1');
    p = e.dataStart + e.size;
  }
  if (docType?.replace(/\0+$/, '') !== 'webm') return { ok: false, reason: 'not_video' };
  const segment = element(head, header.dataStart + header.size);
  if (!segment || segment.id !== SEGMENT) return { ok: false, reason: 'not_video' };
  const segmentEnd = segment.size === null ? head.length : segment.dataStart + segment.size;
  for (let p = segment.dataStart; p < Math.min(segmentEnd, head.length); ) {
    const e = element(head, p);
    if (!e || e.size === null || e.id === CLUSTER) break;
    if (e.id === INFO) {
      let scale = 1_000_000;
      let duration: number | null = null;
      for (let q = e.dataStart; q < e.dataStart + e.size; ) {
        const f = element(head, q);
        if (!f || f.size === null) break;
        const data = head.subarray(f.dataStart, f.dataStart + f.size);
        if (f.id === TIMECODE_SCALE) scale = data.readUIntBE(0, Math.min(6, data.length));
        if (f.id === DURATION) duration = data.length === 4 ? data.readFloatBE(0) : data.readDoubleBE(0);
        q = f.dataStart + f.size;
      }
      if (duration === null || !Number.isFinite(duration) || duration <= 0)
        return { ok: false, reason: 'video_duration_unknown' };
      return {
        ok: true,
        contentType: 'video/webm',
        durationMs: Math.round((duration * scale) / 1e6),
        faststart: true,
      };
    }
    p = e.dataStart + e.size;
  }
  return { ok: false, reason: 'video_duration_unknown' };
}

function element(buf: Buffer, pos: number): { id: number; size: number | null; dataStart: number } | null {
  const id = vint(buf, pos, true);
  if (!id || id.value === null) return null;
  const size = vint(buf, pos + id.length);
  if (!size) return null;
  // A large element (a cluster) may run past what was read: its header is still usable.
  return { id: id.value, size: size.value, dataStart: pos + id.length + size.length };
}
