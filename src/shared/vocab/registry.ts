import type { Labels } from './label';

/** The status of a child's record. */
export const CHILD_STATUSES = ['at_home', 'in_hospital', 'moved_out', 'adult_services', 'deceased'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export const CHILD_STATUS_LABELS = {
  at_home: { ja: '在宅', en: 'At home' },
  in_hospital: { ja: '入院中', en: 'In hospital' },
  moved_out: { ja: '転出', en: 'Moved out' },
  adult_services: { ja: '成人期の支援へ移行', en: 'Moved to adult services' },
  deceased: { ja: '死亡', en: 'Deceased' },
} as const satisfies Labels<ChildStatus>;

/** Sex as recorded. */
export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS = {
  female: { ja: '女', en: 'Female' },
  male: { ja: '男', en: 'Male' },
  unknown: { ja: '不明', en: 'Unknown' },
} as const satisfies Labels<Sex>;

/** Life stages by age and 学齢 on a day (src/shared/age.ts lifeStage). */
export const LIFE_STAGES = [
  'infant',
  'preschool',
  'elementary',
  'junior_high',
  'high_school',
  'adult',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const LIFE_STAGE_LABELS = {
  infant: { ja: '乳児', en: 'Infant' },
  preschool: { ja: '未就学児', en: 'Preschool' },
  elementary: { ja: '小学生', en: 'Elementary school' },
  junior_high: { ja: '中学生', en: 'Junior high school' },
  high_school: { ja: '高校生', en: 'High school' },
  adult: { ja: '18歳以上', en: '18 and over' },
} as const satisfies Labels<LifeStage>;

/** Medical devices a child uses at home. */
export const DEVICE_KINDS = [
  'ventilator',
  'oxygen_concentrator',
  'oxygen_cylinder',
  'suction_unit',
  'feeding_pump',
  'pulse_oximeter',
  'nebulizer',
  'cough_assist',
  'infusion_pump',
  'electric_bed',
  'other',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS = {
  ventilator: { ja: '人工呼吸器', en: 'Ventilator' },
  oxygen_concentrator: { ja: '酸素濃縮装置', en: 'Oxygen concentrator' },
  oxygen_cylinder: { ja: '酸素ボンベ', en: 'Oxygen cylinder' },
  suction_unit: { ja: '吸引器', en: 'Suction unit' },
  feeding_pump: { ja: '経管栄養ポンプ', en: 'Feeding pump' },
  pulse_oximeter: { ja: 'パルスオキシメーター', en: 'Pulse oximeter' },
  nebulizer: { ja: 'ネブライザー', en: 'Nebulizer' },
  cough_assist: { ja: '排痰補助装置', en: 'Cough assist' },
  infusion_pump: { ja: '輸液ポンプ', en: 'Infusion pump' },
  electric_bed: { ja: '電動ベッド', en: 'Electric bed' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<DeviceKind>;

/** Where a child goes during the day or is cared for (nursery, school, day service, …). */
export const AFFILIATION_KINDS = [
  'nursery',
  'school',
  'day_service',
  'short_stay',
  'home_nursing',
  'hospital',
] as const;
export type AffiliationKind = (typeof AFFILIATION_KINDS)[number];

export const AFFILIATION_KIND_LABELS = {
  nursery: { ja: '保育所・幼稚園・認定こども園', en: 'Nursery, kindergarten or certified centre' },
  school: { ja: '学校', en: 'School' },
  day_service: {
    ja: '通所支援（児童発達支援・放課後等デイサービス）',
    en: 'Day service (child development support, after-school)',
  },
  short_stay: { ja: '短期入所', en: 'Short stay' },
  home_nursing: { ja: '訪問看護', en: 'Home-visit nursing' },
  hospital: { ja: '医療機関', en: 'Hospital' },
} as const satisfies Labels<AffiliationKind>;

/** Disability handbooks (障害者手帳). */
export const HANDBOOK_KINDS = ['physical', 'intellectual', 'mental'] as const;
export type HandbookKind = (typeof HANDBOOK_KINDS)[number];

export const HANDBOOK_KIND_LABELS = {
  physical: { ja: '身体障害者手帳', en: 'Physical disability handbook' },
  intellectual: { ja: '療育手帳', en: 'Intellectual disability handbook (療育手帳)' },
  mental: { ja: '精神障害者保健福祉手帳', en: 'Mental health and welfare handbook' },
} as const satisfies Labels<HandbookKind>;

/**
 * A member's part in the child's care team (NA-2): the people around the child, picked from the network's
 * people. One member may also be the child's key coordinator (a flag, not a part).
 */
export const CARE_TEAM_ROLES = [
  'coordinator',
  'consultation_specialist',
  'visiting_nurse',
  'physician',
  'public_health_nurse',
  'teacher',
  'nursery_staff',
  'therapist',
  'day_service_staff',
  'municipal_caseworker',
  'other',
] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];

export const CARE_TEAM_ROLE_LABELS = {
  coordinator: { ja: '医療的ケア児等コーディネーター', en: 'Medical care coordinator' },
  consultation_specialist: { ja: '相談支援専門員', en: 'Consultation support specialist' },
  visiting_nurse: { ja: '訪問看護師', en: 'Visiting nurse' },
  physician: { ja: '主治医', en: 'Attending physician' },
  public_health_nurse: { ja: '保健師', en: 'Public-health nurse' },
  teacher: { ja: '教員', en: 'Teacher' },
  nursery_staff: { ja: '保育士', en: 'Nursery staff' },
  therapist: { ja: 'リハビリ職（PT・OT・ST）', en: 'Therapist (PT, OT, ST)' },
  day_service_staff: { ja: '通所事業所の職員', en: 'Day-service staff' },
  municipal_caseworker: { ja: '市町村の担当者', en: 'Municipal caseworker' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<CareTeamRole>;

/** What a guardian consents to (decision 0005: share_municipality narrows the municipal scope). */
export const CONSENT_PURPOSES = [
  'share_municipality',
  'disaster_planning',
  'centre_contact',
  'statistics',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_PURPOSE_LABELS = {
  share_municipality: { ja: '市町村との情報共有', en: 'Sharing with the municipality' },
  disaster_planning: {
    ja: '災害時の支援（個別避難計画）',
    en: 'Disaster support (individual evacuation plan)',
  },
  centre_contact: { ja: 'センターからの連絡', en: 'Contact from the centre' },
  statistics: { ja: '統計への利用', en: 'Use in statistics' },
} as const satisfies Labels<ConsentPurpose>;

/** How a consent decision was taken. */
export const CONSENT_METHODS = ['paper', 'online_form', 'verbal', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CONSENT_METHOD_LABELS = {
  paper: { ja: '書面', en: 'On paper' },
  online_form: { ja: 'オンラインフォーム', en: 'Online form' },
  verbal: { ja: '口頭', en: 'Verbally' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<ConsentMethod>;

/** Where a registration from the public form stands in review. */
export const REGISTRATION_STATUSES = ['pending', 'accepted', 'merged', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS = {
  pending: { ja: '審査待ち', en: 'Waiting for review' },
  accepted: { ja: '新規登録済み', en: 'Accepted as new' },
  merged: { ja: '統合済み', en: 'Merged' },
  rejected: { ja: '却下', en: 'Rejected' },
} as const satisfies Labels<RegistrationStatus>;
