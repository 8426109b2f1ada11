import { isoDateInJapan } from '../../../../src/shared/dates';
import {
  ACTION_KIND_LABELS,
  ASKER_KIND_LABELS,
  CHANNEL_LABELS,
  MUNICIPAL_DIVISION_LABELS,
  OUTCOME_LABELS,
  RESOLVED_TIER_LABELS,
  TOPIC_LABELS,
  URGENCY_LABELS,
} from '../../../../src/shared/vocab/consultations';
import type { MessageKey, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { toWareki } from '../../lib/format';

/** Labels of the consultation vocabularies (codes come from the server's vocab.ts). */
export const topicLabel = (t: Translate, code: string) => vocab(t, TOPIC_LABELS, code);
export const askerLabel = (t: Translate, code: string) => vocab(t, ASKER_KIND_LABELS, code);
export const divisionLabel = (t: Translate, code: string) => vocab(t, MUNICIPAL_DIVISION_LABELS, code);
/** The asker, with the municipal division when a municipality asked (「市町村（保育）」). */
export const askerWithDivision = (t: Translate, c: { askerKind: string; askerDivision: string | null }) =>
  c.askerDivision
    ? t('consult.askerWithDivision', {
        asker: askerLabel(t, c.askerKind),
        division: divisionLabel(t, c.askerDivision),
      })
    : askerLabel(t, c.askerKind);
export const channelLabel = (t: Translate, code: string) => vocab(t, CHANNEL_LABELS, code);
export const urgencyLabel = (t: Translate, code: string) => vocab(t, URGENCY_LABELS, code);
export const tierLabel = (t: Translate, code: string) => vocab(t, RESOLVED_TIER_LABELS, code);
export const actionLabel = (t: Translate, code: string) => vocab(t, ACTION_KIND_LABELS, code);
export const outcomeLabel = (t: Translate, code: string) => vocab(t, OUTCOME_LABELS, code);
export const handoffKindLabel = (t: Translate, code: string) =>
  t(`consult.handoffKind.${code}` as MessageKey);
export const handoffStatusLabel = (t: Translate, code: string) =>
  t(`consult.handoffStatus.${code}` as MessageKey);

/** The calendar day in Japan of an instant (an ISO timestamp's first ten characters are the UTC day). */
export const dayInJapan = (instant: string) => isoDateInJapan(new Date(instant));

/** A day in a list cell: the 和暦 date alone in Japanese (令和8年12月6日), ISO in English — one line. */
export const listDay = (iso: string | null | undefined, locale: 'ja' | 'en'): string => {
  if (!iso) return '—';
  return locale === 'ja' ? (toWareki(iso) ?? iso) : iso;
};
