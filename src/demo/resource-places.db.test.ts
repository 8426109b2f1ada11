import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resourceLocations } from '../db/schema';
import { places } from '../db/schema/places';
import { distanceKm } from '../modules/resources/place-names';
import { municipalOffice } from '../shared/municipal-offices';
import { findMunicipality } from '../shared/municipalities';
import { createTestDatabase } from '../test/db';
import { makePrefecture } from '../test/factories';
import { generateResources } from './resources';

/** Every demo listing lies near its own municipality; the gazetteer is seeded with the listings. */
describe('demo listings and places', () => {
  it('places every listing near its municipality’s office and seeds stations and 町字', async () => {
    const db = await createTestDatabase();
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      await makePrefecture(db.systemDb, '14');
      await generateResources(db.systemDb, { seed: 7, prefectureCodes: ['14'], perPrefecture: 400, now });
      const located = await db.systemDb
        .select({
          code: resourceLocations.municipalityCode,
          latitude: resourceLocations.latitude,
          longitude: resourceLocations.longitude,
        })
        .from(resourceLocations);
      expect(located.length).toBe(400);
      for (const l of located) {
        const office = municipalOffice(l.code)!;
        expect(office, l.code).toBeDefined();
        // Designated cities scatter ±4 km, cities ±2 km, towns ±1.4 km around the office (per axis).
        const bound = findMunicipality(l.code)?.kind === 'designated_city' ? 7 : 3.5;
        const km = distanceKm(office, { latitude: Number(l.latitude), longitude: Number(l.longitude) });
        expect(km, `${l.code} ${l.latitude},${l.longitude}`).toBeLessThan(bound);
      }
      const station = await db.systemDb
        .select()
        .from(places)
        .where(and(eq(places.kind, 'station'), eq(places.name, '藤沢駅')));
      expect(station[0]?.municipalityCode).toBe('142051');
      const towns = await db.systemDb.select().from(places).where(eq(places.source, 'listings'));
      expect(towns.length).toBeGreaterThan(30);
      expect(towns.every((t) => t.latitude !== null && t.kind === 'town')).toBe(true);
    } finally {
      await db.close();
    }
  });
});
