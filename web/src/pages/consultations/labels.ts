import { isoDateInJapan } from '../../../../src/shared/dates';
import type { MessageKey, Translate } from '../../i18n';

/** Labels of the consultation vocabularies (codes come from the server's vocab.ts). */
export const topicLabel = (t: Translate, code: string) => t(`consult.topic.${code}` as MessageKey);
export const askerLabel = (t: Translate, code: string) => t(`consult.asker.${code}` as MessageKey);
export const divisionLabel = (t: Translate, code: string) => t(`consult.division.${code}` as MessageKey);
/** The asker, with the municipal division when a municipality asked (「市町村（保育）」). */
export const askerWithDivision = (t: Translate, c: { askerKind: string; askerDivision: string | null }) =>
  c.askerDivision
    ? t('consult.askerWithDivision', {
        asker: askerLabel(t, c.askerKind),
        division: divisionLabel(t, c.askerDivision),
      })
    : askerLabel(t, c.askerKind);
export const channelLabel = (t: Translate, code: string) => t(`consult.channel.${code}` as MessageKey);
export const urgencyLabel = (t: Translate, code: string) => t(`consult.urgency.${code}` as MessageKey);
export const tierLabel = (t: Translate, code: string) => t(`consult.tier.${code}` as MessageKey);
export const actionLabel = (t: Translate, code: string) => t(`consult.action.${code}` as MessageKey);
export const outcomeLabel = (t: Translate, code: string) => t(`consult.outcome.${code}` as MessageKey);
export const handoffKindLabel = (t: Translate, code: string) =>
  t(`consult.handoffKind.${code}` as MessageKey);
export const handoffStatusLabel = (t: Translate, code: string) =>
  t(`consult.handoffStatus.${code}` as MessageKey);

/** The calendar day in Japan of an instant (an ISO timestamp's first ten characters are the UTC day). */
export const dayInJapan = (instant: string) => isoDateInJapan(new Date(instant));
