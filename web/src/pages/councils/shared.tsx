import { Link } from '@tanstack/react-router';
import { japanDateAndTime } from '../../../../src/shared/date-format';
import { COUNCIL_MEETING_STATUS_LABELS, COUNCIL_TIER_LABELS } from '../../../../src/shared/vocab/councils';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, formatDay } from '../../lib/format';
import type { ActionItem, BodyRow } from '../../lib/queries/councils';

/** Who runs a body: 「圏域：湘南東部」 / "Region: Shonan East". */
export function OwnerText({ owner }: { owner: BodyRow['owner'] }) {
  const t = useT();
  return (
    <>
      {vocab(t, COUNCIL_TIER_LABELS, owner.tier)}
      {t.locale === 'ja' ? '：' : ': '}
      {owner.name}
    </>
  );
}

/** A meeting's time: the date with weekday and the start and end times in Japan. */
export function MeetingTime({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const { locale } = useLocale();
  const end = japanDateAndTime(new Date(endsAt)).time;
  return (
    <>
      {formatDateTime(startsAt, locale, { weekday: true })}〜{end}
    </>
  );
}

/** A meeting's state in words (not colour alone). */
export function MeetingStatus({ status }: { status: 'planned' | 'held' | 'cancelled' }) {
  const t = useT();
  const tone =
    status === 'held'
      ? 'border-success-2 text-success-2'
      : status === 'cancelled'
        ? 'border-solid-gray-600 text-solid-gray-700'
        : 'border-key-900 text-key-900';
  return (
    <span className={`inline-block whitespace-nowrap rounded-4 border px-2 text-dns-14B-130 ${tone}`}>
      {vocab(t, COUNCIL_MEETING_STATUS_LABELS, status)}
    </span>
  );
}

/** Due date, marked overdue in words. */
export function DueText({ item }: { item: Pick<ActionItem, 'dueOn' | 'overdue' | 'status' | 'doneAt'> }) {
  const t = useT();
  const { locale } = useLocale();
  if (item.status === 'done' && item.doneAt) {
    return <>{t('cn.item.doneOn', { date: formatDateTime(item.doneAt, locale, { compact: true }) })}</>;
  }
  return (
    <>
      {formatDate(item.dueOn, locale, { weekday: true })}
      {item.overdue && (
        <strong className="ml-2 whitespace-nowrap text-error-2">{t('cn.item.overdue')}</strong>
      )}
    </>
  );
}

/** Where an action item came from: its meeting (and body). */
export function ItemSource({ item }: { item: ActionItem }) {
  const { locale } = useLocale();
  return (
    <span className="block text-dns-14N-130 text-solid-gray-700">
      <Link
        to="/councils/meetings/$meetingId"
        params={{ meetingId: item.meetingId }}
        className="underline underline-offset-4"
      >
        {item.meetingTitle}（{formatDay(item.meetingStartsAt, locale, { compact: true })}）
      </Link>{' '}
      ・ {item.bodyName}
    </span>
  );
}

export const LINK = 'inline-flex min-h-11 items-center text-std-16B-170';
