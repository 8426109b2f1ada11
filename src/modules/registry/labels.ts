/** Japanese and English labels of the registry's coded values, for files the server writes (exports). */
import type { ChildStatus, Sex } from '../../db/schema/registry';
import type { LifeStage } from '../../shared/age';

/** A label in both languages. */
export type Label = { ja: string; en: string };

/** Record statuses, worded as on the web screens (web/src/i18n). */
export const STATUS_LABELS = {
  at_home: { ja: '在宅', en: 'At home' },
  in_hospital: { ja: '入院中', en: 'In hospital' },
  moved_out: { ja: '転出', en: 'Moved out' },
  adult_services: { ja: '成人期の支援へ移行', en: 'Moved to adult services' },
  deceased: { ja: '死亡', en: 'Deceased' },
} as const satisfies Record<ChildStatus, Label>;

/** Sexes as recorded. */
export const SEX_LABELS = {
  female: { ja: '女', en: 'Female' },
  male: { ja: '男', en: 'Male' },
  unknown: { ja: '不明', en: 'Unknown' },
} as const satisfies Record<Sex, Label>;

/** Life stages (src/shared/age.ts lifeStage). */
export const LIFE_STAGE_LABELS = {
  infant: { ja: '乳児', en: 'Infant' },
  preschool: { ja: '未就学児', en: 'Preschool' },
  elementary: { ja: '小学生', en: 'Elementary school' },
  junior_high: { ja: '中学生', en: 'Junior high school' },
  high_school: { ja: '高校生', en: 'High school' },
  adult: { ja: '18歳以上', en: '18 and over' },
} as const satisfies Record<LifeStage, Label>;
