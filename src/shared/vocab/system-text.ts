import { type DateLang, formatCalendarDate } from '../date-format';
import { isIsoDate } from '../dates';
import type { Labels } from './label';

/**
 * Text the system writes into records (a reason, a note, a notification) is stored as a code with parameters,
 * never as a sentence, and rendered in the reader's language: a Japanese screen never shows
 * "kept as back-up after hand-off", an English one never 「登録申請 … による」. A label is a template whose
 * `{name}` placeholders take the parameters; a parameter holding an ISO date is written with the one date
 * formatter (date-format.ts). Migration 0021 turned the sentences stored before into these codes.
 */
export const SYSTEM_TEXT_CODES = [
  'handoff_kept_as_backup',
  'registration_care_reported',
  'registration_consent',
  'child_moved_in',
  'child_moved_in_withheld',
  'consultation_assigned',
  'consultation_public_request',
  'consultation_routed_no_municipal_staff',
  'consultation_routed_to_centre',
  'consultation_escalated_unanswered',
  'consultation_escalated',
  'consultation_handoff_requested',
  'consultation_handoff_accepted',
  'consultation_handoff_declined',
  'consultation_handoff_withdrawn',
  'consultation_backup_requested',
  'consultation_backup_accepted',
  'consultation_backup_declined',
  'consultation_backup_withdrawn',
  'consultation_supervise_requested',
  'consultation_supervise_accepted',
  'consultation_supervise_declined',
  'consultation_supervise_withdrawn',
  'learning_selection_selected',
  'learning_selection_waiting',
  'learning_selection_not_selected',
  'learning_application_cancelled',
  'learning_certificate_issued',
] as const;
export type SystemTextCode = (typeof SYSTEM_TEXT_CODES)[number];

/** A system-written text as stored: its code and the values of its placeholders. */
export type SystemText = { code: SystemTextCode; params?: Record<string, string | number> };

export const SYSTEM_TEXT_LABELS = {
  handoff_kept_as_backup: {
    ja: '移管後も後方支援として関わる',
    en: 'Kept as back-up after the hand-off',
  },
  registration_care_reported: {
    ja: '登録申請 {receiptNo} による（家族等の申告）',
    en: 'From registration {receiptNo} (reported by the family)',
  },
  registration_consent: { ja: '登録申請 {receiptNo}', en: 'Registration {receiptNo}' },
  child_moved_in: {
    ja: '医療的ケア児が{from}から転入しました（{movedOn}）。',
    en: 'A child with medical care needs moved in from {from} ({movedOn}).',
  },
  child_moved_in_withheld: {
    ja: '医療的ケア児が{from}から転入しました（{movedOn}）。保護者の同意がないため記録は表示されません。',
    en: 'A child with medical care needs moved in from {from} ({movedOn}). The record is withheld: no consent to share it.',
  },
  consultation_assigned: { ja: '相談の担当になりました', en: 'A consultation was assigned to you' },
  consultation_public_request: {
    ja: 'ウェブフォームから相談の申し込みがありました',
    en: 'A consultation request arrived through the web form',
  },
  consultation_routed_no_municipal_staff: {
    ja: '{municipality}に利用中の職員アカウントがないため、圏域のコーディネーターに届きました',
    en: '{municipality} has no active staff account here, so the request went to the region’s coordinators',
  },
  consultation_routed_to_centre: {
    ja: '{municipality}にも圏域にも利用中のアカウントがないため、センターに届きました',
    en: 'Neither {municipality} nor its region has an active account here, so the request went to the centre',
  },
  consultation_escalated_unanswered: {
    ja: '{from}で{days}開庁日のあいだ対応がなかったため、引き継がれました',
    en: 'Escalated: nobody at {from} acted on it for {days} working days',
  },
  consultation_escalated: {
    ja: '対応のない相談の申し込みが引き継がれてきました',
    en: 'An unanswered consultation request was escalated to your team',
  },
  consultation_handoff_requested: {
    ja: '相談の移管依頼が届きました',
    en: 'A consultation hand-off request has arrived',
  },
  consultation_handoff_accepted: {
    ja: '相談の移管依頼が受諾されました',
    en: 'A consultation hand-off request was accepted',
  },
  consultation_handoff_declined: {
    ja: '相談の移管依頼が辞退されました',
    en: 'A consultation hand-off request was declined',
  },
  consultation_handoff_withdrawn: {
    ja: '相談の移管依頼が取り下げられました',
    en: 'A consultation hand-off request was withdrawn',
  },
  consultation_backup_requested: {
    ja: '相談の後方支援依頼が届きました',
    en: 'A consultation back-up request has arrived',
  },
  consultation_backup_accepted: {
    ja: '相談の後方支援依頼が受諾されました',
    en: 'A consultation back-up request was accepted',
  },
  consultation_backup_declined: {
    ja: '相談の後方支援依頼が辞退されました',
    en: 'A consultation back-up request was declined',
  },
  consultation_backup_withdrawn: {
    ja: '相談の後方支援依頼が取り下げられました',
    en: 'A consultation back-up request was withdrawn',
  },
  consultation_supervise_requested: {
    ja: '相談のスーパーバイズ依頼が届きました',
    en: 'A consultation supervision request has arrived',
  },
  consultation_supervise_accepted: {
    ja: '相談のスーパーバイズ依頼が受諾されました',
    en: 'A consultation supervision request was accepted',
  },
  consultation_supervise_declined: {
    ja: '相談のスーパーバイズ依頼が辞退されました',
    en: 'A consultation supervision request was declined',
  },
  consultation_supervise_withdrawn: {
    ja: '相談のスーパーバイズ依頼が取り下げられました',
    en: 'A consultation supervision request was withdrawn',
  },
  learning_selection_selected: {
    ja: '「{session}」の受講が決まりました',
    en: 'You have a seat in “{session}”',
  },
  learning_selection_waiting: {
    ja: '「{session}」は補欠{waitRank}番です',
    en: 'You are number {waitRank} on the waiting list of “{session}”',
  },
  learning_selection_not_selected: {
    ja: '「{session}」は選外となりました',
    en: 'You were not selected for “{session}”',
  },
  learning_application_cancelled: {
    ja: '「{session}」の申し込みが取り消されました',
    en: 'Your application to “{session}” was cancelled',
  },
  learning_certificate_issued: {
    ja: '「{course}」の修了証が発行されました（{serial}）',
    en: 'Your certificate of completion of “{course}” was issued ({serial})',
  },
} as const satisfies Labels<SystemTextCode>;

/** The placeholders a template names: '登録申請 {receiptNo}' → ['receiptNo']. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * A stored system text in one language. An unknown code (a newer server's) shows as the code; a missing
 * parameter as 「—」; an ISO date parameter through the date formatter.
 */
export function renderSystemText(
  text: { code: string; params?: Record<string, unknown> | null },
  lang: DateLang,
): string {
  const labels = SYSTEM_TEXT_LABELS as Record<string, { ja: string; en: string }>;
  const template = Object.hasOwn(labels, text.code) ? labels[text.code]![lang] : text.code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = text.params?.[name];
    if (v === undefined || v === null || v === '') return '—';
    if (isIsoDate(v)) return formatCalendarDate(v, lang);
    return String(v);
  });
}

/** True for a stored value shaped as a system text of a known code. */
export function isSystemText(value: unknown): value is SystemText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (SYSTEM_TEXT_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}
