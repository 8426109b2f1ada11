import { SURVEY_AUDIENCE_LABELS, SURVEY_STATUS_LABELS } from '../../../../src/shared/vocab/surveys';
import { type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { SurveyRow } from '../../lib/queries/surveys';

export const LINK = 'text-key-900 underline underline-offset-4';

/** The survey's state in words (text, not colour alone). */
export function StatusBadge({ status }: { status: SurveyRow['status'] }) {
  const t = useT();
  const tone =
    status === 'open'
      ? 'border-green-900 text-green-900'
      : status === 'draft'
        ? 'border-key-900 text-key-900'
        : 'border-solid-gray-600 text-solid-gray-800';
  return (
    <span className={`inline-block rounded-4 border px-2 text-dns-14B-130 ${tone}`}>
      {vocab(t, SURVEY_STATUS_LABELS, status)}
    </span>
  );
}

/** 無記名: the answers keep no link to a person. */
export function AnonymousMark({ anonymous }: { anonymous: boolean }) {
  const t = useT();
  if (!anonymous) return null;
  return (
    <span className="ml-2 inline-block rounded-4 bg-solid-gray-50 px-2 text-dns-14B-130 text-solid-gray-800">
      {t('sv.anonymous')}
    </span>
  );
}

export function audienceText(t: Translate, row: Pick<SurveyRow, 'audience'>): string {
  return vocab(t, SURVEY_AUDIENCE_LABELS, row.audience);
}

/** 回答 12 / 送付 30: answers against the personal links sent (the open link has no count of its own). */
export function AnswersText({ row }: { row: Pick<SurveyRow, 'answers' | 'invited'> }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      {t('sv.answersN', { n: formatNumber(row.answers, locale) })}
      {row.invited > 0 && (
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {t('sv.invitedN', { n: formatNumber(row.invited, locale) })}
        </span>
      )}
    </>
  );
}

/** The closing time, or 締切なし. */
export function closesText(t: Translate, locale: 'ja' | 'en', closesAt: string | null): string {
  return closesAt ? formatDateTime(closesAt, locale) : t('sv.noClosing');
}
