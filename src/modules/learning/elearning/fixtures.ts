/**
 * Synthetic media for tests and demo data: containers that are structurally valid (what the server checks and
 * streams) with a stated duration and any payload size. Their frames are not decodable pictures; a browser
 * journey that plays a lesson records a real clip with the browser's own encoder instead.
 */

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function mvhd(durationMs: number, version: 0 | 1 = 0): Buffer {
  const timescale = 1000;
  if (version === 1) {
    const b = Buffer.alloc(112);
    b.writeUInt8(1, 0);
    b.writeUInt32BE(timescale, 20);
    b.writeBigUInt64BE(BigInt(durationMs), 24);
    return box('mvhd', b);
  }
  const b = Buffer.alloc(100);
  b.writeUInt32BE(timescale, 12);
  b.writeUInt32BE(durationMs, 16);
  b.writeUInt32BE(0x00010000, 20); // rate 1.0
  b.writeUInt16BE(0x0100, 24); // volume 1.0
  return box('mvhd', b);
}

/**
 * An MP4 of `durationMs` with `payloadBytes` of media data. `moovFirst` puts the index before the data
 * ("fast start"), as a web-optimised export does; otherwise after it, as a camera writes it.
 */
export function syntheticMp4(opts: {
  durationMs: number;
  payloadBytes?: number;
  moovFirst?: boolean;
  mvhdVersion?: 0 | 1;
}): Buffer {
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2mp41', 'latin1'),
  );
  const moov = box('moov', mvhd(opts.durationMs, opts.mvhdVersion ?? 0));
  const payload = Buffer.alloc(opts.payloadBytes ?? 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + 7) & 0xff;
  const mdat = box('mdat', payload);
  return opts.moovFirst === false ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}

function ebmlSize(n: number): Buffer {
  // 8-byte size: 0x01 then 7 bytes.
  const b = Buffer.alloc(8);
  b.writeUInt8(0x01, 0);
  b.writeUIntBE(n, 2, 6);
  return b;
}

function el(id: number[], ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([Buffer.from(id), ebmlSize(body.length), body]);
}

/** A WebM of `durationMs` (omit it for a file without a recorded duration) with `payloadBytes` in one cluster. */
export function syntheticWebm(opts: {
  durationMs?: number;
  payloadBytes?: number;
  docType?: string;
}): Buffer {
  const docType = Buffer.from(opts.docType ?? 'webm', 'latin1');
  const header = el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x86], Buffer.from([1])), el([0x42, 0x82], docType));
  const scale = Buffer.alloc(3);
  scale.writeUIntBE(1_000_000, 0, 3);
  const infoParts = [el([0x2a, 0xd7, 0xb1], scale)];
  if (opts.durationMs !== undefined) {
    const d = Buffer.alloc(8);
    d.writeDoubleBE(opts.durationMs, 0);
    infoParts.push(el([0x44, 0x89], d));
  }
  const info = el([0x15, 0x49, 0xa9, 0x66], ...infoParts);
  const cluster = el([0x1f, 0x43, 0xb6, 0x75], Buffer.alloc(opts.payloadBytes ?? 512, 0x5a));
  const segment = el([0x18, 0x53, 0x80, 0x67], info, cluster);
  return Buffer.concat([header, segment]);
}

/** A short WebVTT captions file in Japanese. */
export function syntheticVtt(): Buffer {
  return Buffer.from(
    'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n医療的ケア児の支援について学びます。\n\n00:00:04.000 --> 00:00:08.000\n吸引の手順を確認しましょう。\n',
    'utf8',
  );
}

/** A minimal one-page PDF. */
export function syntheticPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}
