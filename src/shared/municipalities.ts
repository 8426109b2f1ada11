import data from './reference/municipalities.json';

export type MunicipalityKind = 'city' | 'town' | 'village' | 'special_ward' | 'designated_city';
export type MunicipalityRef = { code: string; name: string; kana: string; kind: MunicipalityKind };
export type PrefectureRef = { code: string; lgCode: string; name: string; kana: string };

/** All municipalities of Japan (1,741 + the 6 Northern-Territories villages), see data/README.md. */
export const MUNICIPALITIES: readonly MunicipalityRef[] = data.municipalities as MunicipalityRef[];
export const PREFECTURES: readonly PrefectureRef[] = data.prefectures;
export const MUNICIPALITY_SOURCE = data.source;

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const prefByCode = new Map(PREFECTURES.map((p) => [p.code, p]));

export function findMunicipality(code: string): MunicipalityRef | undefined {
  return byCode.get(code);
}

export function findPrefecture(code: string): PrefectureRef | undefined {
  return prefByCode.get(code);
}

export function municipalitiesOf(prefectureCode: string): MunicipalityRef[] {
  return MUNICIPALITIES.filter((m) => m.code.startsWith(prefectureCode));
}

/** Looks a municipality up by its name within a prefecture (exact, then without 市/町/村 suffix spacing). */
export function findMunicipalityByName(prefectureCode: string, name: string): MunicipalityRef | undefined {
  const n = name.trim();
  return municipalitiesOf(prefectureCode).find((m) => m.name === n);
}

export const PREFECTURE_NAMES_EN: Record<string, string> = {
  '01': 'Hokkaido',
  '02': 'Aomori',
  '03': 'Iwate',
  '04': 'Miyagi',
  '05': 'Akita',
  '06': 'Yamagata',
  '07': 'Fukushima',
  '08': 'Ibaraki',
  '09': 'Tochigi',
  '10': 'Gunma',
  '11': 'Saitama',
  '12': 'Chiba',
  '13': 'Tokyo',
  '14': 'Kanagawa',
  '15': 'Niigata',
  '16': 'Toyama',
  '17': 'Ishikawa',
  '18': 'Fukui',
  '19': 'Yamanashi',
  '20': 'Nagano',
  '21': 'Gifu',
  '22': 'Shizuoka',
  '23': 'Aichi',
  '24': 'Mie',
  '25': 'Shiga',
  '26': 'Kyoto',
  '27': 'Osaka',
  '28': 'Hyogo',
  '29': 'Nara',
  '30': 'Wakayama',
  '31': 'Tottori',
  '32': 'Shimane',
  '33': 'Okayama',
  '34': 'Hiroshima',
  '35': 'Yamaguchi',
  '36': 'Tokushima',
  '37': 'Kagawa',
  '38': 'Ehime',
  '39': 'Kochi',
  '40': 'Fukuoka',
  '41': 'Saga',
  '42': 'Nagasaki',
  '43': 'Kumamoto',
  '44': 'Oita',
  '45': 'Miyazaki',
  '46': 'Kagoshima',
  '47': 'Okinawa',
};
