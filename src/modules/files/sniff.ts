import type { FileType } from '../../shared/vocab/files';

/**
 * What a file is, read from its first bytes (magic numbers), never from its name or the browser's claim
 * (decision 0025). Pure. `head` is the file's first {@link SNIFF_BYTES} bytes (or all of a shorter file).
 *
 * - PDF `%PDF-`; PNG `89 50 4E 47 0D 0A 1A 0A`; JPEG `FF D8 FF`;
 * - MP4 (ISO base media): a box of type `ftyp` first; WebM: the EBML header `1A 45 DF A3` with DocType `webm`;
 * - DOCX / XLSX: a ZIP (`PK 03 04`) whose local entries name `word/` or `xl/` (Office writes
 *   `[Content_Types].xml` and its own folder first, so they appear in the first bytes);
 * - WebVTT: optional BOM, then `WEBVTT` and a space, tab or line break;
 * - text / CSV: valid UTF-8 (or Shift_JIS/CP932 for CSV, which Japanese Excel writes) with no NUL or other
 *   binary control characters. Text and CSV are told apart by the name, since their bytes are alike.
 */

export const SNIFF_BYTES = 64 * 1024;

export type Sniffed = { type: FileType; contentType: string } | null;

const CONTENT_TYPES: Record<FileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv',
  vtt: 'text/vtt; charset=utf-8',
};

/** The extensions a file of each type may carry (lower case, without the dot). */
export const EXTENSIONS: Record<FileType, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  mp4: ['mp4', 'm4v'],
  webm: ['webm'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  text: ['txt', 'md'],
  csv: ['csv'],
  vtt: ['vtt'],
};

export function contentTypeOf(type: FileType): string {
  return CONTENT_TYPES[type];
}

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The type a name claims by its extension, or null for an extension the store does not keep. */
export function typeClaimedBy(name: string): FileType | null {
  const ext = extensionOf(name);
  for (const [type, exts] of Object.entries(EXTENSIONS) as [FileType, readonly string[]][]) {
    if (exts.includes(ext)) return type;
  }
  return null;
}

/**
 * The file's type by its content, given the type its name claims (text and CSV look alike, as do the two
 * Office formats when a ZIP's entries come late). Null when the content is none of the types the store keeps.
 */
export function sniff(
  head: Buffer,
  claimed: FileType | null,
  truncated = head.length >= SNIFF_BYTES,
): Sniffed {
  const type = sniffType(head, claimed, truncated);
  return type ? { type, contentType: contentTypeOf(type) } : null;
}

function sniffType(head: Buffer, claimed: FileType | null, truncated: boolean): FileType | null {
  if (head.length === 0) return null;
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (head.length >= 12 && head.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return head.subarray(0, 64).includes(Buffer.from('webm', 'latin1')) ? 'webm' : null;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeType(head, claimed);
  return textType(head, claimed, truncated);
}

function officeType(head: Buffer, claimed: FileType | null): FileType | null {
  const word = head.indexOf('word/', 0, 'latin1');
  const xl = head.indexOf('xl/', 0, 'latin1');
  if (word >= 0 && (xl < 0 || word < xl)) return 'docx';
  if (xl >= 0) return 'xlsx';
  // A ZIP whose Office folder comes after the first 64 KB: only an Office claim lets it pass, and only when
  // it carries the Office manifest at all.
  if (head.indexOf('[Content_Types].xml', 0, 'latin1') >= 0 && (claimed === 'docx' || claimed === 'xlsx'))
    return claimed;
  return null;
}

function textType(head: Buffer, claimed: FileType | null, truncated: boolean): FileType | null {
  if (!isTextLike(head)) return null;
  const utf8 = decodesAsUtf8(head, truncated);
  if (utf8) {
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    if (/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return 'vtt';
    if (claimed === 'vtt') return null; // named .vtt without the WEBVTT header: not captions
  }
  if (claimed === 'csv') return 'csv';
  if (!utf8) return null; // only CSV may come in Shift_JIS (Excel's "CSV" in Japanese Windows)
  return 'text';
}

/** No NUL or C0 controls except tab, line feed, form feed and carriage return (and ESC is not text either). */
function isTextLike(head: Buffer): boolean {
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/** Valid UTF-8; when the head is cut from a longer file, a character cut off at its end is allowed. */
function decodesAsUtf8(head: Buffer, truncated: boolean): boolean {
  for (let cut = 0; cut < (truncated ? 4 : 1) && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // A multi-byte character may straddle the end of the head: try without its first bytes.
    }
  }
  return false;
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}
