/** The choices of the story form and the list's filters: regions and municipalities, the writer's and all. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, regionMunicipalities, regions } from '../../db/schema';
import { placeWithin, type StoryPolicy } from './policy';
import { requireStories } from './scope';

export async function storyOptions(db: DbOrTx, policy: StoryPolicy) {
  requireStories(policy, 'read');
  const pref = policy.prefectureCode!;
  const [allRegions, members] = await Promise.all([
    db
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(eq(regions.prefectureCode, pref))
      .orderBy(asc(regions.sortOrder), asc(regions.name)),
    db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        regionId: regionMunicipalities.regionId,
      })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, regionMunicipalities.municipalityCode))
      .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
      .where(and(eq(regions.prefectureCode, pref), isNull(regionMunicipalities.validTo)))
      .orderBy(asc(municipalities.code)),
  ]);
  const area = policy.write ? policy.area : ({ kind: 'none' } as const);
  const ownMunicipalities = members.filter((m) =>
    placeWithin(area, { regionId: m.regionId, municipalityCode: m.code }),
  );
  const ownRegions =
    area.kind === 'municipality'
      ? allRegions.filter((r) => ownMunicipalities.some((m) => m.regionId === r.id))
      : allRegions.filter((r) => placeWithin(area, { regionId: r.id, municipalityCode: null }));
  return {
    canWrite: policy.write && area.kind !== 'none',
    regions: ownRegions,
    municipalities: ownMunicipalities,
    allRegions,
    allMunicipalities: members,
  };
}
