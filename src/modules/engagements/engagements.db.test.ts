/**
 * Engagements through the API: recording each kind with its rules (bad input changes nothing), the list and the
 * good examples, edits under optimistic locking, the four-division cycle with its overdue list and cadence, the
 * support log's cross-tabulation and workbook, the summary other modules read, and what each role may do.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, engagements, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { isoOfCell, openWorkbook } from '../../test/xlsx';
import { resolveActor } from '../access/resolve-actor';
import { engagementCounts, engagementSummary } from './summary';
import {
  ATSUGI,
  CHIGASAKI,
  type EngagementWorld,
  engagementBody,
  engagementWorld,
  FUJISAWA,
} from './testing';

let t: TestApp;
let w: EngagementWorld;

beforeAll(async () => {
  t = await createTestApp();
  // Today in Japan is 2026-12-01.
  t.clock.current = new Date('2026-12-01T01:00:00Z');
  w = await engagementWorld(t);
}, 60_000);
afterAll(() => t.close());

const actorOf = async (id: string) => {
  const [u] = await t.db.systemDb.select().from(users).where(eq(users.id, id));
  return resolveActor(t.db.systemDb, u!);
};
const count = async () => (await t.db.systemDb.select({ id: engagements.id }).from(engagements)).length;

describe('recording engagements', () => {
  it('records a hearing visit with its fixed items and drops fields of other kinds', async () => {
    const res = await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('hearing', FUJISAWA, '2026-05-20', { lifeElement: 'medical', divisions: ['education'] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'hearing',
      status: 'held',
      municipalityName: '藤沢市',
      regionName: '湘南東部',
      nendo: 2026,
      hearing: { child_finding: '乳幼児健診と手帳の交付時に把握', issues: '短期入所の不足' },
      lifeElement: null,
      divisions: ['education'],
      version: 1,
      canEdit: true,
      recordedByMunicipality: false,
    });
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [engagementBody('four_division', FUJISAWA, '2026-12-24'), 'occurredOn'],
      [engagementBody('four_division', FUJISAWA, '2026-10-01', { divisions: [] }), 'divisions'],
      [engagementBody('hearing', FUJISAWA, '2026-10-01', { hearing: { issues: '  ' } }), 'hearing'],
      [engagementBody('support', FUJISAWA, '2026-10-01', { request: null }), 'request'],
      [engagementBody('support', FUJISAWA, '2026-10-01', { status: 'planned' }), 'status'],
    ];
    for (const [body, path] of cases) {
      const res = await w.c.centre_admin.post('/api/engagements', body);
      expect(res.status, path).toBe(400);
      const issue = res.body.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.ja, path).toBeTruthy();
      expect(issue?.en, path).toBeTruthy();
    }
    const badCode = await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('support', FUJISAWA, '2026-10-01', { outcome: 'perfect' }),
    );
    expect(badCode.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets a planned four-division meeting carry a future date', async () => {
    const res = await w.c.branch_staff.post(
      '/api/engagements',
      engagementBody('four_division', CHIGASAKI, '2027-01-15', { status: 'planned', divisions: [] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('municipal staff record their own municipality’s engagements, marked as theirs', async () => {
    const own = await w.c.municipal_staff.post(
      '/api/engagements',
      engagementBody('support', FUJISAWA, '2026-11-02'),
    );
    expect(own.status).toBe(201);
    expect(own.body.recordedByMunicipality).toBe(true);
    const other = await w.c.municipal_staff.post(
      '/api/engagements',
      engagementBody('support', CHIGASAKI, '2026-11-02'),
    );
    expect([other.status, other.body.error.code]).toEqual([404, 'not_found']);
    const list = await w.c.municipal_staff.get('/api/engagements');
    expect(list.body.items.every((i: { municipalityCode: string }) => i.municipalityCode === FUJISAWA)).toBe(
      true,
    );
    expect(list.body.canRecord).toBe(true);
  });
});

describe('editing and good examples', () => {
  it('changes with the version read, refuses a stale one with the current record, and audits both', async () => {
    const created = await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('support', ATSUGI, '2026-09-10', { outcome: 'ongoing' }),
    );
    const id = created.body.id as string;
    const body = { ...engagementBody('support', ATSUGI, '2026-09-10', { outcome: 'improved' }), version: 1 };
    delete (body as { kind?: string }).kind;
    const ok = await w.c.regional_coordinator.put(`/api/engagements/${id}`, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect([ok.body.outcome, ok.body.version]).toEqual(['improved', 2]);
    const stale = await w.c.centre_admin.put(`/api/engagements/${id}`, { ...body, outcome: 'resolved' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    expect(stale.body.error.detail.current.outcome).toBe('improved');
    const entries = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'engagement'));
    const update = entries.find((e) => e.action === 'update' && e.entityIds.includes(id));
    expect(update?.detail).toMatchObject({ changed: ['outcome'] });

    const marked = await w.c.centre_admin.put(`/api/engagements/${id}/good-example`, {
      version: 2,
      goodExample: true,
      uses: ['training', 'liaison_meeting'],
      note: '保育所の受け入れにつながった',
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({
      goodExample: true,
      goodExampleUses: ['training', 'liaison_meeting'],
    });
    const good = await w.c.centre_admin.get('/api/engagements?goodExample=true');
    expect(good.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const unmarked = await w.c.centre_admin.put(`/api/engagements/${id}/good-example`, {
      version: 3,
      goodExample: false,
      uses: ['training'],
    });
    expect(unmarked.body).toMatchObject({ goodExample: false, goodExampleUses: [], goodExampleNote: null });
  });
});

describe('four-division meetings', () => {
  it('lists the overdue first with how overdue and whose, and the cycle follows the cadence', async () => {
    await w.c.centre_admin.post('/api/engagements', engagementBody('four_division', FUJISAWA, '2026-07-01'));
    await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('four_division', ATSUGI, '2026-10-20', { divisions: ['childcare'] }),
    );
    const res = await w.c.centre_admin.get('/api/engagements/four-division');
    expect(res.status).toBe(200);
    const [first] = res.body.items;
    expect(first).toMatchObject({
      municipalityCode: FUJISAWA,
      state: 'overdue',
      lastHeldOn: '2026-07-01',
      nextDue: '2026-11-01',
      daysOverdue: 30,
      branchName: '湘南支部',
      lastDivisions: ['maternal_child_health', 'disability_welfare', 'education'],
    });
    const atsugi = res.body.items.find((i: { municipalityCode: string }) => i.municipalityCode === ATSUGI);
    expect(atsugi).toMatchObject({ state: 'on_track', dueFrom: '2027-01-20', nextDue: '2027-02-20' });
    // 茅ヶ崎市 has only a planned meeting and no cadence of its own: not on a cycle yet.
    const chigasaki = res.body.items.find(
      (i: { municipalityCode: string }) => i.municipalityCode === CHIGASAKI,
    );
    expect(chigasaki).toMatchObject({ onCycle: false, state: 'off_cycle', nextPlannedOn: '2027-01-15' });

    const overdue = await w.c.centre_admin.get('/api/engagements/four-division?state=overdue');
    expect(overdue.body.items.map((i: { municipalityCode: string }) => i.municipalityCode)).toEqual([
      FUJISAWA,
    ]);
    // The overdue list as .xlsx: the same rows, dates as date cells, days overdue as a number.
    const file = await t.app.request('/api/engagements/four-division/export?state=overdue', {
      headers: { cookie: w.c.centre_admin.cookie!, 'x-forwarded-for': w.c.centre_admin.ip },
    });
    expect(file.status).toBe(200);
    const ws = (await openWorkbook(file)).worksheets[0]!;
    expect(ws.getCell('A3').value).toBe('市町村コード');
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(4);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(4).value]).toEqual([
      FUJISAWA,
      '藤沢市',
      '期限超過',
    ]);
    expect(isoOfCell(row.getCell(6).value)).toBe('2026-07-01');
    expect(isoOfCell(row.getCell(9).value)).toBe('2026-11-01');
    expect(row.getCell(10).value).toBe(30);
    expect(row.getCell(11).value).toBe('湘南支部');

    const cadence = {
      version: 0,
      active: true,
      minMonths: 5,
      maxMonths: 6,
      ownerUserId: w.ids.branchStaff,
      note: '教育委員会の都合で半年ごと',
    };
    const set = await w.c.branch_staff.put(`/api/engagements/cadences/${FUJISAWA}`, cadence);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({
      state: 'due',
      nextDue: '2027-01-01',
      version: 1,
      ownerName: 'centre_staff user',
    });
    const stale = await w.c.centre_admin.put(`/api/engagements/cadences/${FUJISAWA}`, cadence);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const bad = await w.c.centre_admin.put(`/api/engagements/cadences/${FUJISAWA}`, {
      ...cadence,
      version: 1,
      minMonths: 4,
      maxMonths: 3,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('maxMonths');
    const onChigasaki = await w.c.centre_admin.put(`/api/engagements/cadences/${CHIGASAKI}`, {
      ...cadence,
      ownerUserId: null,
    });
    expect(onChigasaki.body).toMatchObject({ onCycle: true, state: 'due', nextDue: '2027-01-15' });
  });
});

describe('the support log cross-tabulation', () => {
  it('counts the held entries of the 年度 by any two fields, zeros and blanks included', async () => {
    await w.c.centre_admin.post(
      '/api/engagements',
      engagementBody('support', CHIGASAKI, '2026-06-01', { lifeElement: 'education', outcome: null }),
    );
    await w.c.centre_admin.post('/api/engagements', engagementBody('support', FUJISAWA, '2026-03-31'));
    const res = await w.c.centre_admin.get(
      '/api/engagements/cross-tab?nendo=2026&row=lifeElement&col=outcome',
    );
    expect(res.status).toBe(200);
    const tab = res.body;
    expect(tab.total).toBe(3); // 厚木 (improved), 藤沢 by its staff (resolved), 茅ヶ崎 (blank); 2026-03-31 is FY2025
    const r = (k: string) => tab.rows.findIndex((x: { key: string }) => x.key === k);
    const col = (k: string) => tab.cols.findIndex((x: { key: string }) => x.key === k);
    expect(tab.counts[r('childcare')][col('resolved')]).toBe(1);
    expect(tab.counts[r('childcare')][col('improved')]).toBe(1);
    expect(tab.counts[r('education')][col('')]).toBe(1);
    expect(tab.rows.length).toBe(9);
    expect(tab.rowTotals.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    const byRegion = await w.c.centre_admin.get(
      '/api/engagements/cross-tab?nendo=2026&row=region&col=request',
    );
    expect(byRegion.body.rows.map((x: { name: string }) => x.name).sort()).toEqual(
      ['湘南東部', '県央'].sort(),
    );
    const own = await w.c.municipal_staff.get(
      '/api/engagements/cross-tab?nendo=2026&row=municipality&col=outcome',
    );
    expect(own.body.rows).toEqual([{ key: FUJISAWA, name: '藤沢市' }]);
    const file = await w.c.centre_admin.request(
      'GET',
      '/api/engagements/cross-tab/export?nendo=2026&row=lifeElement&col=outcome&lang=ja',
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('writes the workbook with the labels and the totals', async () => {
    const res = await t.app.request(
      '/api/engagements/cross-tab/export?nendo=2026&row=lifeElement&col=outcome',
      {
        headers: { cookie: w.c.centre_admin.cookie!, 'x-forwarded-for': w.c.centre_admin.ip },
      },
    );
    const wb = await openWorkbook(res);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('令和8年度');
    expect(ws.getCell('A4').value).toBe('生活の要素 \\ 結果');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合計');
    expect(last.getCell(last.cellCount).value).toBe(3);
  });
});

describe('what the municipality page and the yearly report read', () => {
  it('gives the last engagement, the next due and the counts within the actor’s area', async () => {
    const actor = await actorOf(w.ids.centreAdmin);
    const s = await engagementSummary(t.db.systemDb, actor, FUJISAWA, '2026-12-01');
    expect(s).toEqual({
      lastEngagement: { date: '2026-11-02', kind: 'support' },
      nextDue: '2027-01-01',
      overdue: false,
    });
    const counts = await engagementCounts(t.db.systemDb, actor, 2026);
    expect(counts).toMatchObject({ hearing: 1, four_division: 2, support: 3 });
    const coordinator = await actorOf(w.ids.coordinator);
    await expect(engagementSummary(t.db.systemDb, coordinator, FUJISAWA)).rejects.toMatchObject({
      code: 'not_found',
    });
    const page = await w.c.municipal_staff.get(`/api/engagements/municipalities/${FUJISAWA}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ municipality: { name: '藤沢市' }, canRecord: true });
    expect(page.body.counts.four_division).toBe(1);
  });
});
