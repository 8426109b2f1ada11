import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { spyOnDriver } from '../../test/driver-spy';
import { makeChild } from '../../test/factories';
import { TOUCH_EVERY_MS } from '../accounts/sessions';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';

/**
 * The database statements of the staff's busiest requests (the mix of `npm run bench:load`), counted at the
 * driver: the session with the user and its scope is one statement, the children search one more, the
 * consultation queue two more (the user's teams, the page with its count), and every read its one audit
 * INSERT. A change that adds a round trip to these fails here, on both engines.
 */
let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const db = t.db.systemDb;
  // 藤沢市 (142051): two children its staff see and one withheld from them (no share_municipality consent).
  await makeChild(db, '14', '142051', { familyKana: 'ヤマダ' });
  await makeChild(db, '14', '142051', { familyKana: 'ヤマダ' });
  await makeChild(db, '14', '142051', { familyKana: 'ヤマダ', consent: false });
  await makeChild(db, '14', '142034', { familyKana: 'ヤマダ' });
  await intake(w.users.fujisawa.client);
  await intake(w.users.fujisawa.client, { urgency: 'urgent' });
  await intake(w.users.coordA.client, { municipalityCode: '142077' });
  await intake(w.users.branch.client, { municipalityCode: '142077' });
});
afterAll(() => t.close());

/** The statements one GET runs once the session's last-seen time is fresh (a request just before it). */
async function statementsOf(client: TestClient, path: string) {
  await client.get(path);
  const spy = spyOnDriver(t.db);
  try {
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    // Statements, not driver calls: pg's pool.query checks a connection out through pool.connect itself.
    const texts = spy.query.mock.calls.map((c) => sqlText(c[0]));
    expect(spy.count(), 'no statement outside pool.query / PGlite query').toBe(
      t.db.pool ? 2 * texts.length : texts.length,
    );
    return { n: texts.length, texts, body: res.body };
  } finally {
    spy.restore();
  }
}

function sqlText(arg: unknown): string {
  return typeof arg === 'string' ? arg : String((arg as { text?: string }).text ?? '');
}

const SEARCH = `/api/children?q=${encodeURIComponent('ヤマダ')}`;
const QUEUE = '/api/consultations?view=team&status=open';

describe('statements per request', () => {
  it('children search: session, page (with its count and the withheld number), audit — 3 for every scope', async () => {
    for (const who of ['fujisawa', 'branch', 'coordA', 'centre'] as const) {
      const { n, texts } = await statementsOf(w.users[who].client, SEARCH);
      expect(n, who).toBe(3);
      expect(
        texts.filter((s) => s.startsWith('insert into "audit_log"')),
        who,
      ).toHaveLength(1);
    }
  });

  it('the one statement still answers the total and what is withheld from municipal staff', async () => {
    const { body } = await statementsOf(w.users.fujisawa.client, SEARCH);
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(2);
    expect(body.withheld).toBe(1);
    // A search that finds nothing still says what is withheld; a page past the end still has the total.
    const none = await w.users.fujisawa.client.get(`/api/children?q=${encodeURIComponent('ンンンン')}`);
    expect(none.body).toMatchObject({ total: 0, withheld: 1, items: [] });
    const past = await w.users.fujisawa.client.get(`${SEARCH}&page=3&pageSize=1`);
    expect(past.body).toMatchObject({ total: 2, withheld: 1, items: [] });
    const centre = await w.users.centre.client.get(SEARCH);
    expect(centre.body).toMatchObject({ total: 4, withheld: 0 });
  });

  it('consultation queue: session, teams, page with its count, audit — 4 for every team tier', async () => {
    // The prefecture's working-day calendar (overdue) is kept per server for a minute (calendar/calendar.ts).
    await w.users.fujisawa.client.get(QUEUE);
    for (const who of ['fujisawa', 'coordA', 'branch', 'centre', 'centreAdmin'] as const) {
      for (const path of [QUEUE, `${QUEUE}&urgency=urgent`]) {
        const { n } = await statementsOf(w.users[who].client, path);
        expect(n, `${who} ${path}`).toBe(4);
      }
    }
  });

  it('the queue’s total comes with its page, and a page past the end still counts', async () => {
    const { body } = await statementsOf(w.users.fujisawa.client, QUEUE);
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(2);
    const past = await statementsOf(w.users.fujisawa.client, `${QUEUE}&page=2`);
    expect(past.body).toMatchObject({ total: 2, items: [] });
    expect(past.n).toBe(5);
  });

  it('home figures kept for the scope: session and audit — 2', async () => {
    for (const who of ['fujisawa', 'branch', 'centre'] as const) {
      const { n, texts } = await statementsOf(w.users[who].client, '/api/home/figures');
      expect(n, who).toBe(2);
      expect(texts[1]).toMatch(/^insert into "audit_log"/);
    }
  });

  it('touches the session’s last-seen time at most once a minute', async () => {
    const client = w.users.coordA.client;
    await client.get('/api/home/figures');
    const touches = async () => {
      const spy = spyOnDriver(t.db);
      try {
        expect((await client.get('/api/home/figures')).status).toBe(200);
        return spy.query.mock.calls.filter((c) => sqlText(c[0]).startsWith('update "sessions"')).length;
      } finally {
        spy.restore();
      }
    };
    t.clock.advance(TOUCH_EVERY_MS - 1_000);
    expect(await touches()).toBe(0);
    t.clock.advance(2_000);
    expect(await touches()).toBe(1);
    expect(await touches()).toBe(0);
  });
});
