import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations } from '../../db/schema';
import { nameKeys } from '../../shared/names';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeCentre, makeChild, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type FormOverrides, registrationForm } from './testing';

/**
 * The review queue: who sees which registrations (region and branch scope, other roles 403, other areas 404)
 * and the suggested matches (kanji variants, kana spelling, swapped birth dates, twins, reviewer's scope).
 */
let t: TestApp;
let ipSeq = 0;
const ids: Record<string, string> = {};
const children: Record<string, string> = {};
const clients: Record<string, TestClient> = {};

async function submit(key: string, overrides: FormOverrides) {
  const visitor = new TestClient(t);
  visitor.ip = `203.0.113.${++ipSeq}`;
  const res = await visitor.post('/api/public/registrations', registrationForm(overrides));
  expect(res.status).toBe(201);
  const [row] = await t.db.systemDb
    .select({ id: registrations.id })
    .from(registrations)
    .where(eq(registrations.receiptNo, res.body.receiptNo));
  ids[key] = row!.id;
}

async function child(key: string, municipalityCode: string, n: Parameters<typeof nameKeys>[0], more = {}) {
  const c = await makeChild(t.db.systemDb, '14', municipalityCode, { ...n, ...nameKeys(n), ...more });
  children[key] = c.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const east = await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
  const miura = await makeRegion(db, '14', '三浦半島', ['142018', '142042']);
  const branch = await makeCentre(db, '14', { kind: 'branch', regionIds: [miura.id] });
  const org = await makeOrganisation(db, '14', { municipalityCode: '142051' });

  await submit('takahashi', {});
  await submit('miura', { child: { municipalityCode: '142018', familyName: '三浦', familyKana: 'みうら' } });
  await submit('sato', {
    child: {
      familyName: '佐藤',
      givenName: '花子',
      familyKana: 'サトウ',
      givenKana: 'ハナコ',
      birthDate: '2023-03-07',
      sex: 'female',
      municipalityCode: '142077',
    },
  });
  await submit('twin', { child: { givenName: '陽斗', givenKana: 'ハルト' } });
  await submit('saito', {
    child: {
      familyName: '斎藤',
      givenName: '陽菜',
      familyKana: 'サイトウ',
      givenKana: 'ヒナ',
      birthDate: '2022-02-02',
      sex: 'female',
    },
  });

  const takahashi = { familyName: '高橋', givenName: '悠斗', familyKana: 'タカハシ', givenKana: 'ユート' };
  await child('takahashi', '142051', takahashi, {
    birthDate: '2024-04-05',
    sex: 'male',
    address: '藤沢１－２－３',
  });
  await child('takahashiMiura', '142018', takahashi, { birthDate: '2024-04-05', sex: 'male' });
  await child(
    'sato',
    '142077',
    { familyName: '佐藤', givenName: '花子', familyKana: 'サトウ', givenKana: 'ハナコ' },
    {
      birthDate: '2023-07-03',
      sex: 'female',
    },
  );
  // Written before match keys existed: compared on the raw names.
  await makeChild(db, '14', '142051', {
    familyName: '斉藤',
    givenName: '陽菜',
    familyKana: 'サイトウ',
    givenKana: 'ヒナ',
    birthDate: '2022-02-02',
    sex: 'female',
    nameKey: '',
    kanaKey: '',
  }).then((c) => {
    children.saitoKeyless = c.id;
  });
  await child(
    'stranger',
    '142051',
    { familyName: '鈴木', givenName: '一郎', familyKana: 'スズキ', givenKana: 'イチロウ' },
    {
      birthDate: '2015-10-10',
    },
  );

  clients.admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  clients.staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  clients.branchStaff = (
    await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: branch.id })
  ).client;
  clients.coordEast = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: east.id })
  ).client;
  clients.admin43 = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  clients.municipal = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' })
  ).client;
  clients.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  clients.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

const listed = async (who: string) => {
  const res = await clients[who]!.get('/api/registrations?status=pending');
  expect(res.status, who).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id) as string[];
};

describe('the queue', () => {
  it('lists every pending registration of the prefecture for centre administrators and staff', async () => {
    for (const who of ['admin', 'staff']) {
      const items = await listed(who);
      expect(items).toHaveLength(5);
      expect(items).toEqual(expect.arrayContaining(Object.values(ids)));
    }
    const res = await clients.admin!.get('/api/registrations');
    expect(res.body.items.find((i: { id: string }) => i.id === ids.takahashi)).toMatchObject({
      receiptNo: expect.stringMatching(/^R-/),
      status: 'pending',
      municipalityName: '藤沢市',
      familyKana: 'タカハシ',
      givenKana: 'ユウト',
      birthDate: '2024-04-05',
    });
    expect((await clients.admin!.get('/api/registrations?status=accepted')).body.total).toBe(0);
  });

  it('shows each row’s kanji name, source and strongest suggested record, as the registration’s page scores it', async () => {
    for (const who of ['admin', 'coordEast']) {
      const res = await clients[who]!.get('/api/registrations');
      for (const item of res.body.items as {
        id: string;
        familyName: string;
        submitterKind: string;
        bestMatch: { score: number; candidates: number } | null;
      }[]) {
        const detail = await clients[who]!.get(`/api/registrations/${item.id}`);
        expect(item.familyName).toBe(detail.body.registration.payload.child.familyName);
        const top = detail.body.suggestions[0];
        expect(item.bestMatch, `${who} ${item.id}`).toEqual(
          top ? { score: top.score, candidates: detail.body.suggestions.length } : null,
        );
      }
    }
    // The coordinator of 湘南東部 is not told of the 三浦 record that the HQ's staff see.
    const admin = (await clients.admin!.get('/api/registrations')).body.items;
    const east = (await clients.coordEast!.get('/api/registrations')).body.items;
    const of = (items: { id: string; bestMatch: { candidates: number } }[]) =>
      items.find((i) => i.id === ids.takahashi)!.bestMatch.candidates;
    expect(of(admin)).toBeGreaterThan(of(east));
    expect(admin.find((i: { id: string }) => i.id === ids.sato)).toMatchObject({
      familyName: '佐藤',
      givenName: '花子',
      submitterKind: expect.any(String),
    });
  });

  it('sorts by any column either way and refuses an order outside the allow-list', async () => {
    const names = async (query: string) =>
      ((await clients.admin!.get(`/api/registrations?${query}`)).body.items as { familyKana: string }[]).map(
        (i) => i.familyKana,
      );
    const asc = await names('sort=kana');
    expect(asc).toEqual([...asc].sort());
    expect(await names('sort=kana&dir=desc')).toEqual([...asc].reverse());
    const births = (
      (await clients.admin!.get('/api/registrations?sort=birthDate&dir=desc')).body.items as {
        birthDate: string;
      }[]
    ).map((i) => i.birthDate);
    expect(births).toEqual([...births].sort().reverse());
    for (const sort of ['submitted', 'name', 'municipality', 'source']) {
      expect((await names(`sort=${sort}&dir=desc`)).sort()).toEqual([...asc].sort());
    }
    expect((await clients.admin!.get('/api/registrations?sort=payload')).status).toBe(400);
    expect((await clients.admin!.get('/api/registrations?sort=kana&dir=sideways')).status).toBe(400);
  });

  it('limits regional coordinators and branch staff to their regions; others see 404 by id', async () => {
    const east = await listed('coordEast');
    expect(east).toContain(ids.takahashi);
    expect(east).not.toContain(ids.miura);
    const branch = await listed('branchStaff');
    expect(branch).toEqual([ids.miura]);
    expect((await clients.coordEast!.get(`/api/registrations/${ids.miura}`)).status).toBe(404);
    expect((await clients.branchStaff!.get(`/api/registrations/${ids.takahashi}`)).status).toBe(404);
    expect((await clients.branchStaff!.get(`/api/registrations/${ids.miura}`)).status).toBe(200);
  });

  it('shows nothing of another prefecture', async () => {
    expect(await listed('admin43')).toEqual([]);
    for (const id of Object.values(ids)) {
      expect((await clients.admin43!.get(`/api/registrations/${id}`)).status).toBe(404);
      expect((await clients.admin43!.post(`/api/registrations/${id}/reject`, { reason: 'x' })).status).toBe(
        404,
      );
    }
  });

  it('is closed to municipal staff, providers and auditors (403) and to the public (401)', async () => {
    for (const who of ['municipal', 'provider', 'auditor']) {
      expect((await clients[who]!.get('/api/registrations')).status, who).toBe(403);
      expect((await clients[who]!.get(`/api/registrations/${ids.takahashi}`)).status, who).toBe(403);
      expect((await clients[who]!.post(`/api/registrations/${ids.takahashi}/accept`, {})).status, who).toBe(
        403,
      );
    }
    expect((await new TestClient(t).get('/api/registrations')).status).toBe(401);
    expect((await clients.admin!.get('/api/registrations/not-a-uuid')).status).toBe(404);
  });
});

type Suggestion = { child: { id: string; version: number }; score: number; reasons: { code: string }[] };
const suggestionsFor = async (who: string, key: string): Promise<Suggestion[]> => {
  const res = await clients[who]!.get(`/api/registrations/${ids[key]}`);
  expect(res.status).toBe(200);
  return res.body.suggestions;
};
const reasonsOf = (s: Suggestion[], childKey: string) =>
  s.find((x) => x.child.id === children[childKey])?.reasons.map((r) => r.code) ?? [];

describe('suggested matches', () => {
  it('finds 高橋 for 髙橋 and ユート for ユウト, best first, with the full registration', async () => {
    const res = await clients.admin!.get(`/api/registrations/${ids.takahashi}`);
    expect(res.body.registration.payload.child).toMatchObject({ familyName: '髙橋', givenKana: 'ユウト' });
    expect(res.body.can).toEqual({ decide: true });
    const s: Suggestion[] = res.body.suggestions;
    expect(s[0]!.child.id).toBe(children.takahashi);
    expect(s[0]!.score).toBe(100);
    expect(reasonsOf(s, 'takahashi')).toEqual(
      expect.arrayContaining(['kana_variant', 'kanji_variant', 'dob_same', 'sex_same', 'address_same']),
    );
    expect(s.map((x) => x.child.id)).toContain(children.takahashiMiura);
    expect(s.map((x) => x.child.id)).not.toContain(children.stranger);
  });

  it('suggests only records within the reviewer’s own area', async () => {
    const s = await suggestionsFor('coordEast', 'takahashi');
    expect(s.map((x) => x.child.id)).toContain(children.takahashi);
    expect(s.map((x) => x.child.id)).not.toContain(children.takahashiMiura);
  });

  it('finds a record whose birth date has day and month swapped', async () => {
    const s = await suggestionsFor('admin', 'sato');
    expect(s[0]!.child.id).toBe(children.sato);
    expect(reasonsOf(s, 'sato')).toEqual(expect.arrayContaining(['kana_same', 'kanji_same', 'dob_swapped']));
  });

  it('flags a possible twin with a lower score', async () => {
    const s = await suggestionsFor('admin', 'twin');
    const twin = s.find((x) => x.child.id === children.takahashi)!;
    expect(twin.reasons.map((r) => r.code)).toContain('possible_twin');
    expect(twin.score).toBeLessThanOrEqual(30);
  });

  it('matches 斎藤 with 斉藤 only weakly, also on records without match keys', async () => {
    const s = await suggestionsFor('admin', 'saito');
    const saito = s.find((x) => x.child.id === children.saitoKeyless)!;
    expect(saito.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['kanji_weak', 'kana_same']));
    expect(saito.score).toBeLessThan(100);
  });

  it('audits the read of the registration and of the suggested records', async () => {
    await clients.coordEast!.get(`/api/registrations/${ids.sato}`);
    const rows = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read'), eq(auditLog.entityType, 'registration')));
    expect(rows.some((r) => r.entityIds.includes(ids.sato!))).toBe(true);
    const searches = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'search'), eq(auditLog.entityType, 'child')));
    expect(searches.some((r) => r.entityIds.includes(children.sato!))).toBe(true);
  });
});
