import type { Labels } from './label';

/** The result of a safety check (安否確認) on the outage list. */
export const SAFETY_RESULTS = ['safe', 'needs_help', 'unreachable'] as const;
export type SafetyResult = (typeof SAFETY_RESULTS)[number];

export const SAFETY_RESULT_LABELS = {
  safe: { ja: '無事', en: 'Safe' },
  needs_help: { ja: '支援が必要', en: 'Needs help' },
  unreachable: { ja: '連絡がつかない', en: 'Unreachable' },
} as const satisfies Labels<SafetyResult>;

/**
 * What a directory listing offers in a disaster (docs/disaster.md §6): a welfare shelter with power for
 * medical devices, pre-emptive admission of a child before or during an outage (レスパイト入院), a charging point.
 */
export const DISASTER_SUPPORTS = [
  'powered_welfare_shelter',
  'preemptive_admission',
  'charging_point',
] as const;
export type DisasterSupport = (typeof DISASTER_SUPPORTS)[number];

export const DISASTER_SUPPORT_LABELS = {
  powered_welfare_shelter: { ja: '福祉避難所（電源あり）', en: 'Welfare shelter with power' },
  preemptive_admission: {
    ja: '予防的入院（レスパイト入院）の受け入れ',
    en: 'Pre-emptive (respite) admission',
  },
  charging_point: { ja: '充電スポット', en: 'Charging point' },
} as const satisfies Labels<DisasterSupport>;

/** Where a declared event stands: declared for later, in force, or over (at its end time or ended early). */
export const EVENT_STATES = ['scheduled', 'active', 'ended'] as const;
export type EventState = (typeof EVENT_STATES)[number];

export const EVENT_STATE_LABELS = {
  scheduled: { ja: '開始前', en: 'Not started' },
  active: { ja: '発令中', en: 'In force' },
  ended: { ja: '終了', en: 'Ended' },
} as const satisfies Labels<EventState>;
