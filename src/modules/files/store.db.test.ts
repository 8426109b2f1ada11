import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileParts, files } from '../../db/schema';
import { backupDatabase, restoreDatabase, writeBackup } from '../../ops/backup';
import type { AppEnv } from '../../server/context';
import { AppError } from '../../server/errors';
import type { FileKind } from '../../shared/vocab/files';
import { createTestApp, type TestApp } from '../../test/app';
import { createTestDatabase } from '../../test/db';
import { makePrefecture } from '../../test/factories';
import { fileAnswer } from './serve';
import { filePartBytes, loadFile, readFileBytes, type StoredFile, storeFile } from './store';

/**
 * The one file store on both engines: bytes come back exactly across parts (from a Buffer and from a stream);
 * a file that is not what its name says, too large, empty or of a type its kind does not keep is refused and
 * leaves nothing behind; served with Range (200, 206, 416, 304, If-Range) and HEAD.
 */
let t: TestApp;
let part: number;
const at = new Date('2026-12-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '14');
  part = filePartBytes(t.db.kind);
});

afterAll(async () => {
  await t.close();
});

function store(
  name: string,
  bytes: Buffer | AsyncIterable<Uint8Array>,
  extra: { declaredSize?: number; kind?: FileKind } = {},
) {
  return storeFile(t.db.systemDb, {
    prefectureCode: '14',
    kind: 'library',
    name,
    bytes,
    createdBy: null,
    engine: t.db.kind,
    at,
    ...extra,
  });
}

/** A PDF of `size` bytes spread over several parts. */
function pdfOf(size: number): Buffer {
  const b = randomBytes(size);
  b.write('%PDF-1.7\n', 0, 'latin1');
  return b;
}

async function rowCounts() {
  const [f] = await t.db.systemDb.select({ n: count() }).from(files);
  const [p] = await t.db.systemDb.select({ n: count() }).from(fileParts);
  return { files: f!.n, parts: p!.n };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('storing', () => {
  it('keeps a file of several parts exactly, from a Buffer or a stream, typed by content', async () => {
    const bytes = pdfOf(part * 2 + 1234);
    const a = await store('就学ガイド.pdf', bytes);
    expect(a).toMatchObject({ status: 'ready', contentType: 'application/pdf', byteSize: bytes.length });
    expect((await readFileBytes(t.db.systemDb, a)).equals(bytes)).toBe(true);
    async function* inPieces() {
      for (let o = 0; o < bytes.length; o += 70_001) yield bytes.subarray(o, o + 70_001);
    }
    const b = await store('就学ガイド（第2版）.pdf', inPieces());
    expect((await readFileBytes(t.db.systemDb, b)).equals(bytes)).toBe(true);
    expect(b.sha256).toBe(a.sha256);
    const [parts] = await t.db.systemDb
      .select({ n: count() })
      .from(fileParts)
      .where(eq(fileParts.fileId, b.id));
    expect(parts!.n).toBe(3);
  });

  it('refuses a file that is not what its name says, with both named in ja and en, and keeps nothing', async () => {
    const before = await rowCounts();
    const err = await refusal(store('様式.pdf', Buffer.from('これはテキストです。PDF ではありません。')));
    expect(err.code).toBe('file_not_what_name_says');
    expect(err.status).toBe(422);
    expect(err.issues?.[0]?.ja).toBe('「様式.pdf」は名前ではPDFですが、中身はテキストです。');
    expect(err.issues?.[0]?.en).toContain('is named as PDF, but its content is Plain text');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses over the limit before storing (announced size) and while storing (actual size)', async () => {
    const before = await rowCounts();
    const announced = await refusal(store('動画.mp4', Buffer.alloc(1), { declaredSize: 3 * 1024 ** 3 }));
    expect(announced.code).toBe('file_too_large');
    expect(announced.detail).toEqual({ limitBytes: 2 * 1024 ** 3 });
    async function* endless() {
      yield Buffer.from('WEBVTT\n\n');
      for (;;) yield Buffer.alloc(1024 * 1024, 0x41);
    }
    // Captions stop at 4 MiB: the stream is refused as it passes the limit, its parts removed.
    const streamed = await refusal(store('字幕.vtt', endless(), { kind: 'lesson_captions' }));
    expect(streamed.code).toBe('file_too_large');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an empty file and a type the kind does not keep', async () => {
    expect((await refusal(store('空.pdf', Buffer.alloc(0)))).code).toBe('file_empty');
    const exe = await refusal(store('setup.exe', Buffer.from('MZ')));
    expect(exe.code).toBe('file_type_not_accepted');
    expect(exe.detail?.accepted).toContain('.pdf');
  });
});

describe('serving with Range', () => {
  let f: StoredFile;
  let bytes: Buffer;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    bytes = pdfOf(part + 5000);
    f = await store('避難計画の様式.pdf', bytes);
    app = new Hono<AppEnv>();
    app.on(['GET', 'HEAD'], '/f/:id', async (c) => {
      const row = await loadFile(t.db.systemDb, '14', c.req.param('id'));
      if (!row) return c.text('not found', 404);
      return fileAnswer(c, t.db.systemDb, row, { disposition: 'attachment' });
    });
  });
  const get = (headers: Record<string, string> = {}, method = 'GET') =>
    app.request(`/f/${f.id}`, { method, headers });

  it('answers 200 with the whole file, its type, name and a strong ETag', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('etag')).toBe(`"${f.id}"`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('避難計画の様式.pdf')}`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers 206 for a range across a part boundary, and a suffix range', async () => {
    const res = await get({ range: `bytes=${part - 10}-${part + 9}` });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${part - 10}-${part + 9}/${bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(part - 10, part + 10))).toBe(true);
    const tail = await get({ range: 'bytes=-100' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 100))).toBe(true);
  });

  it('answers 416 past the end, 304 for the current copy, the whole file for a stale If-Range', async () => {
    const past = await get({ range: `bytes=${bytes.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect((await get({ 'if-none-match': `"${f.id}"` })).status).toBe(304);
    const stale = await get({ range: 'bytes=0-9', 'if-range': '"another-version"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('content-length')).toBe(String(bytes.length));
    const fresh = await get({ range: 'bytes=0-9', 'if-range': `"${f.id}"` });
    expect(fresh.status).toBe(206);
    const head = await get({}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
  });

  it('does not serve another prefecture’s file or an id that is not a uuid', async () => {
    expect(await loadFile(t.db.systemDb, '13', f.id)).toBeNull();
    expect(await loadFile(t.db.systemDb, '14', 'not-a-uuid')).toBeNull();
  });
});

describe('backup', () => {
  it('streams a file of many parts to disk and back: the restored database serves the same bytes', async () => {
    // Parts are read a few at a time and written out as they come (docs/operations.md, "Backup").
    const bytes = pdfOf(part * 11 + 5);
    const f = await store('研修資料（見本）.pdf', bytes);
    const dir = mkdtempSync(join(tmpdir(), 'tsunagu-backup-'));
    const target = await createTestDatabase();
    try {
      const file = join(dir, 'backup.jsonl.gz');
      const { counts } = await writeBackup(t.db, createWriteStream(file));
      expect(counts.file_parts).toBeGreaterThanOrEqual(12);
      await restoreDatabase(target, createReadStream(file));
      const restored = await loadFile(target.systemDb, '14', f.id);
      expect((await readFileBytes(target.systemDb, restored!)).equals(bytes)).toBe(true);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('carries the stored bytes: a restored database serves the same file', async () => {
    const bytes = pdfOf(part + 77);
    const f = await store('県の医療的ケア児支援ガイド.pdf', bytes);
    const backup = await backupDatabase(t.db);
    const target = await createTestDatabase();
    try {
      await restoreDatabase(target, backup);
      const restored = await loadFile(target.systemDb, '14', f.id);
      expect(restored).not.toBeNull();
      expect((await readFileBytes(target.systemDb, restored!)).equals(bytes)).toBe(true);
    } finally {
      await target.close();
    }
  }, 180_000);
});
