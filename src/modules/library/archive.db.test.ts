/**
 * Archiving a library item: it leaves the staff list and the public list, cannot be changed or handed out, but
 * staff still open it and a family's old hand-out address still reads it (with `archived`) and its file;
 * restoring brings it back. Versioned (409 on stale) and audited. Denied: a reader cannot archive (403),
 * another prefecture's staff get 404.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';

let t: TestApp;
let w: ConsultationWorld;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('移行期の手引き\n'.repeat(50))]);

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
}, 120_000);
afterAll(() => t.close());

async function upload(client: TestClient, id: string, version: number) {
  const res = await t.app.request(`/api/library/items/${id}/file?version=${version}&name=guide.pdf`, {
    method: 'PUT',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
      'content-type': 'application/octet-stream',
      'x-forwarded-for': client.ip,
    },
    body: new Uint8Array(PDF),
  });
  return JSON.parse(Buffer.from(await res.arrayBuffer()).toString());
}

describe('archiving a library item', () => {
  it('leaves the lists, stays reachable to staff and by its public address with a notice, and restores', async () => {
    const centre = w.users.centre.client;
    const created = await centre.post('/api/library/items', {
      title: '成人期への移行の手引き',
      kind: 'guide',
      situations: ['transition'],
      audiences: ['family'],
      visibility: 'public',
    });
    const item = await upload(centre, created.body.id, created.body.version);
    const path = `/api/library/items/${item.id}/archive`;
    const stale = await centre.post(path, { version: item.version - 1, archived: true });
    expect(stale.status).toBe(409);
    const archived = await centre.post(path, { version: item.version, archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(archived.body.allowed).toEqual({ edit: false, handOut: false, archive: true });

    const list = await centre.get('/api/library/items');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const onlyArchived = await centre.get('/api/library/items?archived=true');
    expect(onlyArchived.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect((await centre.get(`/api/library/items/${item.id}`)).status).toBe(200);

    const family = new TestClient(t);
    const pub = await family.get('/api/public/library/items?prefecture=14');
    expect(pub.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const old = await family.get(`/api/public/library/items/${item.id}`);
    expect(old.status).toBe(200);
    expect(old.body.archived).toBe(true);
    const file = await t.app.request(`/api/public/library/items/${item.id}/file`);
    expect(file.status).toBe(200);

    // Neither changed nor handed out while archived.
    const edit = await centre.patch(`/api/library/items/${item.id}`, {
      version: archived.body.version,
      title: '変更',
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'library_item_archived']);
    const { id: consultationId } = await intake(centre);
    const given = await centre.post(`/api/library/items/${item.id}/handouts`, {
      consultationId,
      recipient: 'family',
    });
    expect(given.body.error.code).toBe('library_item_archived');

    const restored = await centre.post(path, { version: archived.body.version, archived: false });
    expect(restored.body).toMatchObject({ archivedAt: null, allowed: { edit: true, handOut: true } });
    const back = await family.get('/api/public/library/items?prefecture=14');
    expect(back.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await family.get(`/api/public/library/items/${item.id}`)).body.archived).toBe(false);

    const audit = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, 'library_item'), sql`${auditLog.entityIds} @> ARRAY[${item.id}]::text[]`),
      );
    const events = audit.map((a) => (a.detail as { event?: string }).event).filter(Boolean);
    expect(events).toEqual(expect.arrayContaining(['archive', 'restore']));
  });

  it('denied: a reader cannot archive (403); another prefecture gets 404', async () => {
    const created = await w.users.centre.client.post('/api/library/items', {
      title: '災害時の手帳',
      kind: 'form',
      situations: ['disaster_notebook'],
      audiences: ['family'],
      visibility: 'staff',
    });
    const path = `/api/library/items/${created.body.id}/archive`;
    const body = { version: created.body.version, archived: true };
    expect((await w.users.fujisawa.client.post(path, body)).status).toBe(403);
    expect((await w.users.centre43.client.post(path, body)).status).toBe(404);
  });
});
