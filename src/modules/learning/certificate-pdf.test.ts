import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText, streamBytes } from '../../test/pdf-text';
import { type CertificateFacts, certificateFontPaths, renderCertificatePdf } from './certificate-pdf';
import { formatCertificateDate, MISSING_GLYPH_MARK, wrapText } from './certificate-text';

const FACTS: CertificateFacts = {
  serial: '2026-7KQM-3XHT-PWN9',
  holderName: '髙橋 﨑子',
  courseTitle: '令和8年度 医療的ケア児等コーディネーター養成研修',
  courseKindLabel: '医療的ケア児等コーディネーター養成研修',
  sessionTitle: '第1回（松本会場）',
  completedOn: '2026-12-06',
  issuedOn: '2026-12-10',
  centreName: '長野県医療的ケア児等支援センター',
  checkUrl: 'https://tsunagu.example.lg.jp/public/trainings/certificates/2026-7KQM-3XHT-PWN9',
};

describe('renderCertificatePdf', () => {
  it('produces a one-page A4 PDF that parses, with its facts as searchable text', async () => {
    const { bytes, missingCharacters } = await renderCertificatePdf(FACTS);
    expect(missingCharacters).toEqual([]);
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('修了証 令和8年度 医療的ケア児等コーディネーター養成研修');
    expect(doc.getAuthor()).toBe('長野県医療的ケア児等支援センター');

    const text = extractText(doc);
    const all = text.join('\n');
    expect(text).toContain('修　了　証');
    expect(text).toContain('髙橋 﨑子　様');
    expect(text).toContain('令和8年度 医療的ケア児等コーディネーター養成研修');
    expect(text).toContain('医療的ケア児等コーディネーター養成研修');
    expect(text).toContain('第1回（松本会場）');
    expect(text).toContain('令和8年12月6日（2026年12月6日）');
    expect(text).toContain('発行日　令和8年12月10日（2026年12月10日）');
    expect(text).toContain('長野県医療的ケア児等支援センター');
    expect(text).toContain('修了証番号　2026-7KQM-3XHT-PWN9');
    // The address wraps beside the QR code; read as one it is whole.
    expect(text.join('')).toContain(FACTS.checkUrl);
    expect(all).not.toContain('\uFFFD');
  });

  it('words the certificate in English when asked, titles and names as entered, fonts still embedded', async () => {
    const { bytes, missingCharacters } = await renderCertificatePdf({
      ...FACTS,
      lang: 'en',
      courseKindLabel: 'Coordinator course',
    });
    expect(missingCharacters).toEqual([]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Certificate of Completion 令和8年度 医療的ケア児等コーディネーター養成研修');
    const text = extractText(doc);
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('髙橋 﨑子');
    expect(text).not.toContain('髙橋 﨑子　様');
    expect(text).toContain(
      'This is to certify that the person named above has completed the training below.',
    );
    expect(text).toContain('Coordinator course');
    expect(text).toContain('6 Dec 2026 (Reiwa 8)');
    expect(text).toContain('Issued on 10 Dec 2026 (Reiwa 8)');
    expect(text).toContain('Certificate no. 2026-7KQM-3XHT-PWN9');
    expect(text).toContain('No. 2026-7KQM-3XHT-PWN9');
    expect(text).toContain('令和8年度 医療的ケア児等コーディネーター養成研修');
    expect(text).not.toContain('修了日');
    expect(text.join('')).toContain(FACTS.checkUrl);
    expect(formatCertificateDate('2026-12-06', 'en')).toBe('6 Dec 2026 (Reiwa 8)');
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.has(PDFName.of('FontFile2')));
    expect(fonts).toHaveLength(2);
  });

  it('embeds every font it uses, as a small subset, and names no font the reader would have to supply', async () => {
    const { bytes } = await renderCertificatePdf(FACTS);
    expect(bytes.length).toBeLessThan(120_000);
    const doc = await PDFDocument.load(bytes);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter(
        (obj): obj is PDFDict => obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('Font'),
      );
    const type0 = fonts.filter((f) => f.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    expect(type0).toHaveLength(2);
    // No simple font (Type1 / TrueType by name only): those are the ones a viewer takes from the host.
    expect(
      fonts.filter(
        (f) =>
          f.get(PDFName.of('Subtype')) !== PDFName.of('Type0') &&
          f.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2'),
      ),
    ).toEqual([]);
    for (const font of fonts.filter((f) => f.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2'))) {
      const descriptor = doc.context.lookup(font.get(PDFName.of('FontDescriptor')), PDFDict);
      const file = doc.context.lookup(descriptor.get(PDFName.of('FontFile2')));
      expect(file).toBeInstanceOf(PDFRawStream);
      const fontBytes = streamBytes(file);
      // A TrueType font of a few dozen glyphs, not the 4.5 MB original.
      expect(fontBytes.length).toBeGreaterThan(1000);
      expect(fontBytes.length).toBeLessThan(60_000);
      expect(String(font.get(PDFName.of('BaseFont')))).toMatch(/BIZUDPGothic/);
    }
  });

  it('reads its fonts from node_modules, never from a host font directory', () => {
    const { regular, bold } = certificateFontPaths();
    for (const p of [regular, bold]) {
      expect(p).toMatch(/node_modules\/@expo-google-fonts\/biz-udpgothic\/.+\.ttf$/);
      expect(p).not.toMatch(/^\/usr\/share\/fonts|^\/usr\/local\/share\/fonts|fontconfig/);
    }
  });

  it('renders in a process that cannot open any host font or fontconfig file', async () => {
    const script = fileURLToPath(new URL('./certificate-pdf.no-host-fonts.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, FONTCONFIG_FILE: '/nonexistent/fonts.conf', FONTCONFIG_PATH: '/nonexistent' },
      timeout: 60_000,
    });
    const result = JSON.parse(stdout) as {
      ok: boolean;
      bytes: number;
      blocked: string[];
      fontFiles: string[];
    };
    expect(result.ok).toBe(true);
    expect(result.bytes).toBeGreaterThan(10_000);
    expect(result.blocked).toEqual([]);
    expect(result.fontFiles.length).toBeGreaterThan(0);
    for (const f of result.fontFiles) expect(f).toMatch(/node_modules\//);
  }, 60_000);

  it('sets a character the font lacks as 〓 and says which', async () => {
    const { bytes, missingCharacters } = await renderCertificatePdf({ ...FACTS, holderName: '𠮷田 花子' });
    expect(missingCharacters).toEqual(['𠮷']);
    const text = extractText(await PDFDocument.load(bytes));
    expect(text).toContain(`${MISSING_GLYPH_MARK}田 花子　様`);
  });

  it('drops variation selectors and control characters instead of printing blanks', async () => {
    const { bytes, missingCharacters } = await renderCertificatePdf({
      ...FACTS,
      holderName: '葛\u{E0100}西 花子\u0007',
    });
    expect(missingCharacters).toEqual([]);
    expect(extractText(await PDFDocument.load(bytes))).toContain('葛西 花子　様');
  });

  it('wraps a long course title and leaves out the session row when there is none', async () => {
    const courseTitle = `${'医療的ケア児等コーディネーター養成研修'.repeat(3)}（実践）`;
    const { bytes } = await renderCertificatePdf({ ...FACTS, courseTitle, sessionTitle: null });
    const text = extractText(await PDFDocument.load(bytes));
    expect(text).not.toContain('開催回');
    const titleLines = text.filter(
      (l) => courseTitle.includes(l) && l.length > 3 && l !== FACTS.courseKindLabel,
    );
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join('')).toBe(courseTitle);
  });

  it('gives the same bytes for the same facts', async () => {
    const a = await renderCertificatePdf(FACTS);
    const b = await renderCertificatePdf(FACTS);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('refuses an invalid date', async () => {
    await expect(renderCertificatePdf({ ...FACTS, completedOn: '2026-02-30' })).rejects.toThrow(RangeError);
  });
});

/** The filled black rectangles of the page (the QR code's runs), in points. */
function blackRectangles(doc: PDFDocument): { x: number; y: number; w: number; h: number }[] {
  const contents = doc.getPage(0).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  const ops = streams
    .map((s) =>
      new TextDecoder('latin1').decode(streamBytes(s instanceof PDFRef ? doc.context.lookup(s) : s)),
    )
    .join('\n');
  const n = '(-?[\\d.]+)';
  const re = new RegExp(
    `0 0 0 rg\\s+0 w\\s+\\[\\] 0 d\\s+1 0 0 1 ${n} ${n} cm[\\s\\S]*?0 0 m\\s+0 ${n} l\\s+${n} ${n} l`,
    'g',
  );
  return [...ops.matchAll(re)].map((m) => ({ x: +m[1]!, y: +m[2]!, h: +m[3]!, w: +m[4]! }));
}

/** Paints the rectangles black on white at `scale` pixels a point and reads the QR code with jsQR. */
function readQr(rects: { x: number; y: number; w: number; h: number }[]): string | null {
  const scale = 4;
  const margin = 20;
  const minX = Math.min(...rects.map((r) => r.x)) - margin;
  const minY = Math.min(...rects.map((r) => r.y)) - margin;
  const maxX = Math.max(...rects.map((r) => r.x + r.w)) + margin;
  const maxY = Math.max(...rects.map((r) => r.y + r.h)) + margin;
  const width = Math.ceil((maxX - minX) * scale);
  const height = Math.ceil((maxY - minY) * scale);
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const r of rects) {
    const x0 = Math.round((r.x - minX) * scale);
    const x1 = Math.round((r.x + r.w - minX) * scale);
    // PDF y grows upwards; the image's downwards.
    const y0 = Math.round((maxY - (r.y + r.h)) * scale);
    const y1 = Math.round((maxY - r.y) * scale);
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return jsQR(data, width, height)?.data ?? null;
}

describe('the QR code of the check address', () => {
  it('reads back as the check address, in the footer’s right corner inside the frame', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const doc = await PDFDocument.load((await renderCertificatePdf({ ...FACTS, lang })).bytes);
      const rects = blackRectangles(doc);
      expect(rects.length).toBeGreaterThan(50);
      expect(readQr(rects)).toBe(FACTS.checkUrl);
      for (const r of rects) {
        expect(r.x).toBeGreaterThan(595.28 / 2);
        expect(r.x + r.w).toBeLessThan(595.28 - 36);
        expect(r.y).toBeGreaterThan(36);
        expect(r.y + r.h).toBeLessThan(140);
      }
      // The footer's text stays clear of the code.
      const text = extractText(doc).join('\n');
      expect(text).toContain(FACTS.checkUrl.slice(0, 20));
    }
  });

  it('is left out when the check address is a bare path (no public address configured)', async () => {
    const doc = await PDFDocument.load(
      (
        await renderCertificatePdf({
          ...FACTS,
          checkUrl: '/public/trainings/certificates/2026-7KQM-3XHT-PWN9',
        })
      ).bytes,
    );
    expect(blackRectangles(doc)).toEqual([]);
  });
});

describe('formatCertificateDate', () => {
  it('writes 和暦 with 西暦 beside it', () => {
    expect(formatCertificateDate('2026-12-06')).toBe('令和8年12月6日（2026年12月6日）');
    expect(formatCertificateDate('2019-05-01')).toBe('令和元年5月1日（2019年5月1日）');
    expect(formatCertificateDate('2019-04-30')).toBe('平成31年4月30日（2019年4月30日）');
  });
});

describe('wrapText', () => {
  // One unit per character: easy to reason about.
  const measure = (s: string) => [...s].length;

  it('keeps short text on one line', () => {
    expect(wrapText('修了証', 10, measure)).toEqual(['修了証']);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });

  it('breaks Japanese between characters', () => {
    expect(wrapText('あいうえおかきくけこさしす', 5, measure)).toEqual([
      'あいうえお',
      'かきくけこ',
      'さしす',
    ]);
  });

  it('keeps closing marks off the start of a line (行頭禁則)', () => {
    const lines = wrapText('あいうえ。かきく', 4, measure);
    expect(lines).toEqual(['あいう', 'え。かき', 'く']);
    for (const l of lines) expect(l.startsWith('。')).toBe(false);
  });

  it('keeps opening marks off the end of a line (行末禁則)', () => {
    const lines = wrapText('あいう「えお」', 4, measure);
    expect(lines[0]).toBe('あいう');
    expect(lines[1]!.startsWith('「')).toBe(true);
  });

  it('keeps a Latin word whole when it fits, and splits one wider than the line', () => {
    expect(wrapText('研修 Coordinator', 12, measure)).toEqual(
      ['研修 ', 'Coordinator'].map((s) => s.trimEnd()),
    );
    const url = 'https://example.lg.jp/public/trainings/certificates/2026-AAAA';
    const lines = wrapText(url, 20, measure);
    expect(lines.join('')).toBe(url);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(20);
  });

  it('honours line breaks in the text', () => {
    expect(wrapText('一行目\n二行目', 10, measure)).toEqual(['一行目', '二行目']);
  });
});
