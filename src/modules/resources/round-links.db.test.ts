import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resourceLinks, resourceRounds } from '../../db/schema';
import { DATE_TIME_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { expectDateColumn, openWorkbook } from '../../test/xlsx';
import { formatJapanDateTime } from '../audit/time';
import { createOrganizationVia, createServiceVia } from './testing';

/** The links of a re-confirmation round as a file for mail merge (.xlsx, CP932 CSV), and who may have it. */
let t: TestApp;
let w: RegistryWorld;
let anon: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  anon = new TestClient(t);
  const admin = w.clients.centreAdmin;
  const org = await createOrganizationVia(admin, {
    name: '社会福祉法人髙橋会',
    email: 'info@takahashi.example.jp',
  });
  ids.himawari = (
    await createServiceVia(admin, org, { name: 'ひまわり放課後デイ', email: 'day@takahashi.example.jp' })
  ).id;
  // No e-mail of its own: the organisation's is used. An address with a comma is quoted in the CSV.
  ids.sakura = (
    await createServiceVia(admin, org, {
      name: 'さくら児童発達支援',
      type: 'child_development_support',
      location: { address: '藤沢市辻堂1-1, 2階' },
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

async function post(client: TestClient, path: string) {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
      'content-type': 'application/json',
      'x-forwarded-for': client.ip,
    },
    body: JSON.stringify({ nendo: 2027 }),
  });
  const raw = await res.arrayBuffer();
  return { res, raw, bytes: Buffer.from(raw) };
}

const LINK = /^http:\/\/localhost\/public\/resources\/confirm#token=([\w-]+)$/;

describe('the links of a round as a file', () => {
  let roundId = '';

  it('creates the round and answers an .xlsx with a row per listing, the whole link working once', async () => {
    const { res, raw } = await post(w.clients.centreAdmin, '/api/resources/rounds?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="resource-links-2027-\d{8}\.xlsx"$/,
    );
    expect(res.headers.get('x-links-issued')).toBe('2');
    const ws = (await openWorkbook(raw)).worksheets[0]!;
    expect(ws.name).toBe('確認依頼リンク');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'サービス名',
      '法人名',
      '種別',
      '市区町村',
      '所在地',
      'メール',
      '電話',
      '確認用リンク',
      '有効期限',
    ]);
    expect(ws.rowCount).toBe(3);
    const rows = [2, 3].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    const himawari = rows.find((r) => r[0] === 'ひまわり放課後デイ')!;
    expect(himawari.slice(1, 7)).toEqual([
      '社会福祉法人髙橋会',
      '放課後等デイサービス',
      '藤沢市',
      '藤沢市鵠沼海岸1-2-3',
      'day@takahashi.example.jp',
      '0466-00-0000',
    ]);
    // The expiry is a date-time cell showing the stored instant in Japan time.
    const expiries = expectDateColumn(ws, 9, DATE_TIME_FORMAT, { time: true });
    const stored = await t.db.systemDb
      .select()
      .from(resourceLinks)
      .where(eq(resourceLinks.serviceId, ids.himawari!));
    expect(expiries[rows.indexOf(himawari)]).toBe(formatJapanDateTime(stored[0]!.expiresAt));
    const sakura = rows.find((r) => r[0] === 'さくら児童発達支援')!;
    expect(sakura[5]).toBe('info@takahashi.example.jp');

    const token = String(himawari[7]).match(LINK)?.[1];
    expect(token).toBeTruthy();
    expect((await anon.get(`/api/public/resources/confirm/${token}`)).status).toBe(200);

    const [round] = await t.db.systemDb.select().from(resourceRounds).where(eq(resourceRounds.nendo, 2027));
    roundId = round!.id;
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityType, 'resource_round')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ event: 'links', format: 'xlsx', links: 2 });
    expect(audit[0]!.entityIds).toEqual([roundId]);
  });

  it('answers reminders as CP932 CSV with English headings on request; older links die', async () => {
    const { res, bytes } = await post(
      w.clients.centreAdmin,
      `/api/resources/rounds/${roundId}/reminders?format=csv&lang=en`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=Shift_JIS/i);
    expect(bytes.includes(Buffer.from('髙橋', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'cp932');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Service,Organisation,Type,Municipality,Address,E-mail,Phone,Link,Expires');
    expect(lines).toHaveLength(4); // header, two rows, the final line break
    expect(text).toContain('社会福祉法人髙橋会');
    expect(text).toContain('"藤沢市辻堂1-1, 2階"');
    expect(text).toContain('After-school day service');
    const sakura = lines.find((l) => l.startsWith('さくら児童発達支援'))!;
    const cells = sakura.split(',');
    expect(cells.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(cells.at(-2)).toMatch(LINK);
  });

  it('uses the configured external URL for the links', async () => {
    const t2 = await createTestApp({ publicUrl: 'https://tsunagu.pref.example.lg.jp/' });
    try {
      const w2 = await registryWorld(t2);
      const org = await createOrganizationVia(w2.clients.centreAdmin);
      await createServiceVia(w2.clients.centreAdmin, org);
      const res = await t2.app.request('/api/resources/rounds?format=csv', {
        method: 'POST',
        headers: {
          cookie: w2.clients.centreAdmin.cookie!,
          'x-csrf-token': w2.clients.centreAdmin.csrf!,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ nendo: 2027 }),
      });
      const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'cp932');
      expect(text).toContain('https://tsunagu.pref.example.lg.jp/public/resources/confirm#token=');
    } finally {
      await t2.close();
    }
  });

  it('denied: a coordinator gets 403 and no file; another prefecture gets 404 for the round; a bad format 400', async () => {
    const coord = await post(w.clients.coordA, `/api/resources/rounds/${roundId}/reminders?format=xlsx`);
    expect(coord.res.status).toBe(403);
    expect(coord.res.headers.get('content-type')).toContain('application/json');
    const other = await post(w.clients.centre43, `/api/resources/rounds/${roundId}/reminders?format=xlsx`);
    expect(other.res.status).toBe(404);
    const bad = await post(w.clients.centreAdmin, `/api/resources/rounds/${roundId}/reminders?format=pdf`);
    expect(bad.res.status).toBe(400);
    const exports = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityType, 'resource_round')));
    expect(exports).toHaveLength(2);
  });
});
