/**
 * The tables of migration 0045: the guardian's current decision on disaster planning follows child_consents by
 * trigger (newest decision first, a withdrawal is no consent), and the battery hours add up in the database.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { childConsents, childDisasterConsents, childDisasterProfiles } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestDatabase } from '../../test/db';
import { makeChild, makePrefecture } from '../../test/factories';

let db: Database;
const FUJISAWA = findMunicipalityByName('14', '藤沢市')!.code;

beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '14');
});
afterAll(async () => db.close());

describe('disaster tables', () => {
  it('keeps the current disaster-planning decision and the total battery hours', async () => {
    const s = db.systemDb;
    const child = await makeChild(s, '14', FUJISAWA);
    const consent = async () =>
      (await s.select().from(childDisasterConsents).where(eq(childDisasterConsents.childId, child.id)))[0]
        ?.granted ?? null;
    expect(await consent()).toBeNull();
    await s.insert(childConsents).values({
      childId: child.id,
      purpose: 'disaster_planning',
      granted: true,
      decidedOn: '2026-04-01',
      method: 'paper',
    });
    expect(await consent()).toBe(true);
    await s.insert(childConsents).values({
      childId: child.id,
      purpose: 'disaster_planning',
      granted: true,
      decidedOn: '2026-05-01',
      method: 'paper',
      withdrawnOn: '2026-05-01',
    });
    expect(await consent()).toBe(false);

    await s.insert(childDisasterProfiles).values({ childId: child.id, prefectureCode: '14' });
    const total = async () =>
      (await s.select().from(childDisasterProfiles).where(eq(childDisasterProfiles.childId, child.id)))[0]!
        .batteryHoursTotal;
    expect(await total()).toBeNull();
    await s
      .update(childDisasterProfiles)
      .set({ internalBatteryHours: 6.5, externalBatteryHours: 10, spareBatteryHours: 8 })
      .where(eq(childDisasterProfiles.childId, child.id));
    expect(await total()).toBe(24.5);
    await expect(
      s.execute(
        sql`update child_disaster_profiles set internal_battery_hours = 80 where child_id = ${child.id}`,
      ),
    ).rejects.toThrow();
  });
});
