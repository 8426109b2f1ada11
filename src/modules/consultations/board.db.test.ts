import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_FORMAT, MONTH_FORMAT, PERCENT_FORMAT } from '../../server/xlsx';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';
import { RECEIPT_RE } from '../registrations/receipt';
import { type ConsultationWorld, childWithConsents, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('overdue lists', () => {
  it('a past next-action date and an open referral follow-up make a case overdue until followed up', async () => {
    const late = await intake(w.users.fujisawa.client, { nextActionOn: '2025-01-10' });
    const fresh = await intake(w.users.fujisawa.client, { nextActionOn: '2099-01-01' });
    const ref = await intake(w.users.fujisawa.client);
    const referred = await w.users.fujisawa.client.post(`/api/consultations/${ref.id}/actions`, {
      kind: 'referral',
      resourceText: '訪問看護ステーションひまわり',
      followUpOn: '2025-02-01',
      minutes: 15,
    });
    expect(referred.status).toBe(201);
    expect(referred.body.timeline[0]).toMatchObject({ kind: 'referral', followUpOverdue: true });
    const team = await w.users.fujisawa.client.get('/api/consultations?view=overdue');
    expect(ids(team)).toEqual(expect.arrayContaining([late.id, ref.id]));
    expect(ids(team)).not.toContain(fresh.id);
    const mine = await w.users.fujisawa.client.get('/api/consultations?view=mine');
    expect(mine.body.items.find((i: { id: string }) => i.id === ref.id).overdue).toBe(true);

    // A referral without a follow-up date is refused.
    const noDate = await w.users.fujisawa.client.post(`/api/consultations/${ref.id}/actions`, {
      kind: 'referral',
      resourceText: 'x',
    });
    expect(noDate.status).toBe(400);

    const followed = await w.users.fujisawa.client.post(`/api/consultations/${ref.id}/actions`, {
      kind: 'call',
      note: '利用開始を確認',
      followUpOf: referred.body.timeline[0].id,
    });
    expect(followed.status).toBe(201);
    expect(followed.body.overdue).toBe(false);
    expect(ids(await w.users.fujisawa.client.get('/api/consultations?view=overdue'))).not.toContain(ref.id);
  });
});

describe('hub: similar past consultations', () => {
  it('ranks a near-duplicate narrative first, within scope, hiding child details the user may not see', async () => {
    const narrative =
      '気管切開と人工呼吸器のある4歳児が保育所に入所を希望している。看護師を配置している保育所を探しており、入所調整の進め方を知りたい。';
    const close = async (client: TestClient, id: string) => {
      const page = await client.get(`/api/consultations/${id}`);
      const res = await client.post(`/api/consultations/${id}/close`, {
        version: page.body.version,
        outcome: 'resolved',
      });
      expect(res.status).toBe(200);
    };
    const child = await childWithConsents(t, { centreContact: false, familyName: '近藤' });
    const dup = await intake(w.users.fujisawa.client, {
      narrative: `${narrative.replace('4歳児', '4歳の子')}`,
      topics: ['childcare', 'medical_care'],
      child: { kind: 'registered', childId: child.id },
    });
    const other = await intake(w.users.fujisawa.client, {
      narrative: '災害時の停電に備えて、人工呼吸器の外部バッテリーと避難先を確認したい。',
      topics: ['disaster'],
    });
    const outOfScope = await intake(w.users.chigasaki.client, {
      municipalityCode: '142077',
      narrative,
      topics: ['childcare'],
    });
    await close(w.users.fujisawa.client, dup.id);
    await close(w.users.fujisawa.client, other.id);
    await close(w.users.chigasaki.client, outOfScope.id);

    const now = await intake(w.users.fujisawa.client, { narrative, topics: ['childcare', 'medical_care'] });
    const res = await w.users.fujisawa.client.get(`/api/consultations/${now.id}/similar`);
    expect(res.status).toBe(200);
    expect(res.body.items[0].id).toBe(dup.id);
    expect(res.body.items[0]).toMatchObject({
      resolvedTier: 'municipality',
      resolvedTeamName: '藤沢市',
      resolvedByUserId: w.users.fujisawa.id,
    });
    expect(res.body.items[0].childName).toContain('近藤');
    expect(ids(res)).not.toContain(outOfScope.id);

    // The centre sees every case of the prefecture, but not a child whose guardian gave no centre_contact consent.
    const centreCase = await intake(w.users.centre.client, { narrative, topics: ['childcare'] });
    const c = await w.users.centre.client.get(`/api/consultations/${centreCase.id}/similar`);
    const dupForCentre = c.body.items.find((i: { id: string }) => i.id === dup.id);
    expect(dupForCentre).toMatchObject({ childVisible: false, childName: null });
    expect(ids(c)).toContain(outOfScope.id);
  });
});

describe('figures by 年度', () => {
  it('counts by tier, asker, topic, municipality and month, with hand-off times and the municipal share', async () => {
    const fy = (n: number, month: string) => `${n}-${month}T10:00:00+09:00`;
    await intake(w.users.fujisawa.client, { openedAt: fy(2023, '05-01'), topics: ['education'] });
    await intake(w.users.fujisawa.client, {
      openedAt: fy(2024, '04-01'),
      topics: ['education', 'transport'],
      askerKind: 'school',
    });
    await intake(w.users.fujisawa.client, { openedAt: '2025-03-31T23:00:00+09:00', topics: ['money'] });
    await intake(w.users.centre.client, { openedAt: fy(2024, '06-15'), topics: ['education'] });
    await intake(w.users.centre.client, { openedAt: '2025-04-01T00:30:00+09:00', topics: ['education'] });
    const res = await w.users.centreAdmin.client.get('/api/consultations/figures?nendo=2024');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.total).toBe(3);
    expect(f.byFirstTier).toEqual([
      { key: 'centre', count: 1 },
      { key: 'municipality', count: 2 },
    ]);
    expect(f.byTopic).toEqual(
      expect.arrayContaining([
        { key: 'education', count: 2 },
        { key: 'transport', count: 1 },
        { key: 'money', count: 1 },
      ]),
    );
    expect(f.byAskerKind).toEqual(expect.arrayContaining([{ key: 'school', count: 1 }]));
    expect(f.byMonth.map((m: { key: string }) => m.key)).toEqual(['2024-04', '2024-06', '2025-03']);
    expect(f.byMunicipality[0]).toMatchObject({ key: '142051', name: '藤沢市', count: 3 });
    const share = f.municipalFirstContactShare;
    expect(share).toHaveLength(5);
    expect(share.at(-1)).toMatchObject({ nendo: 2024, total: 3, municipal: 2 });
    expect(share.at(-2)).toMatchObject({ nendo: 2023, total: 1, municipal: 1, share: 1 });

    const xlsx = await w.users.centreAdmin.client.request(
      'GET',
      '/api/consultations/figures/export?nendo=2024&lang=en',
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const raw = await t.app.request('/api/consultations/figures/export?nendo=2024', {
      headers: {
        cookie: w.users.centreAdmin.client.cookie!,
        'x-forwarded-for': w.users.centreAdmin.client.ip,
      },
    });
    const wb = await openWorkbook(raw);
    expect(wb.worksheets.map((s) => s.name)).toContain('初回受付の階層');
    // The period and the months are date cells, counts numbers, the share a percentage or blank.
    const summary = wb.getWorksheet('概要')!;
    expect(expectDateColumn(summary, 2, DATE_FORMAT, { rows: [2] })).toEqual(['2024-04-01']);
    expect(expectDateColumn(summary, 3, DATE_FORMAT, { rows: [2] })).toEqual(['2025-03-31']);
    expect(expectNumberColumn(summary, 2, { rows: [3, 4, 5, 6], blanks: true })).toEqual([3, 0, null, null]);
    const months = wb.getWorksheet('月別')!;
    expect(expectDateColumn(months, 1, MONTH_FORMAT)).toEqual(['2024-04-01', '2024-06-01', '2025-03-01']);
    expectNumberColumn(months, 2);
    const shares = wb.getWorksheet('市町村の初回受付割合')!;
    expectNumberColumn(shares, 2);
    expectNumberColumn(shares, 3);
    expect(expectNumberColumn(shares, 4, { blanks: true }).slice(-2)).toEqual([1, 2 / 3]);
    expect(shares.getRow(6).getCell(4).numFmt).toBe(PERCENT_FORMAT);
    // Breakdowns name their codes as the screens do, in the workbook's language.
    const firstCol = (name: string) =>
      (wb.getWorksheet(name)!.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(firstCol('初回受付の階層')).toContain('市町村');
    expect(firstCol('初回受付の階層')).not.toContain('municipality');
    expect(firstCol('相談内容').every((v) => !/^[a-z_]+$/.test(v))).toBe(true);
  });

  it('hand-off times are the median and 90th percentile in hours', async () => {
    const c = await intake(w.users.fujisawa.client);
    const h = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'centre' },
    });
    // Sessions expire when idle: a short wait, 12 minutes = 0.2 hours.
    t.clock.advance(12 * 60_000);
    await w.users.centre.client.post(
      `/api/consultations/${c.id}/handoffs/${h.body.handoffs[0].id}/accept`,
      {},
    );
    const now = t.clock.now();
    const nendo = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
    const f = await w.users.centreAdmin.client.get(`/api/consultations/figures?nendo=${nendo}`);
    expect(f.body.handoffHours).toMatchObject({ count: 1, median: 0.2, p90: 0.2 });
  });
});

describe('public request form', () => {
  it('lands in the queue of the municipality chosen, with a receipt number', async () => {
    const pub = new TestClient(t);
    pub.ip = '203.0.113.77';
    const res = await pub.post('/api/public/consultations', {
      municipalityCode: '142077',
      askerKind: 'family',
      name: '相談 花子',
      phone: '090-1234-5678',
      childDescription: '2歳、経管栄養',
      topics: ['welfare_services'],
      narrative: '短期入所を使えるところを知りたいです。',
    });
    expect(res.status).toBe(201);
    expect(res.body.receiptNo).toMatch(/^C-\d{8}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(RECEIPT_RE.test(`R-${res.body.receiptNo.slice(2)}`)).toBe(true);
    const queue = await w.users.chigasaki.client.get('/api/consultations?view=team');
    const item = queue.body.items.find((i: { source: string }) => i.source === 'public_form');
    expect(item).toMatchObject({
      channel: 'online_form',
      firstTier: 'municipality',
      childKind: 'unregistered',
    });
    expect(ids(await w.users.fujisawa.client.get('/api/consultations?view=team'))).not.toContain(item.id);

    const bot = await pub.post('/api/public/consultations', { website: 'http://spam', narrative: 'x' });
    expect(bot.status).toBe(201);
    const bad = await pub.post('/api/public/consultations', { municipalityCode: '142077', topics: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].ja).toBeTruthy();
    const big = await pub.post('/api/public/consultations', { narrative: 'あ'.repeat(70_000) });
    expect(big.status).toBe(413);
  });
});
