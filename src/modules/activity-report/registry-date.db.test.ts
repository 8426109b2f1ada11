/**
 * The activity report's registry section counts a child in the 年度 the child was registered — the guardian's
 * first consent decision (the registration form carries them) or the day the family sent the registration form,
 * else the day the record was made — not the day the record happened to be typed in: a centre that enters last
 * year's paper forms in April, or moves its ledger into the product, still reports those children for last year
 * (docs/municipal-support.md §6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childConsents, registrations } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import type { ActivityReportOut } from './schemas';

const FUJISAWA = findMunicipalityByName('14', '藤沢市')!.code;

let t: TestApp;
let admin: TestClient;

async function registered(fiscalYear: number): Promise<unknown> {
  const res = await admin.get(`/api/activity-report?fiscalYear=${fiscalYear}`);
  expect(res.status).toBe(200);
  const r = res.body as ActivityReportOut;
  return r.sections.find((s) => s.key === 'registry')!.figures.find((f) => f.key === 'registryTotal')?.value;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  const made = new Date('2026-04-20T01:00:00Z'); // typed in during 年度 2026
  // Registered on paper on 10 March 2026 (年度 2025): the guardian's consents carry the day.
  const paper = await makeChild(db, '14', FUJISAWA, { createdAt: made, consent: false });
  await db.insert(childConsents).values([
    {
      childId: paper.id,
      purpose: 'share_municipality',
      granted: true,
      decidedOn: '2026-03-10',
      method: 'paper',
    },
    { childId: paper.id, purpose: 'statistics', granted: false, decidedOn: '2026-03-10', method: 'paper' },
  ]);
  // The family sent the registration form on 30 March 2026 (Japan time), ticking no consent; accepted in April.
  const form = await makeChild(db, '14', FUJISAWA, { createdAt: made, consent: false });
  await db.insert(registrations).values({
    prefectureCode: '14',
    receiptNo: 'R-TEST-0001',
    status: 'accepted',
    submitterKind: 'family',
    municipalityCode: FUJISAWA,
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
    birthDate: '2019-04-05',
    payload: {},
    submittedAt: new Date('2026-03-30T14:30:00Z'), // 31 March 23:30 in Japan
    reviewedAt: made,
    childId: form.id,
  });
  // Typed in during 年度 2026 with no earlier date anywhere: a child of 年度 2026.
  await makeChild(db, '14', FUJISAWA, { createdAt: made, consent: false });
  // A consent asked for later does not move the registration: registered in 年度 2024, consent in 年度 2026.
  const earlier = await makeChild(db, '14', FUJISAWA, {
    createdAt: new Date('2025-02-01T01:00:00Z'),
    consent: false,
  });
  await db.insert(childConsents).values({
    childId: earlier.id,
    purpose: 'disaster_planning',
    granted: true,
    decidedOn: '2026-05-01',
    method: 'paper',
  });
}, 60_000);
afterAll(() => t.close());

describe('the yearly activity report counts children by the day they were registered', () => {
  it('counts a record typed in after the 年度 in the 年度 of its consent or registration form', async () => {
    expect(await registered(2024)).toBe(1);
    expect(await registered(2025)).toBe(3);
    expect(await registered(2026)).toBe(4);
  });
});
