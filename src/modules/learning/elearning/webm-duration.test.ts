import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticWebm } from './fixtures';
import { probeMedia } from './media-probe';
import { webmLastFrameMs, withWebmDuration } from './webm-duration';

const probe = (b: Buffer) => probeMedia('video', b.length, async (o, l) => b.subarray(o, o + l));

describe('withWebmDuration', () => {
  it('makes a WebM without a duration acceptable to the store, keeping every other byte', async () => {
    const bare = syntheticWebm({ payloadBytes: 300 });
    expect(await probe(bare)).toEqual({ ok: false, reason: 'video_duration_unknown' });
    const fixed = withWebmDuration(bare, 12_345);
    expect(await probe(fixed)).toMatchObject({ ok: true, contentType: 'video/webm', durationMs: 12_345 });
    // The cluster that follows Info is untouched.
    expect(fixed.subarray(fixed.length - 300).equals(bare.subarray(bare.length - 300))).toBe(true);
  });

  it('replaces a duration already there instead of adding a second one', async () => {
    const fixed = withWebmDuration(syntheticWebm({ durationMs: 1_000 }), 2_000);
    expect(await probe(fixed)).toMatchObject({ ok: true, durationMs: 2_000 });
    expect(fixed.length).toBe(withWebmDuration(syntheticWebm({}), 2_000).length);
  });

  it('reads the last frame of a browser recording (unknown-size segment and clusters)', async () => {
    const demo = readFileSync(new URL('../../../demo/media/lesson-demo.webm', import.meta.url));
    const ms = webmLastFrameMs(demo);
    expect(ms).toBeGreaterThan(11_000);
    expect(ms).toBeLessThan(13_000);
    expect(await probe(demo)).toMatchObject({ ok: true, durationMs: ms });
  });

  it('refuses what is not WebM', () => {
    expect(() => withWebmDuration(Buffer.from('not a video at all'), 1000)).toThrow(/webm/);
  });
});
