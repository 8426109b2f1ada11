import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../db/client';
import {
  centreRegions,
  centres,
  childCareItems,
  children,
  learnerProfiles,
  learnerSignUps,
  organisations,
  people,
  regions,
  users,
} from '../db/schema';
import { ROLE_INFO, ROLES } from '../modules/access/roles';
import { openSecret } from '../modules/accounts/crypto';
import { verifyPassword } from '../modules/accounts/password';
import { testConfig } from '../server/config';
import type { Deps } from '../server/context';
import { createLogger } from '../server/logger';
import { computeCareScore } from '../shared/care-score';
import { nameKeys } from '../shared/names';
import { createTestDatabase } from '../test/db';
import { generateNetwork } from './generate';
import { generateNational } from './national';
import { type DemoAccount, seedDemo, seedDemoIfEmpty } from './seed';

const depsOf = (db: Database): Omit<Deps, 'jobs'> => ({
  db,
  config: testConfig(),
  log: createLogger('silent'),
  now: () => new Date('2026-06-01T00:00:00Z'),
});

/** Content only (no ids, no timestamps), in a stable order. */
async function snapshot(db: Database) {
  const s = db.systemDb;
  return {
    children: await s
      .select({
        familyName: children.familyName,
        givenName: children.givenName,
        familyKana: children.familyKana,
        givenKana: children.givenKana,
        birthDate: children.birthDate,
        sex: children.sex,
        municipalityCode: children.municipalityCode,
        status: children.status,
        careScore: children.careScore,
      })
      .from(children)
      .orderBy(
        asc(children.familyKana),
        asc(children.givenKana),
        asc(children.birthDate),
        asc(children.givenName),
      ),
    organisations: (
      await s.select({ name: organisations.name }).from(organisations).orderBy(asc(organisations.name))
    ).map((o) => o.name),
    people: (
      await s
        .select({ f: people.familyName, g: people.givenName, e: people.email })
        .from(people)
        .orderBy(asc(people.email))
    ).map((p) => `${p.e} ${p.f} ${p.g}`),
    // Who serves whom, by names rather than ids.
    affiliations: rowsOf<{ k: string }>(
      await s.execute(sql`select c.family_name || c.given_name || c.birth_date || '>' || o.name || ':' || a.kind
        || ':' || a.started_on || ':' || coalesce(a.ended_on::text, '') as k
        from child_affiliations a join children c on c.id = a.child_id join organisations o on o.id = a.organisation_id
        order by 1`),
    ).map((r) => r.k),
    // The rest of each record, by the child's name and birth date.
    details: rowsOf<{ k: string }>(
      await s.execute(sql`select c.family_name || c.given_name || c.birth_date || '>' || x.k as k from children c
        join (select child_id, 'care:' || code || ':' || watch || ':' || coalesce(judged_on::text, '') as k from child_care_items
              union all select child_id, 'device:' || kind || ':' || needs_mains || ':' || coalesce(battery_hours::text, '') from child_devices
              union all select child_id, 'guardian:' || given_name || ':' || relationship from child_guardians
              union all select child_id, 'diagnosis:' || name from child_diagnoses
              union all select child_id, 'consent:' || purpose || ':' || granted || ':' || decided_on from child_consents
              union all select child_id, 'residence:' || from_date || ':' || coalesce(to_date::text, '') from child_residences
             ) x on x.child_id = c.id
        order by 1`),
    ).map((r) => r.k),
  };
}

describe('generateNetwork', () => {
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await generateNetwork(a.systemDb, { seed: 7, prefectureCodes: ['14'], childrenPerPrefecture: 150 });
    await generateNetwork(b.systemDb, { seed: 7, prefectureCodes: ['14'], childrenPerPrefecture: 150 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('is deterministic: the same seed gives the same content on two fresh databases', async () => {
    const [sa, sb] = await Promise.all([snapshot(a), snapshot(b)]);
    expect(sa.children).toHaveLength(150);
    expect(sb).toEqual(sa);
  });

  it('completes each record: care items matching the score, devices, guardian, diagnosis, consents, residence', async () => {
    const db = a.systemDb;
    const kids = await db.select().from(children);
    const items = await db.select().from(childCareItems);
    const byChild = new Map<string, { code: string; watch: 'high' | 'mid' | 'low' }[]>();
    for (const i of items) byChild.set(i.childId, [...(byChild.get(i.childId) ?? []), i]);
    for (const k of kids) {
      const score = computeCareScore(byChild.get(k.id) ?? []);
      expect(k.careScore, k.id).toBe(score.total);
      expect(k.careTier, k.id).toBe(score.tier);
      expect(k.careScore).toBeGreaterThanOrEqual(3);
      expect(k.nameKey).toBe(nameKeys(k).nameKey);
      expect(k.kanaKey).not.toBe('');
    }
    const count = async (sqlText: ReturnType<typeof sql>) =>
      rowsOf<{ n: number }>(await db.execute(sqlText))[0]!.n;
    expect(
      await count(sql`select count(*)::int as n from children c
      where not exists (select 1 from child_guardians g where g.child_id = c.id)
         or not exists (select 1 from child_diagnoses d where d.child_id = c.id)
         or (select count(*) from child_residences r where r.child_id = c.id) <> 1`),
    ).toBe(0);
    // Devices follow the care items, and a ventilator always needs mains power.
    expect(
      await count(
        sql`select count(*)::int as n from child_devices where kind = 'ventilator' and not needs_mains`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from child_care_items i where i.code = 'ventilator'
      and not exists (select 1 from child_devices d where d.child_id = i.child_id and d.kind = 'ventilator')`),
    ).toBe(0);
    // About 90 % agreed to sharing with the municipality.
    const shared = await count(sql`select count(*)::int as n from child_consents
      where purpose = 'share_municipality' and granted`);
    expect(shared / kids.length).toBeGreaterThan(0.8);
    expect(shared / kids.length).toBeLessThan(0.97);
    // Children who moved out have their residence closed on the day their status changed.
    expect(
      await count(sql`select count(*)::int as n from children c join child_residences r on r.child_id = c.id
      where (c.status = 'moved_out') <> (r.to_date is not null)
         or (c.status = 'moved_out' and c.status_since is distinct from r.to_date)`),
    ).toBe(0);
  });

  it('places every child in a municipality of its prefecture that belongs to a current region', async () => {
    const stray = rowsOf(
      await a.systemDb.execute(sql`select c.id from children c
        where substr(c.municipality_code, 1, 2) <> c.prefecture_code
           or not exists (select 1 from region_municipalities rm join regions r on r.id = rm.region_id
                          where rm.municipality_code = c.municipality_code and rm.valid_to is null
                            and r.prefecture_code = c.prefecture_code)`),
    );
    expect(stray).toEqual([]);
  });

  it('keeps every region to municipalities of its own prefecture', async () => {
    const wrong = rowsOf(
      await a.systemDb.execute(sql`select r.name, rm.municipality_code from region_municipalities rm
        join regions r on r.id = rm.region_id join municipalities m on m.code = rm.municipality_code
        where m.prefecture_code <> r.prefecture_code or rm.valid_from <> '2024-04-01'`),
    );
    expect(wrong).toEqual([]);
  });

  it('creates the HQ covering the designated cities and one branch per prefectural region', async () => {
    const rows = await a.systemDb
      .select({ centre: centres.name, kind: centres.kind, region: regions.name, note: regions.note })
      .from(centreRegions)
      .innerJoin(centres, eq(centres.id, centreRegions.centreId))
      .innerJoin(regions, eq(regions.id, centreRegions.regionId));
    expect(
      rows
        .filter((r) => r.kind === 'hq')
        .map((r) => r.region)
        .sort(),
    ).toEqual(['川崎市', '横浜市', '相模原市'].sort());
    const branchRegions = rows.filter((r) => r.kind === 'branch');
    expect(branchRegions.map((r) => r.region).sort()).toEqual(
      ['横須賀・三浦', '湘南東部', '湘南西部', '県央', '県西'].sort(),
    );
    expect(branchRegions.every((r) => r.note?.includes('未検証'))).toBe(true);
  });

  it('gives every municipality its four divisions and has coordinators of each tier', async () => {
    const [div] = rowsOf<{ n: number }>(
      await a.systemDb.execute(sql`select count(*)::int as n from organisations
        where kind = 'municipal_division' and prefecture_code = '14'`),
    );
    expect(div!.n).toBe(33 * 4);
    const tiers = await a.systemDb
      .select({ tier: people.coordinatorTier, n: sql<number>`count(*)::int` })
      .from(people)
      .groupBy(people.coordinatorTier);
    expect(tiers.map((t) => t.tier ?? 'none').sort()).toEqual(['chief', 'municipal', 'none', 'regional']);
  });
});

describe('seedDemoIfEmpty', () => {
  let db: Database;
  let accounts: DemoAccount[] | null;
  beforeAll(async () => {
    db = await createTestDatabase();
    accounts = await seedDemoIfEmpty(depsOf(db));
  });
  afterAll(() => db?.close());

  it('seeds once and does nothing the second time', async () => {
    expect(accounts).not.toBeNull();
    const [{ n }] = (await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(children)) as [
      { n: number },
    ];
    expect(n).toBe(300);
    // The accounts, and the coordinator course's applicants (src/demo/applications.ts), no more the second time.
    const [before] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(before!.n).toBeGreaterThan(accounts!.length);
    expect(await seedDemoIfEmpty(depsOf(db))).toBeNull();
    const [again] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(again!.n).toBe(before!.n);
  });

  it('creates one account per role with the right scope columns', async () => {
    const rows = await db.systemDb.select().from(users);
    const byEmail = new Map(rows.map((u) => [u.email, u]));
    expect(new Set(accounts!.map((x) => x.role))).toEqual(new Set(ROLES));
    const get = (key: string) => byEmail.get(`${key}@demo.tsunagu.example`)!;

    expect(get('system-admin').prefectureCode).toBeNull();
    for (const key of ['centre-admin', 'centre-staff', 'auditor']) {
      const u = get(key);
      expect(u.prefectureCode).toBe('14');
      expect([u.scopeCentreId, u.scopeRegionId, u.scopeMunicipalityCode, u.scopeOrganisationId]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
    const [branch] = await db.systemDb
      .select()
      .from(centres)
      .where(eq(centres.id, get('branch-staff').scopeCentreId!));
    expect(branch!.kind).toBe('branch');
    const [region] = await db.systemDb
      .select()
      .from(regions)
      .where(eq(regions.id, get('regional-coordinator').scopeRegionId!));
    expect(region!.name).toBe('湘南東部');
    expect(get('municipal-staff').scopeMunicipalityCode).toBe('142051');
    expect(get('municipal-staff').personId).not.toBeNull();

    const provider = get('provider-staff');
    const [org] = await db.systemDb
      .select()
      .from(organisations)
      .where(eq(organisations.id, provider.scopeOrganisationId!));
    expect(org!.kind).toBe('provider');
    const served = rowsOf<{ n: number }>(
      await db.systemDb.execute(sql`select count(*)::int as n from child_affiliations
        where organisation_id = ${org!.id} and ended_on is null`),
    );
    expect(served[0]!.n).toBeGreaterThan(0);
  });

  it('gives each learner account a profile and the centre sign-ups to confirm', async () => {
    const learners = await db.systemDb
      .select({ email: users.email, profession: learnerProfiles.profession })
      .from(users)
      .leftJoin(learnerProfiles, eq(learnerProfiles.userId, users.id))
      .where(eq(users.role, 'learner'))
      .orderBy(asc(users.email));
    // The demo accounts; the other learners are the coordinator course's applicants (src/demo/applications.ts).
    const accountEmails = new Set(accounts!.map((a) => a.email));
    expect(learners.filter((l) => accountEmails.has(l.email)).map((l) => l.profession)).toEqual([
      'nurse',
      'nursery_teacher',
      'teacher',
    ]);
    expect(learners.every((l) => l.profession !== null)).toBe(true);
    const pending = await db.systemDb
      .select({ status: learnerSignUps.status, prefectureCode: learnerSignUps.prefectureCode })
      .from(learnerSignUps);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.status === 'pending' && p.prefectureCode === '14')).toBe(true);
  });

  it('enrols TOTP exactly for the roles that require it and returns working credentials', async () => {
    const rows = await db.systemDb.select().from(users);
    const secret = testConfig().secret;
    for (const acc of accounts!) {
      const u = rows.find((r) => r.email === acc.email)!;
      const needs = ROLE_INFO[u.role].requiresTotp;
      expect(Boolean(acc.totpSecret)).toBe(needs);
      expect(Boolean(u.totpEnabledAt)).toBe(needs);
      if (needs) expect(openSecret(u.totpSecret!, secret)).toBe(acc.totpSecret);
      expect(acc.password.length).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(accounts!.map((x) => x.password)).size).toBe(accounts!.length);
    const first = rows.find((r) => r.email === accounts![0]!.email)!;
    expect(await verifyPassword(first.passwordHash!, accounts![0]!.password)).toBe(true);
  });
});

describe('seedDemo with a fixed password', () => {
  it('shares one hash and honours the child count', async () => {
    const db = await createTestDatabase();
    try {
      const accounts = await seedDemo(depsOf(db), { children: 40, passwords: 'demo password for tests' });
      expect(accounts.every((x) => x.password === 'demo password for tests')).toBe(true);
      // The applicants of the demo course have no password (they cannot sign in).
      const hashes = await db.systemDb
        .selectDistinct({ h: users.passwordHash })
        .from(users)
        .where(isNotNull(users.passwordHash));
      expect(hashes).toHaveLength(1);
      const [c] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(children);
      expect(c!.n).toBe(40);
      const provider = await db.systemDb
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'provider_staff'), isNull(users.scopeOrganisationId)));
      expect(provider).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('generateNational', () => {
  it('generates all 47 prefectures with benchmark users', async () => {
    const db = await createTestDatabase();
    try {
      const result = await generateNational(db.systemDb, {
        seed: 3,
        children: 2_000,
        password: 'bench password 1',
      });
      expect(result.counts.prefectures).toBe(47);
      expect(result.counts.children).toBe(2_000);
      const [p] = await db.systemDb.select({ n: sql<number>`count(*)::int` }).from(regions);
      expect(p!.n).toBe(result.counts.regions);
      const perPref = rowsOf<{ n: number }>(
        await db.systemDb.execute(sql`select count(distinct prefecture_code)::int as n from children`),
      );
      expect(perPref[0]!.n).toBe(47);
      expect(result.users).toHaveLength(94);
      const municipal = result.users.filter((u) => u.role === 'municipal_staff');
      expect(municipal.every((u) => u.municipalityCode?.startsWith(u.prefectureCode))).toBe(true);
      const [u] = await db.systemDb
        .select()
        .from(users)
        .where(eq(users.email, 'centre-staff-13@bench.tsunagu.example'));
      expect(u!.prefectureCode).toBe('13');
    } finally {
      await db.close();
    }
  }, 120_000);
});
