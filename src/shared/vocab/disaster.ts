import type { Labels } from './label';

/**
 * Disaster readiness (docs/disaster.md): the child's disaster profile, the municipality's list and the emergency
 * sheet. Plain data shared by the schema, the server, the workbooks and the web.
 */

/** Back-up power the household has for its medical devices (order: 国立成育医療研究センター's recommended order). */
export const BACKUP_POWER_KINDS = ['battery_storage', 'car_inverter', 'generator', 'none'] as const;
export type BackupPowerKind = (typeof BACKUP_POWER_KINDS)[number];

export const BACKUP_POWER_LABELS = {
  battery_storage: { ja: '蓄電池・ポータブル電源', en: 'Battery storage / power station' },
  car_inverter: { ja: '車のインバーター（車からの給電）', en: 'Car inverter' },
  generator: { ja: '発電機', en: 'Generator' },
  none: { ja: 'なし', en: 'None' },
} as const satisfies Labels<BackupPowerKind>;

/** The individual evacuation plan's status as the municipality reports it (個別避難計画, 災害対策基本法 49条の14). */
export const PLAN_STATUSES = ['none', 'drafting', 'agreed', 'reviewed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS = {
  none: { ja: '未作成', en: 'None' },
  drafting: { ja: '作成中', en: 'Drafting' },
  agreed: { ja: '作成済（合意）', en: 'Agreed' },
  reviewed: { ja: '見直し済', en: 'Reviewed' },
} as const satisfies Labels<PlanStatus>;

/** Plan statuses that count as "has an agreed plan" in the coverage figures. */
export const AGREED_PLAN_STATUSES: readonly PlanStatus[] = ['agreed', 'reviewed'];

/** Where the family intends to go in a disaster. */
export const EVACUATION_INTENTS = ['home', 'welfare_shelter_power', 'hospital_admission', 'other'] as const;
export type EvacuationIntent = (typeof EVACUATION_INTENTS)[number];

export const EVACUATION_INTENT_LABELS = {
  home: { ja: '在宅避難', en: 'Stay at home' },
  welfare_shelter_power: { ja: '電源のある福祉避難所', en: 'Welfare shelter (福祉避難所) with power' },
  hospital_admission: {
    ja: '病院への事前入院（レスパイト入院）',
    en: 'Pre-emptive hospital admission (respite admission)',
  },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<EvacuationIntent>;

/** Who to call in an emergency, besides the guardians. */
export const DISASTER_CONTACT_KINDS = [
  'physician',
  'visiting_nurse',
  'device_vendor',
  'oxygen_supplier',
  'hospital',
  'other',
] as const;
export type DisasterContactKind = (typeof DISASTER_CONTACT_KINDS)[number];

export const DISASTER_CONTACT_KIND_LABELS = {
  physician: { ja: '主治医', en: 'Attending physician' },
  visiting_nurse: { ja: '訪問看護', en: 'Visiting nurse' },
  device_vendor: { ja: '医療機器業者', en: 'Device vendor' },
  oxygen_supplier: { ja: '酸素業者', en: 'Oxygen supplier' },
  hospital: { ja: '搬送先の病院', en: 'Receiving hospital' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Labels<DisasterContactKind>;

/** What a row of the disaster profile's history records. */
export const DISASTER_HISTORY_ACTIONS = ['profile', 'plan', 'sheet', 'sheet_confirmed'] as const;
export type DisasterHistoryAction = (typeof DISASTER_HISTORY_ACTIONS)[number];

export const DISASTER_HISTORY_ACTION_LABELS = {
  profile: { ja: '災害への備えの更新', en: 'Disaster profile updated' },
  plan: { ja: '個別避難計画の状況の記録', en: 'Plan status recorded' },
  sheet: { ja: '緊急時シートの更新', en: 'Emergency sheet updated' },
  sheet_confirmed: { ja: '緊急時シートの家族確認', en: 'Emergency sheet confirmed by the family' },
} as const satisfies Labels<DisasterHistoryAction>;

/** The emergency sheet's content (MEIS 救急サマリー headings; docs/disaster.md §7), kept as one JSON document. */
export type EmergencySheet = {
  bloodType?: string | null;
  /** Device settings: ventilator mode, tracheostomy tube size, oxygen flow … */
  deviceSettings?: string | null;
  baselineVitals?: {
    spo2?: string | null;
    heartRate?: string | null;
    respiratoryRate?: string | null;
    temperature?: string | null;
    bloodPressure?: string | null;
  } | null;
  /** Baseline neurological state and how the child communicates. */
  neuroBaseline?: string | null;
  medicines?: string | null;
  allergies?: string | null;
  /** Procedures and medicines to avoid, and why. */
  avoid?: string | null;
  /** Common emergencies and how to handle them. */
  emergencies?: { problem: string; handling: string }[];
  /** Wishes of the child and the family. */
  wishes?: string | null;
};

/** Limits of the battery figures (docs/disaster.md §1): beyond them a figure is refused as a likely typing error. */
export const BATTERY_LIMITS = {
  /** Home ventilators' internal batteries last about 3–15 h (reference-jp §3.3); 72 h is three days. */
  internalHours: 72,
  /** Dedicated external batteries: about 24 h with the internal one; a week is the most we accept. */
  externalHours: 168,
  /** All spare batteries together. */
  spareHours: 168,
  spareCount: 50,
  /** A ventilator draws about 60 W, a concentrator about 120 W; 3 kW would be a whole household. */
  powerDrawWatts: 3000,
} as const;
