import iconv from 'iconv-lite';

/** How {@link decodeText} read the bytes. */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'cp932';

/**
 * Decodes a text file as Japanese offices produce it: UTF-8 with a BOM, plain UTF-8, or CP932 (what Windows
 * Excel writes when saving "CSV" and calls Shift_JIS). CP932 rather than strict Shift_JIS so that the NEC/IBM
 * extension characters common in names (髙 0xFBFC, 﨑 0xFAB1, ①, ㈱) survive.
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf8-bom' };
  }
  try {
    // fatal: any invalid sequence throws, which is how CP932 bytes are told apart from UTF-8.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(buf, 'CP932'), encoding: 'cp932' };
  }
}
