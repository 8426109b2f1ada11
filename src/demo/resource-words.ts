/**
 * The word lists and weights behind the fictional 社会資源 (resources.ts): prefecture centres, name parts, towns,
 * how common each service type is and how much it accepts, conditions and application texts. Data only.
 */
import type { ServiceType } from '../shared/vocab/resources';

/** Rough centres (latitude, longitude) of each prefecture, for scattering fictional coordinates. */
export const CENTRES: Record<string, [number, number]> = {
  '01': [43.06, 141.35],
  '02': [40.82, 140.74],
  '03': [39.7, 141.15],
  '04': [38.27, 140.87],
  '05': [39.72, 140.1],
  '06': [38.24, 140.36],
  '07': [37.75, 140.47],
  '08': [36.34, 140.45],
  '09': [36.57, 139.88],
  '10': [36.39, 139.06],
  '11': [35.86, 139.65],
  '12': [35.61, 140.12],
  '13': [35.69, 139.69],
  '14': [35.45, 139.4],
  '15': [37.9, 139.02],
  '16': [36.7, 137.21],
  '17': [36.59, 136.63],
  '18': [36.07, 136.22],
  '19': [35.66, 138.57],
  '20': [36.65, 138.18],
  '21': [35.39, 136.72],
  '22': [34.98, 138.38],
  '23': [35.18, 136.91],
  '24': [34.73, 136.51],
  '25': [35.0, 135.87],
  '26': [35.02, 135.76],
  '27': [34.69, 135.52],
  '28': [34.69, 135.18],
  '29': [34.69, 135.83],
  '30': [34.23, 135.17],
  '31': [35.5, 134.24],
  '32': [35.47, 133.05],
  '33': [34.66, 133.93],
  '34': [34.4, 132.46],
  '35': [34.19, 131.47],
  '36': [34.07, 134.56],
  '37': [34.34, 134.04],
  '38': [33.84, 132.77],
  '39': [33.56, 133.53],
  '40': [33.61, 130.42],
  '41': [33.25, 130.3],
  '42': [32.74, 129.87],
  '43': [32.79, 130.74],
  '44': [33.24, 131.61],
  '45': [31.91, 131.42],
  '46': [31.56, 130.56],
  '47': [26.21, 127.68],
};

export const WORDS = [
  ['ひまわり', 'ヒマワリ'],
  ['さくら', 'サクラ'],
  ['つくし', 'ツクシ'],
  ['あおぞら', 'アオゾラ'],
  ['にじいろ', 'ニジイロ'],
  ['こもれび', 'コモレビ'],
  ['わかば', 'ワカバ'],
  ['たんぽぽ', 'タンポポ'],
  ['どんぐり', 'ドングリ'],
  ['ほほえみ', 'ホホエミ'],
  ['きらり', 'キラリ'],
  ['はぐくみ', 'ハグクミ'],
  ['すまいる', 'スマイル'],
  ['みらい', 'ミライ'],
  ['かがやき', 'カガヤキ'],
  ['ぽかぽか', 'ポカポカ'],
  ['のびのび', 'ノビノビ'],
  ['すくすく', 'スクスク'],
  ['やまびこ', 'ヤマビコ'],
  ['うみかぜ', 'ウミカゼ'],
  ['そよかぜ', 'ソヨカゼ'],
  ['あゆみ', 'アユミ'],
  ['いずみ', 'イズミ'],
  ['ともしび', 'トモシビ'],
  ['めぐみ', 'メグミ'],
] as const;
export const TOWNS = [
  '本町',
  '中央',
  '栄町',
  '緑町',
  '東町',
  '西町',
  '南町',
  '北町',
  '旭町',
  '若葉台',
  '桜ケ丘',
  '新町',
  '港町',
  '川端',
  '山手',
];

export const TYPE_NAME: Record<ServiceType, { suffix: string; kana: string }> = {
  child_development_support: { suffix: '児童発達支援センター', kana: 'ジドウハッタツシエンセンター' },
  after_school_day_service: { suffix: '放課後等デイサービス', kana: 'ホウカゴトウデイサービス' },
  home_based_development_support: { suffix: '居宅訪問支援室', kana: 'キョタクホウモンシエンシツ' },
  nursery_visit_support: { suffix: '保育所等訪問支援', kana: 'ホイクショトウホウモンシエン' },
  medical_short_stay: { suffix: '医療型短期入所', kana: 'イリョウガタタンキニュウショ' },
  welfare_short_stay: { suffix: 'ショートステイ', kana: 'ショートステイ' },
  medical_residential: { suffix: '療育園', kana: 'リョウイクエン' },
  home_visit_nursing: { suffix: '訪問看護ステーション', kana: 'ホウモンカンゴステーション' },
  home_visit_care: { suffix: 'ヘルパーステーション', kana: 'ヘルパーステーション' },
  hospital: { suffix: '病院', kana: 'ビョウイン' },
  clinic: { suffix: 'こどもクリニック', kana: 'コドモクリニック' },
  pharmacy: { suffix: '薬局', kana: 'ヤッキョク' },
  nursery: { suffix: '保育園', kana: 'ホイクエン' },
  kindergarten: { suffix: 'こども園', kana: 'コドモエン' },
  school: { suffix: '小学校', kana: 'ショウガッコウ' },
  special_needs_school: { suffix: '特別支援学校', kana: 'トクベツシエンガッコウ' },
  consultation_support: { suffix: '相談支援事業所', kana: 'ソウダンシエンジギョウショ' },
  other: { suffix: '地域支援センター', kana: 'チイキシエンセンター' },
};

/** How common each type is, and how likely it accepts a care item (medical services accept most). */
export const TYPE_MIX: Record<
  ServiceType,
  { weight: number; accepts: number; ages: [number, number] | null }
> = {
  child_development_support: { weight: 12, accepts: 0.35, ages: [0, 6] },
  after_school_day_service: { weight: 22, accepts: 0.3, ages: [6, 18] },
  home_based_development_support: { weight: 2, accepts: 0.5, ages: [0, 18] },
  nursery_visit_support: { weight: 3, accepts: 0.2, ages: [0, 18] },
  medical_short_stay: { weight: 2, accepts: 0.85, ages: [0, 18] },
  welfare_short_stay: { weight: 4, accepts: 0.2, ages: [6, 64] },
  medical_residential: { weight: 1, accepts: 0.9, ages: [0, 18] },
  home_visit_nursing: { weight: 14, accepts: 0.7, ages: null },
  home_visit_care: { weight: 8, accepts: 0.25, ages: null },
  hospital: { weight: 4, accepts: 0.9, ages: null },
  clinic: { weight: 8, accepts: 0.5, ages: [0, 15] },
  pharmacy: { weight: 6, accepts: 0.3, ages: null },
  nursery: { weight: 6, accepts: 0.1, ages: [0, 5] },
  kindergarten: { weight: 3, accepts: 0.08, ages: [3, 5] },
  school: { weight: 2, accepts: 0.1, ages: [6, 12] },
  special_needs_school: { weight: 1, accepts: 0.6, ages: [6, 18] },
  consultation_support: { weight: 4, accepts: 0.5, ages: null },
  other: { weight: 1, accepts: 0.2, ages: null },
};

/**
 * How readily a service able to take children with medical care accepts each item: the share of those services
 * that accept it. Acceptance is nested, as in a real prefecture's survey — a service taking ventilators takes
 * suction too — and ventilators, central lines and dialysis are accepted by few (a fifth or less of the able
 * services, so a few per cent of all day services); items not listed accept at 0.5.
 */
export const ITEM_EASE: Record<string, number> = {
  ventilator: 0.2,
  tracheostomy: 0.3,
  nasopharyngeal_airway: 0.3,
  oxygen: 0.6,
  suction: 0.7,
  nebulizer: 0.8,
  tube_feeding_gastric: 0.85,
  tube_feeding_intestinal: 0.35,
  feeding_pump: 0.5,
  central_venous_catheter: 0.12,
  subcutaneous_injection: 0.45,
  subcutaneous_pump: 0.2,
  blood_glucose: 0.7,
  dialysis: 0.08,
  catheterization_intermittent: 0.6,
  catheterization_continuous: 0.45,
  bowel_stoma: 0.5,
  bowel_manual_or_irrigation: 0.5,
  bowel_enema: 0.65,
  seizure_management: 0.9,
};

/** Service types staffed for medical care: able ones take harder items (their level is drawn from the lowest third). */
export const MEDICAL_TYPES: ServiceType[] = ['medical_short_stay', 'medical_residential', 'hospital'];

export const CONDITIONS = [
  '看護師の配置日のみ受け入れ',
  '事前の面談と主治医の指示書が必要です',
  '送迎時は保護者の同乗をお願いしています',
  '定員に空きがある曜日のみ',
  '夜間は受け入れできません',
  '初回は保護者同伴でお願いします',
];
export const HOW_TO_APPLY = [
  'お電話でご相談ください。見学は随時受け付けています。',
  '相談支援専門員を通じてお申し込みください。受給者証が必要です。',
  '主治医の紹介状をお持ちのうえ、地域連携室までご連絡ください。',
  '市町村の障害福祉担当窓口で支給決定を受けた後、ご契約となります。',
  'まずは見学と面談を行い、受け入れ体制を一緒に確認します。',
];

export const MUNICIPALITY_WEIGHT = {
  designated_city: 8,
  special_ward: 3,
  city: 2,
  town: 1,
  village: 0.5,
} as const;
