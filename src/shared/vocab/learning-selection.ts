import type { Labels } from './label';

/**
 * Why an applicant holds a seat, waits or was turned down (the balanced selection of MI-5, docs/learning.md).
 * The rule writes the first five; staff actions write the others. Stored on the application
 * (`training_applications.decision_reason`) and shown in the reader's language.
 */
export const SELECTION_REASONS = [
  'guaranteed_medical',
  'guaranteed_welfare',
  'proportional_share',
  'waiting_for_guarantee',
  'waiting',
  'moved_up',
  'override_selected',
  'override_not_selected',
] as const;
export type SelectionReason = (typeof SELECTION_REASONS)[number];

export const SELECTION_REASON_LABELS = {
  guaranteed_medical: { ja: '地域の医療職枠', en: 'Guaranteed medical seat of the region' },
  guaranteed_welfare: { ja: '地域の福祉職等枠', en: 'Guaranteed welfare seat of the region' },
  proportional_share: {
    ja: '応募者数に応じた地域の配分',
    en: 'Share of the region by its number of applicants',
  },
  waiting_for_guarantee: {
    ja: '補欠（地域の枠の順番待ち）',
    en: 'Waiting list (next for a region’s guaranteed seat)',
  },
  waiting: { ja: '補欠（抽選順）', en: 'Waiting list (in seeded order)' },
  moved_up: { ja: '辞退による繰り上げ', en: 'Moved up after a cancellation' },
  override_selected: { ja: '職員の判断で受講決定', en: 'Given a seat by staff' },
  override_not_selected: { ja: '職員の判断で選外', en: 'Seat withdrawn by staff' },
} as const satisfies Labels<SelectionReason>;
