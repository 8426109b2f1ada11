/**
 * Caption tracks of library videos through the API, on both engines: the centre adds a Japanese and an English
 * WebVTT track to a public video, replaces one and removes the other, each change audited in its transaction; staff
 * and the public read them from our origin as text/vtt (signed-in downloads audited); bad files are refused with a
 * clear message and change nothing; a new version of the video starts without tracks. Denied: another
 * prefecture's centre gets 404, an auditor or a municipality may not change tracks (403), the public never gets a
 * staff-only item's track.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, files, libraryCaptions } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { syntheticMp4 } from '../learning/elearning/fixtures';

let t: TestApp;
let w: ConsultationWorld;
let anon: TestClient;
const JA = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n就学相談の流れを説明します。\n', 'utf8');
const JA2 = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n就学相談の流れ（改訂）。\n', 'utf8');
const EN = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHow school entry works.\n'),
]);

async function send(client: TestClient | null, method: string, path: string, body?: Buffer) {
  const headers: Record<string, string> = { 'x-forwarded-for': client?.ip ?? '192.0.2.20' };
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
  if (body) headers['content-type'] = 'text/vtt';
  const res = await t.app.request(path, { method, headers, body: body ? new Uint8Array(body) : undefined });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : null;
  return { status: res.status, headers: res.headers, bytes, json };
}

async function videoItem(visibility: 'public' | 'staff') {
  const created = await w.users.centre.client.post('/api/library/items', {
    title: visibility === 'public' ? '就学相談の解説動画' : '職員向け：加算の解説動画',
    kind: 'video',
    situations: ['school_entry'],
    audiences: ['family'],
    visibility,
  });
  const up = await send(
    w.users.centre.client,
    'PUT',
    `/api/library/items/${created.body.id}/file?version=${created.body.version}&name=video.mp4`,
    syntheticMp4({ durationMs: 8000 }),
  );
  expect(up.status).toBe(200);
  return up.json as { id: string; version: number };
}

const track = (id: string, lang: string, q = '') => `/api/library/items/${id}/captions/${lang}${q}`;

let video: { id: string; version: number };
let staffVideo: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  anon = new TestClient(t);
  video = await videoItem('public');
  staffVideo = await videoItem('staff');
}, 120_000);
afterAll(() => t.close());

async function put(id: string, lang: string, version: number, name: string, body: Buffer) {
  return send(
    w.users.centre.client,
    'PUT',
    track(id, lang, `?version=${version}&name=${encodeURIComponent(name)}`),
    body,
  );
}

describe('caption tracks', () => {
  it('adds Japanese and English tracks, listed Japanese first, read by staff and the public as text/vtt', async () => {
    const en = await put(video.id, 'en', video.version, 'captions.en.vtt', EN);
    expect(en.status).toBe(200);
    const ja = await put(video.id, 'ja', en.json.version, '字幕（日本語）.vtt', JA);
    expect(ja.status).toBe(200);
    expect(ja.json.captions).toEqual([
      { language: 'ja', fileName: '字幕（日本語）.vtt', byteSize: JA.length, path: track(video.id, 'ja') },
      { language: 'en', fileName: 'captions.en.vtt', byteSize: EN.length, path: track(video.id, 'en') },
    ]);
    video.version = ja.json.version;
    const staff = await send(w.users.fujisawa.client, 'GET', track(video.id, 'ja'));
    expect(staff.status).toBe(200);
    expect(staff.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(staff.headers.get('cache-control')).toBe('private, no-cache');
    expect(staff.bytes.equals(JA)).toBe(true);
    const read = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, w.users.fujisawa.id), eq(auditLog.action, 'read')));
    expect(read.map((e) => e.entityIds[0])).toEqual([video.id]);

    const page = await anon.get(`/api/public/library/items/${video.id}`);
    expect(page.body.captions.map((c: { path: string }) => c.path)).toEqual([
      `/api/public/library/items/${video.id}/captions/ja`,
      `/api/public/library/items/${video.id}/captions/en`,
    ]);
    const pub = await send(null, 'GET', page.body.captions[1].path);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(pub.headers.get('cache-control')).toBe('public, no-cache');
    expect(pub.bytes.equals(EN)).toBe(true);
    const list = await anon.get('/api/public/library/items?prefecture=14');
    expect(list.body.items.find((i: { id: string }) => i.id === video.id).captions).toHaveLength(2);
    const set = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(sql`${auditLog.detail}->>'event' = 'captions_set'`)
      .orderBy(auditLog.id);
    expect(set.map((e) => e.detail)).toEqual([
      expect.objectContaining({ lang: 'en', fileName: 'captions.en.vtt', version: 1 }),
      expect.objectContaining({ lang: 'ja', fileName: '字幕（日本語）.vtt', version: 1 }),
    ]);
  });

  it('replaces a track (its old file removed) and removes another, each audited', async () => {
    const [before] = await t.db.systemDb
      .select()
      .from(libraryCaptions)
      .where(and(eq(libraryCaptions.itemId, video.id), eq(libraryCaptions.language, 'ja')));
    const replaced = await put(video.id, 'ja', video.version, 'ja.vtt', JA2);
    expect(replaced.status).toBe(200);
    expect((await send(w.users.centre.client, 'GET', track(video.id, 'ja'))).bytes.equals(JA2)).toBe(true);
    expect(await t.db.systemDb.select().from(files).where(eq(files.id, before!.fileId))).toEqual([]);
    const stale = await send(
      w.users.centre.client,
      'DELETE',
      track(video.id, 'en', `?version=${video.version}`),
    );
    expect([stale.status, stale.json.error.code]).toEqual([409, 'conflict']);
    const removed = await send(
      w.users.centre.client,
      'DELETE',
      track(video.id, 'en', `?version=${replaced.json.version}`),
    );
    expect(removed.status).toBe(200);
    expect(removed.json.captions.map((c: { language: string }) => c.language)).toEqual(['ja']);
    video.version = removed.json.version;
    expect((await send(null, 'GET', `/api/public/library/items/${video.id}/captions/en`)).status).toBe(404);
    const again = await send(
      w.users.centre.client,
      'DELETE',
      track(video.id, 'en', `?version=${video.version}`),
    );
    expect(again.status).toBe(404);
    const events = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(sql`${auditLog.detail}->>'event' in ('captions_set', 'captions_removed')`)
      .orderBy(auditLog.id);
    expect(events.map((e) => [e.detail.event, e.detail.lang])).toEqual([
      ['captions_set', 'en'],
      ['captions_set', 'ja'],
      ['captions_set', 'ja'],
      ['captions_removed', 'en'],
    ]);
  });

  it('refuses what is not a WebVTT track in UTF-8 within 1 MB, with a clear message, and changes nothing', async () => {
    const count = async () => (await t.db.systemDb.select().from(files)).length;
    const filesBefore = await count();
    const cases: [string, string, Buffer, number, string][] = [
      [
        'ja',
        'ja.vtt',
        Buffer.from('1\n00:00:00.000 --> 00:00:01.000\nこんにちは\n'),
        422,
        'library_captions_not_webvtt',
      ],
      ['ja', 'ja.txt', JA, 422, 'library_captions_not_webvtt'],
      ['ja', 'ja.vtt', Buffer.alloc(0), 422, 'library_captions_not_webvtt'],
      [
        'ja',
        'sjis.vtt',
        Buffer.from([...Buffer.from('WEBVTT\n\n'), 0x82, 0xa0, 0x0a]),
        422,
        'library_captions_not_utf8',
      ],
      [
        'ja',
        'big.vtt',
        Buffer.concat([JA, Buffer.alloc(1024 * 1024, 0x41)]),
        413,
        'library_captions_too_large',
      ],
      ['fr', 'fr.vtt', JA, 400, 'library_captions_language'],
    ];
    for (const [lang, name, body, status, code] of cases) {
      const res = await put(video.id, lang, video.version, name, body);
      expect([res.status, res.json.error.code], name).toEqual([status, code]);
      expect(res.json.error.ja, name).toMatch(/字幕/);
      expect(res.json.error.en, name).toMatch(/[Cc]aptions/);
    }
    const item = await w.users.centre.client.get(`/api/library/items/${video.id}`);
    expect(item.body.version).toBe(video.version);
    expect(item.body.captions.map((c: { language: string }) => c.language)).toEqual(['ja']);
    expect(await count()).toBe(filesBefore);

    const guide = await w.users.centre.client.post('/api/library/items', {
      title: '就学相談の手引き',
      kind: 'guide',
      situations: ['school_entry'],
      audiences: ['family'],
      visibility: 'public',
    });
    const notVideo = await put(guide.body.id, 'ja', guide.body.version, 'ja.vtt', JA);
    expect([notVideo.status, notVideo.json.error.code]).toEqual([409, 'library_captions_not_video']);
  });

  it('a new version of the video starts without tracks', async () => {
    const up = await send(
      w.users.centre.client,
      'PUT',
      `/api/library/items/${video.id}/file?version=${video.version}&name=video-v2.mp4`,
      syntheticMp4({ durationMs: 9000 }),
    );
    expect(up.json).toMatchObject({ versionNumber: 2, captions: [] });
    expect((await send(w.users.centre.client, 'GET', track(video.id, 'ja'))).status).toBe(404);
    expect((await anon.get(`/api/public/library/items/${video.id}`)).body.captions).toEqual([]);
  });
});

describe('denied', () => {
  it('another prefecture gets 404; an auditor or a municipality may not change tracks; no public staff-only track', async () => {
    const ok = await put(staffVideo.id, 'ja', staffVideo.version, 'ja.vtt', JA);
    expect(ok.status).toBe(200);
    const k = w.users.centre43.client;
    expect((await send(k, 'GET', track(staffVideo.id, 'ja'))).status).toBe(404);
    expect((await send(k, 'PUT', track(staffVideo.id, 'ja', '?version=1&name=ja.vtt'), JA)).status).toBe(404);
    expect((await send(k, 'DELETE', track(staffVideo.id, 'ja', `?version=${ok.json.version}`))).status).toBe(
      404,
    );
    for (const reader of [w.users.auditor.client, w.users.fujisawa.client]) {
      const put403 = await send(
        reader,
        'PUT',
        track(staffVideo.id, 'en', `?version=${ok.json.version}&name=en.vtt`),
        EN,
      );
      expect([put403.status, put403.json.error.code]).toEqual([403, 'forbidden']);
      const del = await send(reader, 'DELETE', track(staffVideo.id, 'ja', `?version=${ok.json.version}`));
      expect(del.status).toBe(403);
      expect((await send(reader, 'GET', track(staffVideo.id, 'ja'))).status).toBe(200);
    }
    expect((await send(null, 'GET', `/api/public/library/items/${staffVideo.id}/captions/ja`)).status).toBe(
      404,
    );
    expect((await send(null, 'GET', track(staffVideo.id, 'ja'))).status).toBe(401);
    expect((await send(w.users.centre.client, 'GET', track(staffVideo.id, 'xx'))).status).toBe(404);
    const [row] = await t.db.systemDb
      .select()
      .from(libraryCaptions)
      .where(eq(libraryCaptions.itemId, staffVideo.id));
    expect(row).toMatchObject({ language: 'ja' });
  });
});
