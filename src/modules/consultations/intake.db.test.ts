/**
 * Intake rules: a municipal asker names its division (and no one else does); a registered child must be one the
 * recorder may see in the registry — another municipality's, another prefecture's, or one whose guardian has not
 * agreed to sharing with the municipality is refused without revealing that it exists.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild, makeOrganisation } from '../../test/factories';
import { type ConsultationWorld, childWithConsents, consultationWorld, intake, intakeBody } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('the asker’s municipal division', () => {
  it('is required when a municipality asks, and kept', async () => {
    const missing = await w.users.fujisawa.client.post(
      '/api/consultations',
      intakeBody({ askerKind: 'municipality' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.issues).toEqual([
      { path: 'askerDivision', message: expect.stringMatching(/担当課.*\/ Choose the municipal division/) },
    ]);
    const c = await intake(w.users.fujisawa.client, {
      askerKind: 'municipality',
      askerDivision: 'maternal_child_health',
    });
    expect(c.askerDivision).toBe('maternal_child_health');
    const other = await intake(w.users.fujisawa.client, {
      askerKind: 'municipality',
      askerDivision: 'other',
    });
    expect(other.askerDivision).toBe('other');
  });

  it('must be empty for any other asker; an unknown division is 400', async () => {
    const res = await w.users.fujisawa.client.post(
      '/api/consultations',
      intakeBody({ askerKind: 'family', askerDivision: 'education' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('askerDivision');
    expect(res.body.error.ja).toBeTruthy();
    expect(res.body.error.en).toBeTruthy();
    const unknown = await w.users.fujisawa.client.post(
      '/api/consultations',
      intakeBody({ askerKind: 'municipality', askerDivision: 'finance' }),
    );
    expect(unknown.status).toBe(400);
    const none = await intake(w.users.fujisawa.client, { askerKind: 'school', askerDivision: null });
    expect(none.askerDivision).toBeNull();
  });

  it('holds when a case is changed: a municipal asker keeps a division, another asker drops it', async () => {
    const c = await intake(w.users.fujisawa.client, { askerKind: 'family', askerDivision: null });
    const client = w.users.fujisawa.client;
    const missing = await client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      askerKind: 'municipality',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('askerDivision');
    const ok = await client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      askerKind: 'municipality',
      askerDivision: 'education',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.askerDivision).toBe('education');
    const back = await client.patch(`/api/consultations/${c.id}`, {
      version: ok.body.version,
      askerKind: 'hospital',
    });
    expect(back.status).toBe(200);
    expect(back.body.askerDivision).toBeNull();
    const wrong = await client.patch(`/api/consultations/${c.id}`, {
      version: back.body.version,
      askerDivision: 'childcare',
    });
    expect(wrong.status).toBe(400);
  });
});

describe('the organisation that asked (the learning figures count consultations from trained organisations)', () => {
  it('is kept for an organisation asker, shown by name, and dropped when the asker becomes a family', async () => {
    const clinic = await makeOrganisation(t.db.systemDb, '14', {
      kind: 'provider',
      name: '訪問看護ステーションつなぐ',
    });
    const client = w.users.fujisawa.client;
    const c = await intake(client, { askerKind: 'provider', askerOrganisationId: clinic.id });
    const detail = await client.get(`/api/consultations/${c.id}`);
    expect(detail.body.askerOrganisation).toEqual({ id: clinic.id, name: '訪問看護ステーションつなぐ' });
    const family = await client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      askerKind: 'family',
    });
    expect(family.status, JSON.stringify(family.body)).toBe(200);
    expect(family.body.askerOrganisation).toBeNull();
  });

  it('is refused for a family or a municipality, and for an organisation of another prefecture, changing nothing', async () => {
    const client = w.users.fujisawa.client;
    const clinic = await makeOrganisation(t.db.systemDb, '14', { kind: 'hospital' });
    const elsewhere = await makeOrganisation(t.db.systemDb, '43', { kind: 'hospital' });
    const count = async () =>
      (await t.db.systemDb.select({ n: sql<number>`count(*)::int` }).from(consultations))[0]!.n;
    const before = await count();
    const family = await client.post(
      '/api/consultations',
      intakeBody({ askerKind: 'family', askerOrganisationId: clinic.id }),
    );
    expect(family.status).toBe(400);
    expect(family.body.error.issues[0].path).toBe('askerOrganisationId');
    const foreign = await client.post(
      '/api/consultations',
      intakeBody({ askerKind: 'hospital', askerOrganisationId: elsewhere.id }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0]).toEqual({
      path: 'askerOrganisationId',
      message: expect.stringMatching(/ネットワークにありません .*not in this prefecture/),
    });
    expect(await count()).toBe(before);
  });
});

describe('the registered child at intake (denied)', () => {
  const about = (childId: string) => intakeBody({ child: { kind: 'registered', childId } });

  it('refuses a child of another prefecture, or one withheld from the municipality, as unknown', async () => {
    const kumamotoChild = await makeChild(t.db.systemDb, '43', '431001');
    const withheld = await childWithConsents(t, { shareMunicipality: false });
    for (const childId of [kumamotoChild.id, withheld.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await w.users.fujisawa.client.post('/api/consultations', about(childId));
      expect(res.status, childId).toBe(400);
      expect(res.body.error.code).toBe('consultation_child_unknown');
    }
    // The centre of 神奈川 cannot name 熊本's child either.
    const res = await w.users.centre.client.post('/api/consultations', about(kumamotoChild.id));
    expect(res.body.error.code).toBe('consultation_child_unknown');
  });

  it('accepts a child the recorder finds in its registry search', async () => {
    const child = await childWithConsents(t, { familyName: '湘南' });
    const found = await w.users.fujisawa.client.get('/api/children?q=湘南');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(child.id);
    const c = await intake(w.users.fujisawa.client, { child: { kind: 'registered', childId: child.id } });
    expect(c.child).toMatchObject({ kind: 'registered', childId: child.id, detailsHidden: false });
  });
});
