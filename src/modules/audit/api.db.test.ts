import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_TIME_SECONDS_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { generateTotpSecret, makePrefecture, makeUser } from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { expectDateColumn, openWorkbook } from '../../test/xlsx';
import { resolveActor } from '../access/resolve-actor';
import { EXPORT_HEADERS } from './export';
import { recordAudit } from './record';

let t: TestApp;
let admin43: TestClient;
let auditor43: TestClient;
let admin14: TestClient;
let municipal43: TestClient;
let admin14Id: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '43');
  await makePrefecture(db, '14');
  const s1 = generateTotpSecret();
  const s2 = generateTotpSecret();
  const s3 = generateTotpSecret();
  const a43 = await makeUser(db, 'centre_admin', { totpSecret: s1 });
  const aud43 = await makeUser(db, 'auditor', { totpSecret: s2 });
  const a14 = await makeUser(db, 'centre_admin', { prefectureCode: '14', totpSecret: s3 });
  const m43 = await makeUser(db, 'municipal_staff', { municipalityCode: '432016' });
  admin14Id = a14.id;
  admin43 = await signInAs(t, a43, s1);
  auditor43 = await signInAs(t, aud43, s2);
  admin14 = await signInAs(t, a14, s3);
  municipal43 = await signInAs(t, m43);

  // Entries at the edges of a Japanese calendar day, and one of another prefecture with the same entity id.
  const actor14 = await resolveActor(db, a14);
  const actor43 = await resolveActor(db, a43);
  const meta = { ip: '192.0.2.9', userAgent: 'vitest', requestId: 'req-fixture' };
  await db.transaction(async (tx) => {
    for (const [at, id] of [
      ['2026-04-01T14:59:59.999Z', 'edge-before'], // 2026-04-01 23:59:59.999 in Japan
      ['2026-04-01T15:00:00.000Z', 'edge-after'], // 2026-04-02 00:00 in Japan
    ] as const) {
      await recordAudit(
        tx,
        { actor: actor43, meta, at: new Date(at) },
        {
          action: 'read',
          entityType: 'child',
          entityIds: [id, 'shared-id'],
          detail: { note: '=1+1 テスト' },
        },
      );
    }
    await recordAudit(
      tx,
      { actor: actor14, meta, at: new Date('2026-04-01T16:00:00Z') },
      { action: 'read', entityType: 'child', entityIds: ['shared-id'] },
    );
  });
});
afterAll(() => t.close());

async function count43(): Promise<number> {
  const res = await admin43.get('/api/audit?pageSize=1');
  return res.body.total;
}

describe('audit API', () => {
  it('lets a centre administrator search only the entries of its own prefecture, newest first', async () => {
    const res = await admin43.get('/api/audit?pageSize=200');
    expect(res.status).toBe(200);
    const { items, total } = res.body;
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(3);
    expect(items.some((e: { actorUserId: string }) => e.actorUserId === admin14Id)).toBe(false);
    const times = items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const signIn = items.find((e: { action: string }) => e.action === 'sign_in');
    expect(signIn).toMatchObject({ ip: expect.stringMatching(/^198\.51\.100\./), entityType: 'user' });
    const read = items.find((e: { entityIds: string[] }) => e.entityIds[0] === 'edge-after');
    expect(read).toMatchObject({ actorEmail: expect.stringContaining('@'), actorRole: 'centre_admin' });

    const shared = await admin43.get('/api/audit?entityId=shared-id');
    expect(shared.body.total).toBe(2);
    const other = await admin14.get('/api/audit?entityId=shared-id');
    expect(other.body.total).toBe(1);
    expect(other.body.items[0].actorUserId).toBe(admin14Id);
  });

  it('reads from and to as Japanese calendar days', async () => {
    const day2 = await auditor43.get('/api/audit?from=2026-04-02&to=2026-04-02');
    expect(day2.status).toBe(200);
    expect(day2.body.items.map((e: { entityIds: string[] }) => e.entityIds[0])).toEqual(['edge-after']);
    const day1 = await auditor43.get('/api/audit?to=2026-04-01&entityType=child');
    expect(day1.body.items.map((e: { entityIds: string[] }) => e.entityIds[0])).toEqual(['edge-before']);
    // Empty form fields count as absent.
    const both = await auditor43.get('/api/audit?from=2026-04-01&to=2026-04-02&action=&entityId=');
    expect(both.status).toBe(200);
    expect(both.body.total).toBe(2);
  });

  it('pages the results', async () => {
    const total = await count43();
    const p1 = await admin43.get('/api/audit?page=1&pageSize=2');
    const p2 = await admin43.get('/api/audit?page=2&pageSize=2');
    expect(p1.body.items).toHaveLength(2);
    expect(p1.body.total).toBe(total);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
  });

  it('rejects malformed filters', async () => {
    expect((await admin43.get('/api/audit?from=2026-02-30')).status).toBe(400);
    expect((await admin43.get('/api/audit?from=2026-05-02&to=2026-05-01')).status).toBe(400);
    expect((await admin43.get('/api/audit?actor=not-a-uuid')).status).toBe(400);
    expect((await admin43.get('/api/audit?action=hack')).status).toBe(400);
    expect((await admin43.get('/api/audit?pageSize=1000')).status).toBe(400);
    expect((await admin43.get('/api/audit/export?format=pdf')).status).toBe(400);
  });

  it('answers 403 to roles that do not read the audit log, and 401 without a session', async () => {
    for (const path of ['/api/audit', '/api/audit/export', '/api/audit/verify']) {
      const res = await municipal43.get(path);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect((await new TestClient(t).get(path)).status).toBe(401);
    }
  });

  it('exports a valid xlsx with Japanese headings, and records the export', async () => {
    const total = await count43();
    const res = await t.app.request('/api/audit/export?format=xlsx', {
      headers: { cookie: admin43.cookie!, 'x-forwarded-for': '192.0.2.10' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{8}\.xlsx"$/);
    const ws = (await openWorkbook(res)).worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    expect(ws.rowCount).toBe(total + 1);
    // The newest entry is first; times are real date-time cells shown in Japan time, to the second.
    expectDateColumn(ws, 1, DATE_TIME_SECONDS_FORMAT);

    const log = await admin43.get('/api/audit?action=export');
    expect(log.body.total).toBe(1);
    expect(log.body.items[0]).toMatchObject({
      entityType: 'audit_log',
      detail: { format: 'xlsx', rows: total, filters: {} },
    });

    const one = await t.app.request('/api/audit/export?entityId=edge-after', {
      headers: { cookie: admin43.cookie! },
    });
    const ws1 = (await openWorkbook(one)).worksheets[0]!;
    const row = ws1.getRow(2);
    // 2026-04-01T15:00Z is shown as midnight of 2 April, Japan time.
    expect(expectDateColumn(ws1, 1, DATE_TIME_SECONDS_FORMAT, { time: true })).toEqual([
      '2026-04-02 00:00:00',
    ]);
    expect(row.getCell(3).value).toBe('センター管理者');
    expect(row.getCell(4).value).toBe('閲覧');
    expect(row.getCell(6).value).toBe('edge-after shared-id');
  });

  it('exports CSV in CP932 by default and UTF-8 with a BOM on request', async () => {
    const res = await t.app.request('/api/audit/export?format=csv&entityId=shared-id', {
      headers: { cookie: admin43.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/Shift_JIS/i);
    expect(res.headers.get('content-disposition')).toMatch(/filename="audit-\d{8}\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.includes(Buffer.from('日時', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'Shift_JIS');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(EXPORT_HEADERS.join(','));
    expect(lines).toHaveLength(3);
    expect(text).toContain('2026-04-02 00:00:00');
    expect(text).toContain('センター管理者');

    const utf = await t.app.request('/api/audit/export?format=csv&encoding=utf8&entityId=edge-after', {
      headers: { cookie: admin43.cookie! },
    });
    const ub = Buffer.from(await utf.arrayBuffer());
    expect([...ub.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(ub.subarray(3).toString('utf8')).toMatch(/^日時,利用者/);

    const log = await admin43.get('/api/audit?action=export&pageSize=10');
    expect(log.body.items[0].detail).toMatchObject({
      format: 'csv',
      encoding: 'utf8',
      rows: 1,
      filters: { entityId: 'edge-after' },
    });
    // Another prefecture does not see these exports.
    expect((await admin14.get('/api/audit?action=export')).body.total).toBe(0);
  });

  it('verifies the chain', async () => {
    const res = await auditor43.get('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.entries).toBeGreaterThan(5);
  });

  it('describes the endpoints in the OpenAPI document', async () => {
    const doc = (await new TestClient(t).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/audit', '/api/audit/export', '/api/audit/verify']),
    );
  });
});
