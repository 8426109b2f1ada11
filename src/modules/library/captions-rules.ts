import { isCode } from '../../shared/vocab/label';
import { LIBRARY_CAPTION_LANGUAGES, type LibraryCaptionLanguage } from '../../shared/vocab/library';

/**
 * What a caption track must be (pure; docs/knowledge.md §2, WCAG 2.2 1.2.2), checked on its whole content before
 * anything is stored: a WebVTT file — named `.vtt`, valid UTF-8 throughout, `WEBVTT` first (after an optional
 * byte-order mark) followed by a space, tab, line break or the end — of at most {@link MAX_CAPTION_BYTES}.
 */

/** 1 MiB: an hour of captions is about 100 KB; anything larger is not a caption file. */
export const MAX_CAPTION_BYTES = 1024 * 1024;

export type CaptionRefusal =
  | 'library_captions_not_webvtt'
  | 'library_captions_not_utf8'
  | 'library_captions_too_large';

export function captionLanguageOf(value: string): LibraryCaptionLanguage | null {
  return isCode(LIBRARY_CAPTION_LANGUAGES, value) ? value : null;
}

/** Null when `bytes` named `name` is a caption track we keep, else the error code saying why not. */
export function checkCaptions(name: string, bytes: Buffer): CaptionRefusal | null {
  if (bytes.length > MAX_CAPTION_BYTES) return 'library_captions_too_large';
  if (!/\.vtt$/i.test(name.trim()) || bytes.length === 0) return 'library_captions_not_webvtt';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'library_captions_not_utf8';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return /^WEBVTT(?:[ \t\r\n]|$)/.test(text) ? null : 'library_captions_not_webvtt';
}
