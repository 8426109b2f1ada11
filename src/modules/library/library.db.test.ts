/**
 * The library through the API, on both engines: the centre publishes a school-entry guide (a PDF checked by its
 * content), edits it under its version, confirms it reviewed; the list carries what staff choose by (situation,
 * audience, version, review due, stale); a family opens a public item without signing in, never a staff-only one;
 * centre staff hand the guide out from a consultation in one step and the timeline says so; every download by a
 * signed-in user is audited. Denied: another prefecture's staff get 404 for every item and handout, readers may
 * not change an item (403), a case out of scope is 404.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, libraryItems } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';

let t: TestApp;
let w: ConsultationWorld;
let anon: TestClient;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('就学までの流れ（見本）\n'.repeat(500))]);

async function raw(
  client: TestClient | null,
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string> = {},
) {
  const h: Record<string, string> = { 'x-forwarded-for': '192.0.2.10', ...headers };
  if (client?.cookie) h.cookie = client.cookie;
  if (client?.csrf && method !== 'GET') h['x-csrf-token'] = client.csrf;
  if (body) h['content-type'] = 'application/octet-stream';
  const res = await t.app.request(path, {
    method,
    headers: h,
    body: body ? new Uint8Array(body) : undefined,
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const guideBody = {
  title: '就学相談の手引き（医療的ケア児のご家族向け）',
  kind: 'guide',
  description:
    '## 就学までの流れ\n\n1. 市町村教育委員会の**就学相談**へ\n2. 学校見学\n\n<script>alert(1)</script>',
  situations: ['school_entry'],
  audiences: ['family', 'school'],
  municipalityCodes: ['142051'],
  visibility: 'public',
};

let guide: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const { TestClient: Client } = await import('../../test/app');
  anon = new Client(t);
}, 120_000);
afterAll(() => t.close());

describe('publishing', () => {
  it('the centre adds a guide, uploads its PDF as version 1, and the list shows what to choose by', async () => {
    const created = await w.users.centre.client.post('/api/library/items', guideBody);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      versionNumber: null,
      publicPath: null,
      allowed: { edit: true, handOut: false },
    });
    // Markdown rendered safely: the script arrives as text.
    expect(created.body.descriptionHtml).toContain('<strong>就学相談</strong>');
    expect(created.body.descriptionHtml).not.toContain('<script>');
    const up = await raw(
      w.users.centre.client,
      'PUT',
      `/api/library/items/${created.body.id}/file?version=${created.body.version}&name=${encodeURIComponent('就学相談の手引き.pdf')}&note=${encodeURIComponent('初版')}`,
      PDF,
    );
    expect(up.status).toBe(200);
    const item = JSON.parse(up.bytes.toString());
    expect(item).toMatchObject({
      versionNumber: 1,
      current: {
        number: 1,
        note: '初版',
        file: { name: '就学相談の手引き.pdf', contentType: 'application/pdf', byteSize: PDF.length },
      },
      publicPath: `/public/library/${created.body.id}`,
      stale: false,
    });
    guide = { id: item.id, version: item.version };
    const list = await w.users.fujisawa.client.get(
      '/api/library/items?situation=school_entry&audience=family',
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        title: guideBody.title,
        situations: ['school_entry'],
        audiences: ['family', 'school'],
        municipalities: [{ code: '142051', name: expect.any(String) }],
        visibility: 'public',
        versionNumber: 1,
        stale: false,
      }),
    ]);
    expect((await w.users.fujisawa.client.get('/api/library/items?situation=short_stay')).body.items).toEqual(
      [],
    );
  });

  it('refuses a file that is not what its name says, and changes nothing', async () => {
    const res = await raw(
      w.users.centre.client,
      'PUT',
      `/api/library/items/${guide.id}/file?version=${guide.version}&name=${encodeURIComponent('第2版.pdf')}`,
      Buffer.from('これは PDF ではありません。'),
    );
    expect(res.status).toBe(422);
    const err = JSON.parse(res.bytes.toString()).error;
    expect(err.code).toBe('file_not_what_name_says');
    expect(err.issues[0].ja).toContain('中身はテキスト');
    const item = await w.users.centre.client.get(`/api/library/items/${guide.id}`);
    expect(item.body.versions).toHaveLength(1);
  });

  it('edits under the version (a stale one is 409) and flags an item not reviewed for 12 months', async () => {
    const stale = await w.users.centre.client.patch(`/api/library/items/${guide.id}`, {
      version: guide.version - 1,
      title: 'x',
    });
    expect(stale.status).toBe(409);
    await t.db.systemDb
      .update(libraryItems)
      .set({ reviewedOn: '2024-01-01' })
      .where(eq(libraryItems.id, guide.id));
    const flagged = await w.users.centre.client.get('/api/library/items?stale=true');
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toEqual([guide.id]);
    expect(flagged.body.items[0]).toMatchObject({ stale: true, reviewDueOn: '2025-01-01' });
    const reviewed = await w.users.centre.client.patch(`/api/library/items/${guide.id}`, {
      version: guide.version,
      reviewed: true,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.stale).toBe(false);
    guide.version = reviewed.body.version;
  });

  it('a link item takes its address as its first version; a staff-only form is never public', async () => {
    const link = await w.users.centreAdmin.client.post('/api/library/items', {
      title: '短期入所（医療型）の申請について',
      kind: 'link',
      situations: ['short_stay'],
      audiences: ['family'],
      visibility: 'public',
      url: 'https://www.pref.kanagawa.jp/example/short-stay.html',
    });
    expect(link.body).toMatchObject({
      versionNumber: 1,
      current: { url: 'https://www.pref.kanagawa.jp/example/short-stay.html' },
    });
    const noUrl = await w.users.centreAdmin.client.post('/api/library/items', { ...guideBody, kind: 'link' });
    expect(noUrl.body.error.code).toBe('library_link_required');
    const staffOnly = await w.users.centreAdmin.client.post('/api/library/items', {
      title: '医療的ケア児等コーディネーター加算の算定チェック表',
      kind: 'link',
      situations: ['billing_addon'],
      audiences: ['provider'],
      visibility: 'staff',
      url: 'https://example.jp/addon',
    });
    const pub = await anon.get('/api/public/library/items?prefecture=14');
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((i: { title: string }) => i.title).sort()).toEqual(
      [guideBody.title, '短期入所（医療型）の申請について'].sort(),
    );
    expect((await anon.get(`/api/public/library/items/${staffOnly.body.id}`)).status).toBe(404);
  });
});

describe('a family opens the public guide', () => {
  it('reads the page and the file with Range, without signing in and without an audit entry', async () => {
    const page = await anon.get(`/api/public/library/items/${guide.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      title: guideBody.title,
      versionNumber: 1,
      filePath: `/api/public/library/items/${guide.id}/file`,
    });
    const part = await raw(null, 'GET', page.body.filePath, undefined, { range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(part.bytes.toString()).toBe('%PDF-1.7');
    // Public, but checked each time: a new version changes the file behind the item's address.
    expect(part.headers.get('cache-control')).toBe('public, no-cache');
    const again = await raw(null, 'GET', page.body.filePath, undefined, {
      'if-none-match': part.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    const full = await raw(null, 'GET', page.body.filePath);
    expect(full.bytes.equals(PDF)).toBe(true);
  });
});

describe('handing out from a consultation', () => {
  it('one step: the timeline records the document, the handout names the version and the public page', async () => {
    const c = await intake(w.users.centre.client, { municipalityCode: '142051' });
    const res = await w.users.centre.client.post(`/api/library/items/${guide.id}/handouts`, {
      consultationId: c.id,
      recipient: 'family',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: guideBody.title,
      versionNumber: 1,
      recipient: 'family',
      publicPath: `/public/library/${guide.id}`,
    });
    const page = await w.users.centre.client.get(`/api/consultations/${c.id}`);
    expect(page.body.timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'document', resourceText: guideBody.title })]),
    );
    const handouts = await w.users.centre.client.get(`/api/library/consultations/${c.id}/handouts`);
    expect(handouts.body.items).toHaveLength(1);
    // A staff member of another municipality cannot reach the case: 404, nothing recorded.
    const outside = await w.users.hiratsuka.client.post(`/api/library/items/${guide.id}/handouts`, {
      consultationId: c.id,
      recipient: 'family',
    });
    expect(outside.status).toBe(404);
    expect((await w.users.hiratsuka.client.get(`/api/library/consultations/${c.id}/handouts`)).status).toBe(
      404,
    );
  });

  it('audits every signed-in download', async () => {
    const res = await raw(w.users.fujisawa.client, 'GET', `/api/library/items/${guide.id}/file`, undefined, {
      range: 'bytes=0-99',
    });
    expect(res.status).toBe(206);
    const entries = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorUserId, w.users.fujisawa.id),
          eq(auditLog.entityType, 'library_item'),
          eq(auditLog.action, 'read'),
        ),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.entityIds[0]).toBe(guide.id);
    expect(entries[0]!.detail).toMatchObject({ range: [0, 99] });
  });
});

describe('denied', () => {
  it('another prefecture gets 404 for the item, its file, its changes and its handouts', async () => {
    const k = w.users.centre43.client;
    expect((await k.get(`/api/library/items/${guide.id}`)).status).toBe(404);
    expect((await raw(k, 'GET', `/api/library/items/${guide.id}/file`)).status).toBe(404);
    expect(
      (await k.patch(`/api/library/items/${guide.id}`, { version: guide.version, title: 'x' })).status,
    ).toBe(404);
    const handout = await k.post(`/api/library/items/${guide.id}/handouts`, {
      consultationId: guide.id,
      recipient: 'family',
    });
    expect(handout.status).toBe(404);
    expect((await k.get('/api/library/items')).body.items).toEqual([]);
    expect((await anon.get('/api/public/library/items?prefecture=43')).body.items).toEqual([]);
  });

  it('readers may not change an item (403), and an unknown id is 404', async () => {
    const res = await w.users.fujisawa.client.patch(`/api/library/items/${guide.id}`, {
      version: guide.version,
      title: 'x',
    });
    expect(res.status).toBe(403);
    const add = await w.users.auditor.client.post('/api/library/items', guideBody);
    expect(add.status).toBe(403);
    expect(
      (await w.users.fujisawa.client.get('/api/library/items/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });
});
