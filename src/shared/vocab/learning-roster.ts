import type { Labels } from './label';

/**
 * The coordinator roster and the supervise pool (docs/learning.md §7). Codes are stable English identifiers;
 * each has its Japanese and English label.
 */

/**
 * Expertise a member of a branch's supervise pool brings (ME-2). A supervise team proposed for a consultation
 * covers the expertise the case needs from these.
 */
export const SUPERVISE_EXPERTISE = [
  'medical',
  'nursing',
  'rehabilitation',
  'welfare',
  'childcare',
  'education',
  'administration',
  'psychology',
  'disaster',
] as const;
export type SuperviseExpertise = (typeof SUPERVISE_EXPERTISE)[number];

export const SUPERVISE_EXPERTISE_LABELS = {
  medical: { ja: '医療', en: 'Medical' },
  nursing: { ja: '看護', en: 'Nursing' },
  rehabilitation: { ja: 'リハビリ', en: 'Rehabilitation' },
  welfare: { ja: '福祉', en: 'Welfare' },
  childcare: { ja: '保育', en: 'Childcare' },
  education: { ja: '教育', en: 'Education' },
  administration: { ja: '行政', en: 'Administration' },
  psychology: { ja: '心理', en: 'Psychology' },
  disaster: { ja: '防災', en: 'Disaster preparedness' },
} as const satisfies Labels<SuperviseExpertise>;

/** Whether a trained coordinator is working as one, as staff last confirmed it. */
export const COORDINATOR_ACTIVITY = ['active', 'inactive', 'unconfirmed'] as const;
export type CoordinatorActivity = (typeof COORDINATOR_ACTIVITY)[number];

export const COORDINATOR_ACTIVITY_LABELS = {
  active: { ja: '活動中', en: 'Active' },
  inactive: { ja: '活動していない', en: 'Not active' },
  unconfirmed: { ja: '未確認', en: 'Not confirmed' },
} as const satisfies Labels<CoordinatorActivity>;
