import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { childConsents, childDisasterConsents, childDisasterProfiles, children, users } from '../db/schema';
import { disasterEventOpenings, disasterEvents, disasterSafetyChecks } from '../db/schema/disaster-events';
import { coverage } from '../modules/disaster/coverage';
import { municipalityList } from '../modules/disaster/list';
import { requireDisasterReader } from '../modules/disaster/scope';
import { eventState } from '../modules/disaster-events/policy';
import { testConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTestDatabase } from '../test/db';
import { seedDisasterEvents } from './disaster-events';
import { resolveMunicipalityCode } from './prefecture-plans';
import { seedDemo } from './seed';

const now = new Date('2026-12-01T00:00:00Z');

async function seeded(count: number) {
  const db = await createTestDatabase();
  await seedDemo(
    { db, config: testConfig(), log: createLogger('silent'), now: () => now },
    { children: count, passwords: 'demo password for tests' },
  );
  return db;
}

/**
 * The demo's declared event: over, not signed off, with at least one opening of a child at home whose guardian
 * gave no disaster-planning consent, in the event's areas, by one of its responders, with a reason.
 */
async function expectEventToReview(db: Database) {
  const s = db.systemDb;
  const events = await s.select().from(disasterEvents).where(eq(disasterEvents.prefectureCode, '14'));
  expect(events).toHaveLength(1);
  const event = events[0]!;
  expect(eventState(event, now)).toBe('ended');
  expect(event.reviewSignedOffAt).toBeNull();
  expect(event.municipalityCodes).toContain(resolveMunicipalityCode('14', '藤沢市'));
  const openings = await s
    .select()
    .from(disasterEventOpenings)
    .where(eq(disasterEventOpenings.eventId, event.id));
  expect(openings.length).toBeGreaterThan(0);
  const opened = await s
    .select({ id: children.id, status: children.status, municipalityCode: children.municipalityCode })
    .from(children)
    .where(
      inArray(
        children.id,
        openings.map((o) => o.childId),
      ),
    );
  const consents = await s
    .select()
    .from(childDisasterConsents)
    .where(
      inArray(
        childDisasterConsents.childId,
        openings.map((o) => o.childId),
      ),
    );
  const responders = await s
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.id, event.responderUserIds));
  for (const o of openings) {
    expect(o.reason.length).toBeGreaterThan(10);
    expect(o.openedAt >= event.startsAt && o.openedAt < event.endsAt).toBe(true);
    expect(event.responderUserIds).toContain(o.userId);
    const child = opened.find((c) => c.id === o.childId)!;
    expect(child.status).toBe('at_home');
    expect(event.municipalityCodes).toContain(child.municipalityCode);
    expect(consents.find((c) => c.childId === o.childId)?.granted ?? false).toBe(false);
    const role = responders.find((r) => r.id === o.userId)!.role;
    if (child.municipalityCode !== resolveMunicipalityCode('14', '藤沢市')) expect(role).toBe('centre_staff');
  }
}

describe('demo disaster readiness', () => {
  it("gives 藤沢市's staff a list with profiles and plans to record, and the centre its coverage", async () => {
    const db = await seeded(150);
    try {
      const fujisawa = resolveMunicipalityCode('14', '藤沢市');
      const municipal = {
        role: 'municipal_staff',
        prefectureCode: '14',
        scope: { kind: 'municipality', municipalityCode: fujisawa },
      } as never;
      const list = await municipalityList(db.systemDb, requireDisasterReader(municipal), fujisawa);
      expect(list.rows.length).toBeGreaterThan(0);
      expect(list.rows[0]!.electricityDependent).toBe(true);
      expect(list.rows.some((r) => r.version > 0 && r.contacts.length > 0)).toBe(true);
      expect(list.counts.children).toBeGreaterThanOrEqual(list.counts.consented);
      const profiles = await db.systemDb
        .select()
        .from(childDisasterProfiles)
        .where(eq(childDisasterProfiles.prefectureCode, '14'));
      expect(profiles.length).toBeGreaterThan(5);
      const centre = { role: 'centre_staff', prefectureCode: '14', scope: { kind: 'prefecture' } } as never;
      const cov = await coverage(db.systemDb, centre);
      expect(cov.total.electricityDependent).toBeGreaterThan(0);
      expect(cov.total.agreedPlan).toBeGreaterThan(0);
      await expectEventToReview(db);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('has an opening beyond consent for the access review however small the seed', async () => {
    for (const count of [20, 40]) {
      const db = await seeded(count);
      try {
        await expectEventToReview(db);
      } finally {
        await db.close();
      }
    }
  }, 240_000);

  it("records a guardian's withdrawal when no child at home lacks the consent, and opens that child", async () => {
    const db = await seeded(20);
    try {
      const s = db.systemDb;
      await s.delete(disasterSafetyChecks);
      await s.delete(disasterEventOpenings);
      await s.delete(disasterEvents);
      const without = await s
        .select({ id: children.id })
        .from(children)
        .where(
          sql`not exists (select 1 from child_disaster_consents d where d.child_id = ${children.id} and d.granted)`,
        );
      await s.insert(childConsents).values(
        without.map((c) => ({
          childId: c.id,
          purpose: 'disaster_planning' as const,
          granted: true,
          decidedOn: '2025-04-01',
          method: 'paper' as const,
        })),
      );
      await seedDisasterEvents(s, {
        prefectureCode: '14',
        municipalityCode: resolveMunicipalityCode('14', '藤沢市'),
        centreEmail: 'centre-admin@demo.tsunagu.example',
        municipalEmail: 'municipal-staff@demo.tsunagu.example',
        centreStaffEmail: 'centre-staff@demo.tsunagu.example',
        now,
      });
      const withdrawn = await s
        .select()
        .from(childConsents)
        .where(and(eq(childConsents.purpose, 'disaster_planning'), isNotNull(childConsents.withdrawnOn)));
      expect(withdrawn).toHaveLength(1);
      expect(withdrawn[0]!.withdrawnOn! < '2026-11-10').toBe(true);
      await expectEventToReview(db);
      const [opening] = await s.select().from(disasterEventOpenings);
      expect(opening!.childId).toBe(withdrawn[0]!.childId);
    } finally {
      await db.close();
    }
  }, 240_000);
});
