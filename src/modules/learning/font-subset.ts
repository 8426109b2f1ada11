/**
 * Font subsetting with HarfBuzz's hb-subset (the harfbuzzjs WebAssembly build, MIT), for PDFs that embed a
 * Japanese font.
 *
 * Why not pdf-lib's own `subset: true`: @pdf-lib/fontkit's TrueType subsetter loses most glyphs of BIZ UDPGothic
 * (the certificate showed あ and 下 and blanks for the rest in poppler and pdf.js). hb-subset is the subsetter
 * browsers and font tools use; its output is a small, valid TrueType font that pdf-lib embeds whole.
 *
 * The subset keeps the outlines of the given characters and their metrics; hinting and the OpenType layout
 * tables are dropped (a certificate needs neither ligatures nor vertical forms, and pdf-lib sets glyphs one by
 * one), which also keeps pdf-lib from forming the "fi" ligature with a wrong advance.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type HarfBuzzSubset = {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
};

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
/** Tables a PDF renderer does not need from an embedded TrueType font. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'vhea', 'vmtx', 'VORG', 'DSIG'];

function tag(name: string): number {
  let value = 0;
  for (const ch of name) value = (value << 8) + ch.charCodeAt(0);
  return value >>> 0;
}

let harfbuzz: Promise<HarfBuzzSubset> | null = null;

function loadHarfBuzz(): Promise<HarfBuzzSubset> {
  harfbuzz ??= (async () => {
    const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(path));
    const hb = instance.exports as unknown as HarfBuzzSubset;
    hb._initialize?.();
    return hb;
  })();
  return harfbuzz;
}

/**
 * A TrueType font holding only the glyphs of `text`'s characters (plus .notdef). Throws when the font cannot be
 * read. The font bytes are copied into WebAssembly memory and freed afterwards; calls are serialised by the
 * single-threaded event loop (the work below is synchronous once HarfBuzz is loaded).
 */
export async function subsetTrueType(font: Uint8Array, text: string): Promise<Uint8Array> {
  const hb = await loadHarfBuzz();
  const heap = () => new Uint8Array(hb.memory.buffer);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb-subset: could not create the subset input');
  const fontPtr = hb.malloc(font.byteLength);
  heap().set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const name of DROPPED_TABLES) hb.hb_set_add(drop, tag(name));
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('hb-subset: the font could not be subset');
    const result = hb.hb_face_reference_blob(subset);
    try {
      const offset = hb.hb_blob_get_data(result, 0);
      const length = hb.hb_blob_get_length(result);
      if (length === 0) throw new Error('hb-subset: empty subset');
      return heap().slice(offset, offset + length);
    } finally {
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontPtr);
  }
}
