import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileType } from '../../shared/vocab/files';
import { syntheticMp4, syntheticPdf, syntheticVtt, syntheticWebm } from '../learning/elearning/fixtures';
import { accepts, maxBytesFor } from './limits';
import { extensionOf, SNIFF_BYTES, sniff, typeClaimedBy } from './sniff';

/** A ZIP's first local entry header naming `name` (enough for the sniffer: it reads names, not contents). */
function zipEntry(name: string): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([head, Buffer.from(name, 'latin1')]);
}
const docx = Buffer.concat([
  zipEntry('[Content_Types].xml'),
  zipEntry('_rels/.rels'),
  zipEntry('word/document.xml'),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('様式').addRow(['児童名', '学校名']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('sniff: what a file is by its content', () => {
  const cases: [string, Buffer, FileType | null, FileType | null][] = [
    ['PDF', syntheticPdf(), 'pdf', 'pdf'],
    ['PNG', PNG, 'png', 'png'],
    ['JPEG', JPEG, 'jpeg', 'jpeg'],
    ['MP4', syntheticMp4({ durationMs: 5000, payloadBytes: 100 }), 'mp4', 'mp4'],
    ['WebM', syntheticWebm({ durationMs: 5000, payloadBytes: 100 }), 'webm', 'webm'],
    ['DOCX', docx, 'docx', 'docx'],
    ['WebVTT', syntheticVtt(), 'vtt', 'vtt'],
    ['UTF-8 text', Buffer.from('就学前の相談の流れ\n1. 市町村の窓口へ\n'), 'text', 'text'],
    ['UTF-8 CSV', Buffer.from('氏名,学校\n山田,県立特別支援学校\n'), 'csv', 'csv'],
    ['CP932 CSV', Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x8a, 0x77, 0x8d, 0x5a, 0x0a]), 'csv', 'csv'],
    ['CP932 named .txt is not UTF-8 text', Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x0a]), 'text', null],
    ['text named .vtt without WEBVTT', Buffer.from('1\n00:00.000 --> 00:01.000\nこんにちは\n'), 'vtt', null],
    ['binary with NUL bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41]), 'text', null],
    [
      'EBML that is not WebM (Matroska)',
      Buffer.from('1a45dfa3a34282886d6174726f736b61', 'hex'),
      'webm',
      null,
    ],
    ['a ZIP that is not Office', zipEntry('photos/a.jpg'), 'docx', null],
    ['empty', Buffer.alloc(0), 'pdf', null],
  ];
  it.each(cases)('%s', (_label, bytes, claimed, expected) => {
    expect(sniff(bytes, claimed)?.type ?? null).toBe(expected);
  });

  it('reads an .xlsx written by Excel-compatible software as a workbook, not a document', async () => {
    const found = sniff((await xlsx()).subarray(0, SNIFF_BYTES), 'xlsx');
    expect(found).toEqual({
      type: 'xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('a text file renamed .pdf is still text (the store refuses the mismatch)', () => {
    expect(sniff(Buffer.from('これは PDF ではありません'), 'pdf')?.type).toBe('text');
  });

  it('allows a multi-byte character cut at the end of a head taken from a longer file, not of a whole file', () => {
    const text = Buffer.from('あ'.repeat(SNIFF_BYTES)); // 3 bytes each
    const head = text.subarray(0, SNIFF_BYTES); // 65536 = 3 × 21845 + 1: the last character is cut
    expect(sniff(head, 'text')?.type).toBe('text');
    expect(sniff(head.subarray(0, 10), 'text', false)).toBeNull();
  });
});

describe('names and limits', () => {
  it('reads the extension case-insensitively', () => {
    expect(extensionOf('就学ガイド.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('a.')).toBe('');
    expect(typeClaimedBy('写真.JPG')).toBe('jpeg');
    expect(typeClaimedBy('様式.xls')).toBeNull();
  });

  it('limits each kind to its own types and sizes', () => {
    expect(accepts('library', 'mp4')).toBe(true);
    expect(accepts('plan_format', 'mp4')).toBe(false);
    expect(accepts('lesson_captions', 'vtt')).toBe(true);
    expect(maxBytesFor('library', 'pdf', 2 * 1024 ** 3)).toBe(50 * 1024 * 1024);
    expect(maxBytesFor('library', 'mp4', 2 * 1024 ** 3)).toBe(2 * 1024 ** 3);
    expect(maxBytesFor('lesson_captions', 'vtt', 2 * 1024 ** 3)).toBe(4 * 1024 * 1024);
    expect(maxBytesFor('plan_format', 'xlsx', 2 * 1024 ** 3)).toBe(20 * 1024 * 1024);
  });
});
