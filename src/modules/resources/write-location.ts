import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { resourceLocations, resourceServiceLocations } from '../../db/schema';
import { refreshListingPlaces } from './places';
import type { ServiceInput } from './schemas';
import type { ResourceWriter } from './write-service';

type Location = ServiceInput['location'];

/** Writes the primary location (insert, or update in place) and returns its municipality. */
export async function writeLocation(
  tx: DbOrTx,
  w: ResourceWriter,
  serviceId: string,
  organizationId: string,
  loc: Location,
  municipalityCode: string,
  existingLocationId: string | null,
) {
  const values = {
    name: loc.name ?? null,
    postalCode: loc.postalCode ?? null,
    address: loc.address,
    municipalityCode,
    latitude: loc.latitude ?? null,
    longitude: loc.longitude ?? null,
  };
  if (existingLocationId) {
    const [before] = await tx
      .select({ was: resourceLocations.municipalityCode })
      .from(resourceLocations)
      .where(eq(resourceLocations.id, existingLocationId));
    await tx.update(resourceLocations).set(values).where(eq(resourceLocations.id, existingLocationId));
    // The 町字 of the search follow the address (places.ts): of the municipality left and the one entered.
    await refreshListingPlaces(tx, w.prefectureCode, w.at, [
      municipalityCode,
      before?.was ?? municipalityCode,
    ]);
    return;
  }
  const [row] = await tx
    .insert(resourceLocations)
    .values({ ...values, prefectureCode: w.prefectureCode, organizationId })
    .returning({ id: resourceLocations.id });
  await tx
    .insert(resourceServiceLocations)
    .values({ serviceId, locationId: row!.id, prefectureCode: w.prefectureCode, isPrimary: true });
  await refreshListingPlaces(tx, w.prefectureCode, w.at, [municipalityCode]);
}
