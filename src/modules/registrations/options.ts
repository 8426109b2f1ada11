import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, prefectures } from '../../db/schema';
import { CARE_ITEMS, watchLevelsOf } from '../../shared/care-score';
import { DEVICE_KIND_LABELS, DEVICE_KINDS } from '../../shared/vocab/registry';

/**
 * What the public form offers: the prefectures this deployment serves, their municipalities, the care items
 * of the score table and the device kinds. Nothing personal; the same for everyone.
 */
export async function registrationOptions(db: DbOrTx) {
  const prefs = await db
    .select({ code: prefectures.code, name: prefectures.name })
    .from(prefectures)
    .orderBy(asc(prefectures.code));
  const munis = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      kana: municipalities.kana,
      prefectureCode: municipalities.prefectureCode,
    })
    .from(municipalities)
    .innerJoin(prefectures, eq(prefectures.code, municipalities.prefectureCode))
    .orderBy(asc(municipalities.code));
  return {
    prefectures: prefs,
    municipalities: munis,
    careItems: CARE_ITEMS.map((i) => ({ code: i.code, ja: i.ja, en: i.en, watchLevels: watchLevelsOf(i) })),
    deviceKinds: DEVICE_KINDS.map((code) => ({ code, ...DEVICE_KIND_LABELS[code] })),
  };
}

/** The prefecture of a municipality the deployment serves, or undefined (unknown municipality or tenant). */
export async function servedPrefectureOf(db: DbOrTx, municipalityCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ prefectureCode: prefectures.code })
    .from(municipalities)
    .innerJoin(prefectures, eq(prefectures.code, municipalities.prefectureCode))
    .where(eq(municipalities.code, municipalityCode));
  return row?.prefectureCode;
}
