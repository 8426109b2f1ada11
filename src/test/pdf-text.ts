/**
 * The text of a PDF page as a reader copies it: through each font's ToUnicode map, independent of the code that
 * wrote the PDF. For tests of the certificates (unit and browser).
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

/** Bytes of a stream, decoded (FlateDecode) when needed. */
export function streamBytes(stream: PDFObject | undefined): Uint8Array {
  if (!(stream instanceof PDFRawStream)) throw new Error('not a stream');
  return decodePDFRawStream(stream).decode();
}

/** The ToUnicode map of a Type0 font: glyph code (hex) → text. */
function toUnicodeMap(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const cmap = new TextDecoder('latin1').decode(
    streamBytes(doc.context.lookup(font.get(PDFName.of('ToUnicode')))),
  );
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(code!.toUpperCase(), utf16(text!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, start] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const from = Number.parseInt(lo!, 16);
      const to = Number.parseInt(hi!, 16);
      for (let c = from; c <= to; c++)
        map.set(
          c.toString(16).toUpperCase().padStart(lo!.length, '0'),
          utf16(start!).slice(0, -1) + String.fromCharCode(utf16(start!).slice(-1).charCodeAt(0) + c - from),
        );
    }
  return map;
}

/**
 * The text of a PDF page, one line per text-showing operator, read the way a PDF reader copies text: through
 * each font's ToUnicode map. Independent of the renderer's own code.
 */
export function extractText(doc: PDFDocument): string[] {
  const page = doc.getPage(0);
  const fontsDict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fontsDict.entries())
    maps.set(name.asString(), toUnicodeMap(doc, doc.context.lookup(ref, PDFDict)));
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  const ops = streams
    .map((s) =>
      new TextDecoder('latin1').decode(streamBytes(s instanceof PDFRef ? doc.context.lookup(s) : s)),
    )
    .join('\n');
  const lines: string[] = [];
  let font: Map<string, string> | undefined;
  for (const [, fontName, hex] of ops.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
    if (fontName) font = maps.get(fontName);
    else if (hex !== undefined && font)
      lines.push(
        (hex.match(/.{4}/g) ?? []).map((code) => font!.get(code.toUpperCase()) ?? '\uFFFD').join(''),
      );
  }
  return lines;
}
