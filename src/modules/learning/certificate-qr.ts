/**
 * The QR code of a certificate's public check address, as the dark modules' horizontal runs, for drawing as
 * vector rectangles in the PDF (no image, no font). Encoded by `qrcode` (MIT, pure JavaScript) at error
 * correction level M (15 % of the code may be damaged — a folded or stamped certificate still scans).
 */
import { type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

export type QrRuns = {
  /** Modules per side (without the quiet zone). */
  size: number;
  /** Dark runs: row, first column, length in modules. */
  runs: { row: number; col: number; len: number }[];
};

/** The code of `text` as runs of dark modules, row by row. Deterministic. */
export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: QrRuns['runs'] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && Boolean(modules.get(row, col));
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, len: col - start });
        start = -1;
      }
    }
  }
  return { size, runs };
}

/** Only an absolute http(s) address is worth a code: a bare path cannot be opened from a phone. */
export function scannableAddress(url: string): boolean {
  return /^https?:\/\/[^/\s]+/i.test(url);
}

/** The QR code's side in points (about 25 mm: phones read it from a hand's length). */
export const QR_SIDE = 72;

/** Draws the code's dark runs as filled rectangles, `x`/`y` the lower left corner of the code (quiet zone outside). */
export function drawQr(page: PDFPage, code: QrRuns, x: number, y: number): void {
  const unit = QR_SIDE / code.size;
  // A white quiet zone of four modules, so the frame or text never touch the code.
  page.drawRectangle({
    x: x - 4 * unit,
    y: y - 4 * unit,
    width: QR_SIDE + 8 * unit,
    height: QR_SIDE + 8 * unit,
    color: rgb(1, 1, 1),
  });
  for (const r of code.runs) {
    page.drawRectangle({
      x: x + r.col * unit,
      y: y + QR_SIDE - (r.row + 1) * unit,
      width: r.len * unit,
      height: unit,
      color: rgb(0, 0, 0),
    });
  }
}
