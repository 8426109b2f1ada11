import { describe, expect, it } from 'vitest';
import { captionLanguageOf, checkCaptions, MAX_CAPTION_BYTES } from './captions-rules';

const vtt = (text: string) => Buffer.from(text, 'utf8');

describe('what a caption track must be', () => {
  it('takes WebVTT in UTF-8 named .vtt, with or without a byte-order mark', () => {
    expect(checkCaptions('ja.vtt', vtt('WEBVTT\n\n00:00.000 --> 00:04.000\nこんにちは\n'))).toBeNull();
    expect(checkCaptions('JA.VTT', vtt('\uFEFFWEBVTT - 就学相談\r\n'))).toBeNull();
    expect(checkCaptions('only-header.vtt', vtt('WEBVTT'))).toBeNull();
  });

  it('refuses a file that does not start with WEBVTT, is empty or is not named .vtt', () => {
    expect(checkCaptions('ja.vtt', vtt('1\n00:00:00,000 --> 00:00:01,000\nSRT\n'))).toBe(
      'library_captions_not_webvtt',
    );
    expect(checkCaptions('ja.vtt', vtt('WEBVTTX\n'))).toBe('library_captions_not_webvtt');
    expect(checkCaptions('ja.vtt', Buffer.alloc(0))).toBe('library_captions_not_webvtt');
    expect(checkCaptions('ja.srt', vtt('WEBVTT\n'))).toBe('library_captions_not_webvtt');
  });

  it('refuses text that is not UTF-8 anywhere in the file (Shift_JIS from an old editor)', () => {
    const sjis = Buffer.concat([vtt('WEBVTT\n\n'.padEnd(70_000, '\n')), Buffer.from([0x82, 0xa0])]);
    expect(checkCaptions('ja.vtt', sjis)).toBe('library_captions_not_utf8');
  });

  it('refuses more than 1 MiB and allows exactly 1 MiB', () => {
    const exact = Buffer.concat([vtt('WEBVTT\n'), Buffer.alloc(MAX_CAPTION_BYTES - 7, 0x0a)]);
    expect(checkCaptions('ja.vtt', exact)).toBeNull();
    expect(checkCaptions('ja.vtt', Buffer.concat([exact, vtt('\n')]))).toBe('library_captions_too_large');
  });

  it('knows the three languages and nothing else', () => {
    expect(['ja', 'en', 'easy', 'fr', 'JA', ''].map(captionLanguageOf)).toEqual([
      'ja',
      'en',
      'easy',
      null,
      null,
      null,
    ]);
  });
});
