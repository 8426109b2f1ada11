/**
 * The denied story of outage lists and declared events: 茅ヶ崎市's staff name 藤沢市, its event, its children and
 * the event's review and get not-found throughout, as for unknown ones; another prefecture's staff not-found;
 * providers and learners 403 before anything is read; auditors read but change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { disasterChild } from './testing';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');
const ODAWARA = code('小田原市');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const SINCE = encodeURIComponent('2026-09-01T09:00:00+09:00');

let t: TestApp;
const c: Record<string, TestClient> = {};
let eventId = '';
let child = '';
let withheld = '';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-09-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const west = await makeRegion(db, '14', '県西', [ODAWARA]);
  child = (await disasterChild(db, FUJISAWA, { batteryHours: 5 })).id;
  withheld = (await disasterChild(db, FUJISAWA, { batteryHours: 3, disasterConsent: false })).id;
  const org = await makeOrganisation(db, '14', { municipalityCode: FUJISAWA });
  c.admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  const chigasaki = await signedInUser(t, 'municipal_staff', {
    prefectureCode: '14',
    municipalityCode: CHIGASAKI,
  });
  c.chigasaki = chigasaki.client;
  c.west = (
    await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: west.id })
  ).client;
  c.kumamoto = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  c.provider = (
    await signedInUser(t, 'provider_staff', { prefectureCode: '14', organisationId: org.id })
  ).client;
  c.learner = (await signedInUser(t, 'learner', { prefectureCode: '14' })).client;
  c.auditor = (await signedInUser(t, 'auditor', { prefectureCode: '14' })).client;
  const declared = await c.admin.post('/api/disaster-events/events', {
    title: '停電',
    reason: '藤沢市で大規模停電',
    municipalityCodes: [FUJISAWA],
    startsAt: '2026-09-01T09:00:00+09:00',
    endsAt: '2026-09-02T09:00:00+09:00',
    // Even named a responder, 茅ヶ崎市's staff open nothing outside their municipality.
    responderUserIds: [chigasaki.user.id],
  });
  expect(declared.status).toBe(200);
  eventId = declared.body.id;
}, 60_000);
afterAll(() => t.close());

const reads = (event: string, municipality: string) => [
  `/api/disaster-events/outage?municipalities=${municipality}&since=${SINCE}`,
  `/api/disaster-events/shelters?municipalities=${municipality}`,
  `/api/disaster-events/events/${event}`,
  `/api/disaster-events/events/${event}/outage`,
];
const writes = (client: TestClient, event: string, childId: string) => [
  client.post(`/api/disaster-events/events/${event}/openings`, { childId, reason: '安否確認のため' }),
  client.post('/api/disaster-events/safety-checks', { childId, result: 'safe' }),
  client.post(`/api/disaster-events/events/${event}/end`, { version: 1 }),
];

describe('outage lists and declared events, denied', () => {
  it('answers 茅ヶ崎市 staff not-found on 藤沢市, its event and its children, as for unknown ones', async () => {
    for (const path of [...reads(eventId, FUJISAWA), ...reads(UNKNOWN, '149999')]) {
      const res = await c.chigasaki!.get(path);
      expect(res.status, path).toBe(404);
    }
    for (const [ev, ch] of [
      [eventId, child],
      [eventId, withheld],
      [UNKNOWN, UNKNOWN],
    ] as const) {
      for (const res of await Promise.all(writes(c.chigasaki!, ev!, ch!))) {
        expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
      }
    }
    expect((await c.chigasaki!.get('/api/disaster-events/events')).body.items).toEqual([]);
    const own = await c.chigasaki!.get(
      `/api/disaster-events/outage?municipalities=${CHIGASAKI}&since=${SINCE}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.rows).toEqual([]);
  });

  it('answers a coordinator of another region and another prefecture not-found', async () => {
    for (const client of [c.west!, c.kumamoto!]) {
      for (const path of reads(eventId, FUJISAWA)) expect((await client.get(path)).status, path).toBe(404);
      // A coordinator reads no reviews at all (403 by role, before the id); another prefecture's administrator 404.
      expect((await client.get(`/api/disaster-events/events/${eventId}/review`)).status).toBe(
        client === c.west ? 403 : 404,
      );
      for (const res of await Promise.all(writes(client, eventId, child))) expect(res.status).toBe(404);
    }
  });

  it('refuses providers and learners by role, and lets auditors read but not change', async () => {
    for (const client of [c.provider!, c.learner!]) {
      for (const path of [...reads(eventId, FUJISAWA), '/api/disaster-events/events']) {
        expect((await client.get(path)).status, path).toBe(403);
      }
    }
    expect((await c.auditor!.get(`/api/disaster-events/events/${eventId}/outage`)).status).toBe(200);
    expect((await c.auditor!.get(`/api/disaster-events/events/${eventId}/review`)).status).toBe(200);
    for (const res of await Promise.all(writes(c.auditor!, eventId, child))) expect(res.status).toBe(403);
  });
});
