import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, prefectures } from '../../db/schema';
import { CARE_ITEMS, watchLevelsOf } from '../../shared/care-score';
import { DEVICE_KINDS } from './schemas-submit';

/** Names of the device kinds on the form. */
export const DEVICE_KIND_LABELS = {
  ventilator: { ja: '人工呼吸器', en: 'Ventilator' },
  oxygen_concentrator: { ja: '酸素濃縮器', en: 'Oxygen concentrator' },
  oxygen_cylinder: { ja: '酸素ボンベ', en: 'Oxygen cylinder' },
  suction_unit: { ja: '吸引器', en: 'Suction unit' },
  feeding_pump: { ja: '経管栄養ポンプ', en: 'Feeding pump' },
  pulse_oximeter: { ja: 'パルスオキシメーター', en: 'Pulse oximeter' },
  nebulizer: { ja: 'ネブライザー', en: 'Nebulizer' },
  cough_assist: { ja: '排痰補助装置', en: 'Cough assist' },
  infusion_pump: { ja: '輸液ポンプ', en: 'Infusion pump' },
  electric_bed: { ja: '電動ベッド', en: 'Electric bed' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Record<(typeof DEVICE_KINDS)[number], { ja: string; en: string }>;

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
