/**
 * The queue carries the decision (docs/consultations.md, the queue): each case has a number (年度 + serial per prefecture,
 * given in the intake's transaction, never changed) and a subject; rows name the child only within scope and
 * consent, the assignee and the next action; the default order is urgency then due date; every column sorts
 * in SQL through an allow-list; the list filters by assignee and finds a case by its number; a child's
 * consultations are listed only where the child is visible in them.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../../db/schema';
import { formatCaseNumber } from '../../shared/case-number';
import { currentNendo } from '../../shared/nendo';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, childWithConsents, consultationWorld, intake, intakeBody } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
}, 60_000);
afterAll(() => t.close());

type Row = {
  id: string;
  caseNumber: string;
  subject: string;
  urgency: string;
  dueOn: string | null;
  childName: string | null;
  childDetailsHidden: boolean;
  assignedUserName: string | null;
  nextAction: string | null;
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('case numbers and subjects', () => {
  it('numbers cases in order per prefecture and 年度, in the intake transaction, never twice', async () => {
    const a = await intake(w.users.fujisawa.client, { subject: '一件目' });
    const b = await intake(w.users.fujisawa.client, { subject: '二件目' });
    const nendo = currentNendo(new Date());
    const serialOf = (n: string) => Number(n.split('-')[1]);
    expect(a.caseNumber).toMatch(/^R\d+-\d{4}$/);
    expect(serialOf(b.caseNumber as string)).toBe(serialOf(a.caseNumber as string) + 1);
    expect((a.caseNumber as string).split('-')[0]).toBe(formatCaseNumber(nendo, 1).split('-')[0]);
    // Another prefecture counts on its own.
    const k = await intake(w.users.kumamoto.client, { municipalityCode: '431001' });
    expect(k.caseNumber).toBe(formatCaseNumber(nendo, 1));
    // Intakes at the same moment each get their own number.
    const many = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        intake(w.users.chigasaki.client, { municipalityCode: '142077', subject: `同時${i}` }),
      ),
    );
    expect(new Set(many.map((m) => m.caseNumber)).size).toBe(4);
    // A number never changes.
    await expect(
      t.db.systemDb.update(consultations).set({ caseSerial: 9999 }).where(eq(consultations.id, a.id)),
    ).rejects.toThrow();
    const [{ n }] = (await t.db.systemDb
      .select({ n: sql<number>`count(*)::int` })
      .from(consultations)
      .where(eq(consultations.caseSerial, 9999))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('requires a one-line subject at intake and lets the owning team change it and the next action', async () => {
    const { subject: _s, ...noSubject } = intakeBody();
    const missing = await w.users.fujisawa.client.post('/api/consultations', noSubject);
    expect(missing.status).toBe(400);
    const twoLines = await w.users.fujisawa.client.post(
      '/api/consultations',
      intakeBody({ subject: '一行目\n二行目' }),
    );
    expect(twoLines.status).toBe(400);
    const c = await intake(w.users.fujisawa.client, {
      nextAction: '園に看護師配置を確認',
      nextActionOn: day(3),
    });
    expect(c).toMatchObject({ subject: '保育園入園と看護師の配置', nextAction: '園に看護師配置を確認' });
    const changed = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      subject: '入園先の看護師配置',
      nextAction: '家族に結果を連絡',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ subject: '入園先の看護師配置', nextAction: '家族に結果を連絡' });
    expect(changed.body.caseNumber).toBe(c.caseNumber);
  });

  it('gives a request from the public form a number and a subject from its first sentence', async () => {
    const res = await new TestClient(t).post('/api/public/consultations', {
      municipalityCode: '142051',
      askerKind: 'family',
      name: '架空 花子',
      topics: ['short_stay'],
      narrative: '短期入所を使えるところを知りたいです。夜間も吸引が必要です。',
    });
    expect(res.status).toBe(201);
    const [row] = await t.db.systemDb
      .select({ subject: consultations.subject, serial: consultations.caseSerial })
      .from(consultations)
      .where(eq(consultations.receiptNo, res.body.receiptNo));
    expect(row!.subject).toBe('短期入所を使えるところを知りたいです');
    expect(row!.serial).toBeGreaterThan(0);
  });
});

describe('the queue', () => {
  it('shows what is needed to choose, urgent first then soonest due, and sorts every column in SQL', async () => {
    const client = w.users.hiratsuka.client;
    const m = { municipalityCode: '142034' };
    const later = await intake(client, {
      ...m,
      subject: '通常・後',
      urgency: 'normal',
      nextActionOn: day(10),
    });
    const sooner = await intake(client, {
      ...m,
      subject: '通常・先',
      urgency: 'normal',
      nextActionOn: day(1),
    });
    const urgent = await intake(client, {
      ...m,
      subject: '至急の相談',
      urgency: 'urgent',
      nextActionOn: day(20),
      nextAction: '訪問看護ステーションに電話',
    });
    const list = await client.get('/api/consultations?view=team');
    expect(list.status).toBe(200);
    const items = list.body.items as Row[];
    expect(items.map((i) => i.id)).toEqual([urgent.id, sooner.id, later.id]);
    expect(items[0]).toMatchObject({
      subject: '至急の相談',
      nextAction: '訪問看護ステーションに電話',
      dueOn: day(20),
      assignedUserName: expect.any(String),
      childName: null,
      childDetailsHidden: false,
    });
    const bySubject = await client.get('/api/consultations?view=team&sort=subject&dir=desc');
    expect((bySubject.body.items as Row[]).map((i) => i.subject)).toEqual([
      '通常・後',
      '通常・先',
      '至急の相談',
    ]);
    const byNumber = await client.get('/api/consultations?view=team&sort=caseNumber&dir=desc');
    expect((byNumber.body.items as Row[]).map((i) => i.id)).toEqual([urgent.id, sooner.id, later.id]);
    const byDue = await client.get('/api/consultations?view=team&sort=due');
    expect((byDue.body.items as Row[]).map((i) => i.id)).toEqual([sooner.id, later.id, urgent.id]);
    for (const sort of ['opened', 'child', 'assignee', 'municipality', 'team', 'urgency']) {
      const res = await client.get(`/api/consultations?view=team&sort=${sort}&dir=desc`);
      expect(res.status, sort).toBe(200);
      expect(res.body.total, sort).toBe(3);
    }
    const injected = await client.get('/api/consultations?view=team&sort=narrative');
    expect(injected.status).toBe(400);
  });

  it('filters by assignee (mine, unassigned, a person) and finds a case by its number', async () => {
    const client = w.users.fujisawa.client;
    const mine = await intake(client, { subject: '自分の担当' });
    const nobody = await intake(client, { subject: '未割り当て', assignedUserId: null });
    const me = (await client.get('/api/consultations?view=team&assignee=me')).body.items as Row[];
    expect(me.map((i) => i.id)).toContain(mine.id);
    expect(me.map((i) => i.id)).not.toContain(nobody.id);
    const none = (await client.get('/api/consultations?view=team&assignee=none')).body.items as Row[];
    // The public form's request of the test above is unassigned too.
    expect(none.map((i) => i.id)).toContain(nobody.id);
    expect(none.every((i) => i.assignedUserName === null)).toBe(true);
    const byId = (await client.get(`/api/consultations?view=team&assignee=${w.users.fujisawa.id}`)).body
      .items as Row[];
    expect(byId.map((i) => i.id)).toEqual(me.map((i) => i.id));

    const number = mine.caseNumber as string;
    for (const typed of [number, number.toLowerCase(), number.replace('-', '－'), number.split('-')[1]]) {
      const found = await client.get(
        `/api/consultations?view=all&status=any&caseNumber=${encodeURIComponent(typed!)}`,
      );
      expect(found.status).toBe(200);
      expect(
        (found.body.items as Row[]).map((i) => i.id),
        typed,
      ).toContain(mine.id);
    }
    const exact = await client.get(`/api/consultations?view=all&status=any&caseNumber=${number}`);
    expect(exact.body.items).toHaveLength(1);
    // Another municipality's staff do not find it by its number.
    const other = await w.users.hiratsuka.client.get(
      `/api/consultations?view=all&status=any&caseNumber=${number}`,
    );
    expect(other.body.total).toBe(0);
    const nonsense = await client.get('/api/consultations?view=all&caseNumber=abc');
    expect(nonsense.body.total).toBe(0);
  });

  it('names the child only where the reader may see it, and lists a child’s cases only there', async () => {
    const hidden = await childWithConsents(t, { centreContact: false, familyName: '秘匿' });
    const c = await intake(w.users.fujisawa.client, {
      child: { kind: 'registered', childId: hidden.id },
      subject: '同意の範囲外の子',
    });
    const b = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'region', regionId: w.regionA.id },
    });
    await w.users.coordA.client.post(
      `/api/consultations/${c.id}/handoffs/${b.body.handoffs[0].id}/accept`,
      {},
    );

    const own = (await w.users.fujisawa.client.get(`/api/consultations?view=all&caseNumber=${c.caseNumber}`))
      .body.items as Row[];
    expect(own[0]).toMatchObject({ childName: expect.stringContaining('秘匿'), childDetailsHidden: false });
    const region = (await w.users.coordA.client.get(`/api/consultations?view=all&caseNumber=${c.caseNumber}`))
      .body;
    expect(region.items[0]).toMatchObject({ childName: null, childDetailsHidden: true });
    expect(JSON.stringify(region)).not.toContain('秘匿');
    // Sorting by child does not reveal the hidden name either: the row sorts as a child without a name.
    const sorted = await w.users.coordA.client.get('/api/consultations?view=all&sort=child');
    expect(JSON.stringify(sorted.body)).not.toContain('秘匿');

    const ofChild = await w.users.fujisawa.client.get(
      `/api/consultations?view=all&status=any&childId=${hidden.id}`,
    );
    expect((ofChild.body.items as Row[]).map((i) => i.id)).toEqual([c.id]);
    const regionOfChild = await w.users.coordA.client.get(
      `/api/consultations?view=all&status=any&childId=${hidden.id}`,
    );
    expect(regionOfChild.body.total).toBe(0);
  });
});
