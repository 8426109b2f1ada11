import { isoDateInJapan } from '../../../../../src/shared/dates';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../../src/shared/vocab/care-items';
import {
  ACCEPTANCE_LABELS,
  BOTTLENECK_KIND_LABELS,
  SERVICE_STATUS_LABELS,
  SERVICE_TYPE_LABELS,
  WEEKDAY_LABELS,
} from '../../../../../src/shared/vocab/resources';
import type { Locale, Translate } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import type { Acceptance, Schedule } from '../../../lib/queries/resources';

/** Labels and small displays shared by the public resource pages and the staff screens. */

export function typeLabel(t: Translate, type: string): string {
  return vocab(t, SERVICE_TYPE_LABELS, type);
}

export function statusLabel(t: Translate, status: string): string {
  return vocab(t, SERVICE_STATUS_LABELS, status);
}

/** Accepted / with conditions / not accepted, or unknown when the listing does not say. */
export function acceptanceLabel(t: Translate, value: string | undefined): string {
  return value ? vocab(t, ACCEPTANCE_LABELS, value) : t('resources.acceptance.unknown');
}

export function weekdayLabel(t: Translate, day: string): string {
  return vocab(t, WEEKDAY_LABELS, day);
}

export function bottleneckLabel(t: Translate, kind: string): string {
  return vocab(t, BOTTLENECK_KIND_LABELS, kind);
}

/**
 * The care item's name: its short name (unique among the items: src/shared/vocab/care-items.ts), or `full`, the
 * score table's official name.
 */
export function careLabel(code: string, locale: Locale, full = false): string {
  return careItemLabel(code, locale, full);
}

export const CARE_CODES: readonly string[] = CARE_ITEM_CODES;

/** The calendar date (Japan time) of an instant, as ISO 'YYYY-MM-DD'. */
export function japanDate(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant.slice(0, 10);
  return isoDateInJapan(d);
}

/** 令和8年（2026年）11月26日 in Japanese; 26 Nov 2026 (Reiwa 8) in English — both calendars. */
export function bothCalendars(instant: string, locale: Locale): string {
  return formatDate(japanDate(instant), locale, { western: true });
}

/** "Not recently confirmed": a visible badge with text (not colour alone). */
export function StaleBadge({ t }: { t: Translate }) {
  return (
    <span className="inline-block rounded-4 border border-warning-yellow-2 bg-yellow-50 px-2 text-dns-14B-120 leading-6 text-solid-gray-900">
      <span aria-hidden="true">⚠ </span>
      {t('resources.stale')}
    </span>
  );
}

/** 最終確認日 with both calendars, and the stale flag. */
export function LastConfirmed({
  at,
  stale,
  t,
  locale,
  by,
}: {
  at: string | null;
  stale: boolean;
  t: Translate;
  locale: Locale;
  by?: string | null;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span>
        {t('resources.lastConfirmedOn', {
          date: at ? bothCalendars(at, locale) : t('resources.neverConfirmed'),
        })}
        {by ? ` ${t('resources.confirmedBy', { by })}` : ''}
      </span>
      {stale && <StaleBadge t={t} />}
    </span>
  );
}

const ACCEPT_STYLE: Record<Acceptance | 'unknown', string> = {
  accepted: 'border-success-2 bg-green-50 text-green-900',
  accepted_with_conditions: 'border-key-900 bg-key-50 text-key-1000',
  not_accepted: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  unknown: 'border-dashed border-solid-gray-600 bg-white text-solid-gray-800',
};
const ACCEPT_MARK: Record<Acceptance | 'unknown', string> = {
  accepted: '○',
  accepted_with_conditions: '△',
  not_accepted: '×',
  unknown: '?',
};

/** Accepted / with conditions / not accepted / unknown, as a mark and words (not colour alone). */
export function AcceptanceBadge({ value, t }: { value: Acceptance | undefined; t: Translate }) {
  const key = value ?? 'unknown';
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-4 border px-2 text-dns-14B-120 leading-6 whitespace-nowrap ${ACCEPT_STYLE[key]}`}
    >
      <span aria-hidden="true">{ACCEPT_MARK[key]}</span>
      {acceptanceLabel(t, value)}
    </span>
  );
}

export function ageRange(t: Translate, min: number | null, max: number | null): string {
  if (min === null && max === null) return t('resources.unknown');
  if (min !== null && max !== null) return t('resources.ageRange', { min, max });
  if (min !== null) return t('resources.ageFrom', { min });
  return t('resources.ageTo', { max: max ?? 0 });
}

export function yesNo(t: Translate, v: boolean | null | undefined, note?: string | null): string {
  const base = v === true ? t('resources.yes') : v === false ? t('resources.no') : t('resources.unknown');
  return note ? `${base}（${note}）` : base;
}

export function scheduleText(t: Translate, s: Schedule): string {
  const days = s.byday.map((d) => weekdayLabel(t, d)).join('・');
  const hours = s.opensAt || s.closesAt ? ` ${s.opensAt ?? ''}〜${s.closesAt ?? ''}` : '';
  return `${days}${hours}${s.note ? `（${s.note}）` : ''}`;
}
