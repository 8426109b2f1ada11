import { describe, expect, it } from 'vitest';
import { syntheticMp4, syntheticPdf, syntheticVtt, syntheticWebm } from './fixtures';
import { probeMedia, type ReadAt } from './media-probe';

/** A reader over a buffer that counts the bytes read. */
function reader(buf: Buffer): { readAt: ReadAt; read: () => number } {
  let n = 0;
  return {
    readAt: async (offset, length) => {
      const out = buf.subarray(offset, offset + length);
      n += out.length;
      return out;
    },
    read: () => n,
  };
}

const probe = (kind: 'video' | 'captions' | 'document', buf: Buffer) =>
  probeMedia(kind, buf.length, reader(buf).readAt);

describe('videos', () => {
  it('reads an MP4 duration from mvhd, index first or last, version 0 or 1', async () => {
    expect(await probe('video', syntheticMp4({ durationMs: 754_321 }))).toEqual({
      ok: true,
      contentType: 'video/mp4',
      durationMs: 754_321,
      faststart: true,
    });
    expect(await probe('video', syntheticMp4({ durationMs: 60_000, moovFirst: false }))).toMatchObject({
      ok: true,
      durationMs: 60_000,
      faststart: false,
    });
    expect(await probe('video', syntheticMp4({ durationMs: 5_000, mvhdVersion: 1 }))).toMatchObject({
      ok: true,
      durationMs: 5_000,
    });
  });

  it('probes a large MP4 with its index at the end by a few small reads', async () => {
    const buf = syntheticMp4({ durationMs: 600_000, payloadBytes: 8 * 1024 * 1024, moovFirst: false });
    const r = reader(buf);
    expect(await probeMedia('video', buf.length, r.readAt)).toMatchObject({ ok: true, durationMs: 600_000 });
    expect(r.read()).toBeLessThan(128 * 1024);
  });

  it('reads a WebM duration from Segment → Info', async () => {
    expect(await probe('video', syntheticWebm({ durationMs: 90_500 }))).toEqual({
      ok: true,
      contentType: 'video/webm',
      durationMs: 90_500,
      faststart: true,
    });
  });

  it.each([
    ['a PDF', syntheticPdf(), 'not_video'],
    ['text renamed .mp4', Buffer.from('hello, this is not a video at all'), 'not_video'],
    [
      'a Matroska file that is not WebM',
      syntheticWebm({ durationMs: 1000, docType: 'matroska' }),
      'not_video',
    ],
    ['a WebM without a recorded duration', syntheticWebm({}), 'video_duration_unknown'],
    [
      'an MP4 whose index is missing',
      syntheticMp4({ durationMs: 1000 }).subarray(0, 40),
      'video_duration_unknown',
    ],
    ['an MP4 of zero duration', syntheticMp4({ durationMs: 0 }), 'video_duration_unknown'],
    ['an empty file', Buffer.alloc(0), 'empty_file'],
  ])('refuses %s', async (_, buf, reason) => {
    expect(await probe('video', buf)).toEqual({ ok: false, reason });
  });
});

describe('captions', () => {
  it('accepts WebVTT with or without a byte-order mark', async () => {
    expect(await probe('captions', syntheticVtt())).toMatchObject({
      ok: true,
      contentType: 'text/vtt; charset=utf-8',
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), syntheticVtt()]);
    expect(await probe('captions', bom)).toMatchObject({ ok: true });
    expect(await probe('captions', Buffer.from('WEBVTT'))).toMatchObject({ ok: true });
  });
  it.each([
    ['SubRip', Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nこんにちは\n'), 'not_webvtt'],
    ['WEBVTTX', Buffer.from('WEBVTTX\n'), 'not_webvtt'],
    [
      'Shift_JIS bytes',
      Buffer.concat([Buffer.from('WEBVTT\n\n'), Buffer.from([0x82, 0xa0, 0x82])]),
      'captions_not_utf8',
    ],
  ])('refuses %s', async (_, buf, reason) => {
    expect(await probe('captions', buf)).toEqual({ ok: false, reason });
  });
});

describe('documents', () => {
  it('accepts a PDF and refuses anything else', async () => {
    expect(await probe('document', syntheticPdf())).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
    });
    expect(await probe('document', syntheticMp4({ durationMs: 1000 }))).toEqual({
      ok: false,
      reason: 'not_pdf',
    });
  });
});
