/**
 * The denied story of the good-practice library: a draft is read only within its area — another municipality's
 * staff, another region's coordinator and another prefecture's administrator get 404 for it (like an unknown id)
 * and never see it in a list; a published story is read across the prefecture but changed only within its area
 * (403 for a reader of another area, who sees it); providers read published stories only; learners and the
 * system administrator are refused (403) before any id is read; auditors read and change nothing. A published
 * story never contains the source consultation's child's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { createChildVia } from '../../test/registry-world';
import { intake } from '../consultations/testing';
import { CHIGASAKI, type EngagementWorld, engagementWorld, FUJISAWA } from '../engagements/testing';
import { ALL_CONFIRMATIONS, publishedStoryVia, regionOf, storyBody, storyVia } from './testing';

let t: TestApp;
let w: EngagementWorld;
let east: string;
let draft: string;
let published: string;
const unknown = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-12-01T01:00:00Z');
  w = await engagementWorld(t);
  east = await regionOf(t, FUJISAWA);
  draft = (await storyVia(w.c.municipal_staff, east, FUJISAWA, { title: '藤沢市の下書き' })).id;
  published = await publishedStoryVia(w.c.centre_admin, w.c.centre_staff, east, FUJISAWA, {
    title: '公開した事例',
  });
}, 60_000);
afterAll(() => t.close());

const ids = (res: { body: { items?: { id: string }[] } }) => (res.body.items ?? []).map((i) => i.id);

describe('an out-of-area draft', () => {
  it.each([
    ['chigasaki_staff', 'another municipality'],
    ['regional_coordinator', 'another region'],
    ['kumamoto_admin', 'another prefecture'],
    ['provider_staff', 'a provider (published stories only)'],
  ] as const)('answers 404 to %s (%s), as for an unknown id, and is not listed', async (who, _why) => {
    const c: TestClient = w.c[who];
    expect((await c.get(`/api/good-practices/${draft}`)).status).toBe(404);
    expect((await c.get(`/api/good-practices/${unknown}`)).status).toBe(404);
    const list = await c.get('/api/good-practices');
    expect(ids(list)).not.toContain(draft);
  });

  it('answers 404 to a write from outside the area, as for an unknown id', async () => {
    const c = w.c.chigasaki_staff;
    for (const id of [draft, unknown]) {
      const put = await c.put(`/api/good-practices/${id}`, { ...storyBody(east, CHIGASAKI), version: 1 });
      expect(put.status).toBe(404);
      const check = await c.post(`/api/good-practices/${id}/check`, {
        version: 1,
        confirmations: ALL_CONFIRMATIONS,
      });
      expect(check.status).toBe(404);
    }
  });

  it('is read within its area: the municipality, its branch, the centre and auditors', async () => {
    for (const who of ['municipal_staff', 'branch_staff', 'centre_staff', 'auditor'] as const) {
      expect((await w.c[who].get(`/api/good-practices/${draft}`)).status).toBe(200);
    }
  });
});

describe('a published story', () => {
  it('is read by every staff user of the prefecture, whatever their area', async () => {
    for (const who of ['chigasaki_staff', 'regional_coordinator', 'provider_staff', 'auditor'] as const) {
      const res = await w.c[who].get(`/api/good-practices/${published}`);
      expect(res.status).toBe(200);
      expect(ids(await w.c[who].get('/api/good-practices'))).toContain(published);
    }
    expect((await w.c.kumamoto_admin.get(`/api/good-practices/${published}`)).status).toBe(404);
  });

  it('is changed only within its area: 403 for a reader of another area', async () => {
    const res = await w.c.chigasaki_staff.post(`/api/good-practices/${published}/withdraw`, { version: 3 });
    expect(res.status).toBe(403);
  });
});

describe('roles without the library', () => {
  it.each(['learner', 'system_admin'] as const)('refuses %s with 403 before any id is read', async (who) => {
    for (const id of [draft, unknown])
      expect((await w.c[who].get(`/api/good-practices/${id}`)).status).toBe(403);
    expect((await w.c[who].get('/api/good-practices')).status).toBe(403);
  });

  it('lets auditors and providers write nothing (403 for every id)', async () => {
    for (const who of ['auditor', 'provider_staff'] as const) {
      for (const id of [draft, unknown]) {
        const res = await w.c[who].post(`/api/good-practices/${id}/publish`, { version: 1 });
        expect(res.status).toBe(403);
      }
      expect((await w.c[who].post('/api/good-practices', storyBody(east, FUJISAWA))).status).toBe(403);
    }
  });

  it('refuses a municipality’s staff a story for another municipality (400)', async () => {
    const res = await w.c.municipal_staff.post('/api/good-practices', storyBody(east, CHIGASAKI));
    expect(res.status).toBe(400);
  });
});

describe('personal data never reaches a published story', () => {
  it('cannot publish a story holding the source child’s name in any form', async () => {
    const child = await createChildVia(w.c.centre_admin, {
      familyName: '葛西',
      givenName: '湊',
      familyKana: 'かさい',
      givenKana: 'みなと',
      birthDate: '2022-03-14',
    });
    const c = await intake(w.c.centre_admin, { child: { kind: 'registered', childId: child.id } });
    for (const body of [
      '葛西湊くんが入園',
      'みなとくんが入園',
      'ミナトくん',
      '葛西さんのお宅',
      '令和4年3月14日生まれ',
    ]) {
      const s = await storyVia(w.c.centre_admin, east, FUJISAWA, {
        source: { kind: 'consultation', id: c.id },
        body,
      });
      const res = await w.c.centre_staff.post(`/api/good-practices/${s.id}/check`, {
        version: s.version,
        confirmations: ALL_CONFIRMATIONS,
        acknowledgedFlags: ['source_name:葛西湊', 'source_name:みなと', 'source_name:葛西'],
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('story_personal_data');
    }
    // Every published story of the prefecture, read in full: none holds the child's name.
    const list = await w.c.centre_admin.get('/api/good-practices?status=published');
    for (const id of ids(list)) {
      const page = await w.c.centre_admin.get(`/api/good-practices/${id}`);
      for (const name of ['葛西', '湊', 'かさい', 'みなと', 'ミナト'])
        expect(JSON.stringify(page.body)).not.toContain(name);
    }
  });
});
