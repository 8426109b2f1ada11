/**
 * The certificate of completion (修了証) as a PDF. Pure: takes the facts, returns the bytes; no database, no
 * request, no file but the font shipped in node_modules.
 *
 * Japanese renders without any font of the host: BIZ UDPGothic (Morisawa's universal-design gothic, SIL Open
 * Font License 1.1, from the npm package @expo-google-fonts/biz-udpgothic, TrueType) is embedded as a subset —
 * only the glyphs the certificate uses, about 10 KB per weight instead of 4.5 MB. pdf-lib writes a ToUnicode map,
 * so the text can be searched and copied. A character the font lacks (a rare 人名用 variant such as 𠮷) is set
 * as 〓 (ゲタ, the typesetter's sign for a character that could not be set) and returned in `missingCharacters`,
 * so the caller can log it; a silent blank box would look like a misprint.
 *
 * The output is deterministic: the same input gives the same bytes (dates in the document information come
 * from `issuedOn`), so a certificate downloaded twice is the same file. The text rules (line breaking with 禁則,
 * the date form, the 〓 substitution) are in certificate-text.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { drawQr, QR_SIDE, qrRuns, scannableAddress } from './certificate-qr';
import { formatCertificateDate, MISSING_GLYPH_MARK, settable, wrapText } from './certificate-text';
import { subsetTrueType } from './font-subset';

/** The certificate's language: Japanese unless English is asked for (docs/learning.md §4). */
export type CertificateLang = 'ja' | 'en';

/** What a certificate states. Strings are shown as given (names in the reader's own writing). */
export type CertificateFacts = {
  /** The wording's language; titles, names and the centre stay as entered. Default Japanese. */
  lang?: CertificateLang;
  /** Canonical serial, e.g. 2026-7KQM-3XHT-PWN9 (certificate-serial.ts). */
  serial: string;
  holderName: string;
  courseTitle: string;
  /** The course kind's label in the certificate's language (src/shared/vocab/learning.ts). */
  courseKindLabel: string;
  /** The session's title when the course ran as a session (e.g. 令和8年度 第1回), else null. */
  sessionTitle?: string | null;
  /** ISO date the learner completed the course. */
  completedOn: string;
  /** ISO date the certificate was issued. */
  issuedOn: string;
  /** The issuing centre (医療的ケア児支援センター) as it signs. */
  centreName: string;
  /** The public check address printed on the certificate (certificateCheckUrl). */
  checkUrl: string;
};

export type RenderedCertificate = {
  bytes: Uint8Array;
  /** Characters the embedded font has no glyph for, printed as 〓 (empty in the usual case). */
  missingCharacters: string[];
};

/** The font files, resolved inside node_modules (never a system font directory). */
export const CERTIFICATE_FONT_FILES = {
  regular: '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf',
  bold: '@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf',
} as const;

const requireFromHere = createRequire(import.meta.url);
let fontCache: { regular: Uint8Array; bold: Uint8Array } | null = null;

/** The absolute paths the font bytes are read from (for the test that no host font is touched). */
export function certificateFontPaths(): { regular: string; bold: string } {
  return {
    regular: requireFromHere.resolve(CERTIFICATE_FONT_FILES.regular),
    bold: requireFromHere.resolve(CERTIFICATE_FONT_FILES.bold),
  };
}

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (!fontCache) {
    const paths = certificateFontPaths();
    fontCache = { regular: readFileSync(paths.regular), bold: readFileSync(paths.bold) };
  }
  return fontCache;
}

// Variation selectors (IVS and standard ones) cannot be set with a plain cmap; the base character is kept.
const VARIATION_SELECTORS = /[\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
// C0/C1 controls would render as .notdef.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

type Fonts = { regular: PDFFont; bold: PDFFont };

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const FRAME = rgb(0.55, 0.45, 0.2);

/** A4 portrait in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 72;

/** Draws text centred on the page; returns nothing. */
function drawCentred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (PAGE.width - width) / 2, y, font, size, color });
}

/** The largest size ≤ `size` (down to `min`) at which `text` fits `maxWidth`. */
function fitSize(text: string, font: PDFFont, size: number, min: number, maxWidth: number): number {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > maxWidth) s -= 1;
  return s;
}

/** The fixed wording of the certificate, per language. */
const WORDINGS = {
  ja: {
    title: '修　了　証',
    subtitle: 'Certificate of Completion',
    honorific: '　様',
    statement: 'あなたは下記の研修の課程を修了したことを証します。',
    course: '研修名',
    session: '開催回',
    kind: '研修の種類',
    completed: '修了日',
    issued: '発行日　',
    serial: '修了証番号　',
    check: 'この修了証の真正性は、次のアドレスで修了証番号を入力して確認できます。',
    serialPrefix: '第 ',
    serialSuffix: ' 号',
    docTitle: '修了証',
  },
  en: {
    title: 'Certificate of Completion',
    subtitle: '修了証',
    honorific: '',
    statement: 'This is to certify that the person named above has completed the training below.',
    course: 'Course',
    session: 'Session',
    kind: 'Kind',
    completed: 'Completed on',
    issued: 'Issued on ',
    serial: 'Certificate no. ',
    check: 'The authenticity of this certificate can be checked by entering its number at:',
    serialPrefix: 'No. ',
    serialSuffix: '',
    docTitle: 'Certificate of Completion',
  },
} as const satisfies Record<CertificateLang, Record<string, string>>;

/** Renders the certificate. Throws RangeError for an invalid date. */
export async function renderCertificatePdf(facts: CertificateFacts): Promise<RenderedCertificate> {
  const lang = facts.lang ?? 'ja';
  const WORDING = WORDINGS[lang];
  const clean = (text: string) => text.replace(VARIATION_SELECTORS, '').replace(CONTROL, '');
  const f = {
    serial: clean(facts.serial),
    holderName: clean(facts.holderName),
    courseTitle: clean(facts.courseTitle),
    courseKindLabel: clean(facts.courseKindLabel),
    sessionTitle: facts.sessionTitle ? clean(facts.sessionTitle) : null,
    completed: formatCertificateDate(facts.completedOn, lang),
    issued: formatCertificateDate(facts.issuedOn, lang),
    centreName: clean(facts.centreName),
    checkUrl: clean(facts.checkUrl),
  };
  const allText = [...Object.values(WORDING), ...Object.values(f), MISSING_GLYPH_MARK].join('');
  const source = fontBytes();
  const [regularSubset, boldSubset] = await Promise.all([
    subsetTrueType(source.regular, allText),
    subsetTrueType(source.bold, allText),
  ]);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(regularSubset, { subset: false }),
    bold: await doc.embedFont(boldSubset, { subset: false }),
  };
  const boldSet = new Set(fonts.bold.getCharacterSet());
  const supported = new Set(fonts.regular.getCharacterSet().filter((cp) => boldSet.has(cp)));
  const missing = new Set<string>();
  const s = (text: string) => settable(text, supported, missing);

  const issuedAt = new Date(`${facts.issuedOn}T00:00:00+09:00`);
  doc.setTitle(s(`${WORDING.docTitle} ${f.courseTitle}`), { showInWindowTitleBar: true });
  doc.setAuthor(s(f.centreName));
  doc.setSubject(s(`${WORDING.serial}${f.serial}`));
  doc.setCreator('Tsunagu');
  doc.setProducer('Tsunagu');
  doc.setLanguage(lang === 'ja' ? 'ja-JP' : 'en');
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const page = doc.addPage([PAGE.width, PAGE.height]);
  drawFrame(page);
  const contentWidth = PAGE.width - 2 * MARGIN;
  const { regular, bold } = fonts;

  // Serial, top right.
  const serialLine = s(`${WORDING.serialPrefix}${f.serial}${WORDING.serialSuffix}`);
  page.drawText(serialLine, {
    x: PAGE.width - MARGIN - regular.widthOfTextAtSize(serialLine, 10),
    y: PAGE.height - MARGIN - 6,
    font: regular,
    size: 10,
    color: MUTED,
  });

  drawCentred(page, WORDING.title, PAGE.height - 170, bold, lang === 'ja' ? 40 : 30);
  drawCentred(page, WORDING.subtitle, PAGE.height - 196, regular, 11, MUTED);

  // Holder.
  let y = PAGE.height - 270;
  const name = `${s(f.holderName)}${WORDING.honorific}`;
  drawCentred(page, name, y, bold, fitSize(name, bold, 26, 14, contentWidth));
  y -= 56;
  drawCentred(page, WORDING.statement, y, regular, fitSize(WORDING.statement, regular, 13, 9, contentWidth));
  y -= 54;

  // The facts, as label / value rows.
  const labelWidth = 96;
  const valueWidth = contentWidth - labelWidth - 8;
  const rows: [string, string][] = [
    [WORDING.course, s(f.courseTitle)],
    ...(f.sessionTitle ? ([[WORDING.session, s(f.sessionTitle)]] as [string, string][]) : []),
    [WORDING.kind, s(f.courseKindLabel)],
    [WORDING.completed, f.completed],
  ];
  for (const [label, value] of rows) {
    page.drawText(label, { x: MARGIN + 8, y, font: regular, size: 11, color: MUTED });
    const lines = wrapText(value, valueWidth, (t) => bold.widthOfTextAtSize(t, 13)).slice(0, 4);
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + labelWidth, y, font: bold, size: 13, color: INK });
      y -= 21;
    }
    y -= 12;
  }

  // Issue date and the issuing centre, right-aligned above the footer.
  y = Math.min(y - 30, 290);
  const issuedLine = `${WORDING.issued}${f.issued}`;
  page.drawText(issuedLine, {
    x: PAGE.width - MARGIN - regular.widthOfTextAtSize(issuedLine, 11),
    y,
    font: regular,
    size: 11,
    color: INK,
  });
  y -= 34;
  for (const line of wrapText(s(f.centreName), contentWidth - 40, (t) => bold.widthOfTextAtSize(t, 16)).slice(
    0,
    3,
  )) {
    page.drawText(line, {
      x: PAGE.width - MARGIN - bold.widthOfTextAtSize(line, 16),
      y,
      font: bold,
      size: 16,
      color: INK,
    });
    y -= 22;
  }

  // Footer: how to check this certificate.
  const footerTop = MARGIN + 52;
  page.drawLine({
    start: { x: MARGIN, y: footerTop + 14 },
    end: { x: PAGE.width - MARGIN, y: footerTop + 14 },
    thickness: 0.5,
    color: MUTED,
  });
  page.drawText(s(`${WORDING.serial}${f.serial}`), {
    x: MARGIN,
    y: footerTop,
    font: bold,
    size: 10,
    color: INK,
  });
  // The check address as a QR code at the footer's right, when it is an address a phone can open.
  const qr = scannableAddress(f.checkUrl);
  if (qr) drawQr(page, qrRuns(f.checkUrl), PAGE.width - MARGIN - QR_SIDE, footerTop - QR_SIDE);
  const footerWidth = qr ? contentWidth - QR_SIDE - 12 : contentWidth;
  let fy = footerTop - 16;
  for (const line of wrapText(WORDING.check, footerWidth, (t) => regular.widthOfTextAtSize(t, 9)).slice(
    0,
    2,
  )) {
    page.drawText(line, { x: MARGIN, y: fy, font: regular, size: 9, color: MUTED });
    fy -= 12;
  }
  fy -= 2;
  for (const line of wrapText(s(f.checkUrl), footerWidth, (t) => regular.widthOfTextAtSize(t, 9)).slice(
    0,
    2,
  )) {
    page.drawText(line, { x: MARGIN, y: fy, font: regular, size: 9, color: INK });
    fy -= 12;
  }

  const out = await doc.save({ useObjectStreams: false });
  return { bytes: out, missingCharacters: [...missing] };
}

function drawFrame(page: PDFPage): void {
  const outer = 28;
  const inner = 36;
  page.drawRectangle({
    x: outer,
    y: outer,
    width: PAGE.width - 2 * outer,
    height: PAGE.height - 2 * outer,
    borderColor: FRAME,
    borderWidth: 2.5,
  });
  page.drawRectangle({
    x: inner,
    y: inner,
    width: PAGE.width - 2 * inner,
    height: PAGE.height - 2 * inner,
    borderColor: FRAME,
    borderWidth: 0.75,
  });
}
