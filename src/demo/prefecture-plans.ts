/**
 * Region (圏域) plans for the demo: 神奈川県 from reference-jp §7.2 (membership not verified), and a
 * mechanical grouping for any other prefecture (used by the national benchmark data).
 */
import {
  findMunicipalityByName,
  findPrefecture,
  type MunicipalityKind,
  type MunicipalityRef,
  municipalitiesOf,
} from '../shared/municipalities';

/**
 * Relative weight of a municipality when placing children and services: there is no population table, so
 * the kind stands in for size (a designated city ≈ 20 towns).
 */
export const MUNICIPALITY_WEIGHT: Record<MunicipalityKind, number> = {
  designated_city: 20,
  special_ward: 8,
  city: 3,
  town: 1,
  village: 0.4,
};

/** One region to create, with the 6-digit codes of its municipalities. */
export type RegionPlan = {
  name: string;
  nameEn: string;
  municipalityCodes: string[];
  note: string;
  /** A designated city forming its own region (served by the HQ in 神奈川). */
  designatedCity: boolean;
};

/** A branch (支部) of the centre and the regions (by name) it covers. */
export type BranchPlan = { name: string; regionNames: string[] };

/** Regions and centres of one prefecture. The HQ covers every region no branch covers. */
export type PrefecturePlan = {
  prefectureCode: string;
  prefectureName: string;
  hqName: string;
  regions: RegionPlan[];
  branches: BranchPlan[];
};

/** Written on every region whose membership comes from reference-jp §7 rather than an official plan. */
export const UNVERIFIED_NOTE = '構成市町村は未検証（デモ用）/ membership unverified (demo)';
/** Written on regions built by chunking the municipality list. */
export const MECHANICAL_NOTE = '機械的に区切ったデモ用の圏域 / mechanical grouping (demo)';

/** Kanagawa's five prefectural regions (reference-jp §7.2, membership [U]) and their English names. */
const KANAGAWA_REGIONS: { name: string; nameEn: string; members: string[] }[] = [
  {
    name: '横須賀・三浦',
    nameEn: 'Yokosuka-Miura',
    members: ['横須賀市', '鎌倉市', '逗子市', '三浦市', '葉山町'],
  },
  { name: '湘南東部', nameEn: 'Shonan East', members: ['藤沢市', '茅ヶ崎市', '寒川町'] },
  { name: '湘南西部', nameEn: 'Shonan West', members: ['平塚市', '秦野市', '伊勢原市', '大磯町', '二宮町'] },
  {
    name: '県央',
    nameEn: 'Central',
    members: ['厚木市', '大和市', '海老名市', '座間市', '綾瀬市', '愛川町', '清川村'],
  },
  {
    name: '県西',
    nameEn: 'West',
    members: [
      '小田原市',
      '南足柄市',
      '中井町',
      '大井町',
      '松田町',
      '山北町',
      '開成町',
      '箱根町',
      '真鶴町',
      '湯河原町',
    ],
  },
];

const KANAGAWA_CITIES: { name: string; nameEn: string }[] = [
  { name: '横浜市', nameEn: 'Yokohama' },
  { name: '川崎市', nameEn: 'Kawasaki' },
  { name: '相模原市', nameEn: 'Sagamihara' },
];

/** Resolves a municipality name of a prefecture to its 6-digit code; throws when it does not resolve. */
export function resolveMunicipalityCode(prefectureCode: string, name: string): string {
  const m = findMunicipalityByName(prefectureCode, name);
  if (!m) throw new Error(`demo plan: municipality "${name}" not found in prefecture ${prefectureCode}`);
  return m.code;
}

/**
 * 神奈川県 ('14'): 横須賀・三浦, 湘南東部, 湘南西部, 県央, 県西 (one branch each) and the designated cities
 * 横浜市, 川崎市, 相模原市 as regions of their own, covered by the HQ. Checks that every municipality of the
 * prefecture is in exactly one region.
 */
export function kanagawaPlan(): PrefecturePlan {
  const code = '14';
  const regions: RegionPlan[] = [
    ...KANAGAWA_CITIES.map((c) => ({
      name: c.name,
      nameEn: c.nameEn,
      municipalityCodes: [resolveMunicipalityCode(code, c.name)],
      note: '政令指定都市（独自の窓口）/ designated city (own window)',
      designatedCity: true,
    })),
    ...KANAGAWA_REGIONS.map((r) => ({
      name: r.name,
      nameEn: r.nameEn,
      municipalityCodes: r.members.map((m) => resolveMunicipalityCode(code, m)),
      note: UNVERIFIED_NOTE,
      designatedCity: false,
    })),
  ];
  assertPartition(code, regions);
  return {
    prefectureCode: code,
    prefectureName: '神奈川県',
    hqName: '神奈川県医療的ケア児支援センター（デモ）',
    regions,
    branches: KANAGAWA_REGIONS.map((r) => ({ name: `${r.name}支部`, regionNames: [r.name] })),
  };
}

/** The six villages of the Northern Territories have codes but no residents the centre could serve. */
const NORTHERN_TERRITORIES = new Set(['016951', '016969', '016977', '016985', '016993', '017001']);

/** The municipalities demo data may place people in (all of the prefecture but the Northern Territories). */
export function demoMunicipalitiesOf(prefectureCode: string): MunicipalityRef[] {
  return municipalitiesOf(prefectureCode).filter((m) => !NORTHERN_TERRITORIES.has(m.code));
}

/**
 * Any prefecture: its municipalities in code order (so towns of one 郡 stay together) cut into about
 * `groups` contiguous regions of similar size. No branches: the HQ covers every region.
 */
export function chunkedPlan(prefectureCode: string, groups = 8): PrefecturePlan {
  const pref = findPrefecture(prefectureCode);
  if (!pref) throw new Error(`demo plan: unknown prefecture ${prefectureCode}`);
  const all = demoMunicipalitiesOf(prefectureCode).sort((a, b) => a.code.localeCompare(b.code));
  const n = Math.max(1, Math.min(groups, all.length));
  const regions: RegionPlan[] = [];
  for (let i = 0; i < n; i++) {
    const members = all.slice(Math.floor((i * all.length) / n), Math.floor(((i + 1) * all.length) / n));
    const first = members[0]!;
    regions.push({
      name: `第${i + 1}圏域（${first.name}ほか）`,
      nameEn: `Region ${i + 1}`,
      municipalityCodes: members.map((m) => m.code),
      note: MECHANICAL_NOTE,
      designatedCity: false,
    });
  }
  return {
    prefectureCode,
    prefectureName: pref.name,
    hqName: `${pref.name}医療的ケア児支援センター（デモ）`,
    regions,
    branches: [],
  };
}

/** The plan used for a prefecture: the hand-written one for 神奈川, the mechanical one elsewhere. */
export function planFor(prefectureCode: string): PrefecturePlan {
  return prefectureCode === '14' ? kanagawaPlan() : chunkedPlan(prefectureCode);
}

function assertPartition(prefectureCode: string, regions: RegionPlan[]): void {
  const seen = new Map<string, string>();
  for (const r of regions) {
    for (const c of r.municipalityCodes) {
      const other = seen.get(c);
      if (other) throw new Error(`demo plan: ${c} is in both ${other} and ${r.name}`);
      seen.set(c, r.name);
    }
  }
  const missing = demoMunicipalitiesOf(prefectureCode).filter((m) => !seen.has(m.code));
  if (missing.length) {
    throw new Error(`demo plan: not in any region: ${missing.map((m) => m.name).join(', ')}`);
  }
}
