import { CARE_ITEMS } from '../../../../../src/shared/care-score';
import { formatWareki, warekiYear } from '../../../../../src/shared/wareki';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import type {
  Acceptance,
  BottleneckKind,
  Schedule,
  ServiceStatus,
  ServiceType,
  Weekday,
} from '../../../lib/queries/resources';

/** Labels and small displays shared by the public resource pages and the staff screens. */

const TYPE_KEYS = {
  child_development_support: 'resources.type.child_development_support',
  after_school_day_service: 'resources.type.after_school_day_service',
  home_based_development_support: 'resources.type.home_based_development_support',
  nursery_visit_support: 'resources.type.nursery_visit_support',
  medical_short_stay: 'resources.type.medical_short_stay',
  welfare_short_stay: 'resources.type.welfare_short_stay',
  medical_residential: 'resources.type.medical_residential',
  home_visit_nursing: 'resources.type.home_visit_nursing',
  home_visit_care: 'resources.type.home_visit_care',
  hospital: 'resources.type.hospital',
  clinic: 'resources.type.clinic',
  pharmacy: 'resources.type.pharmacy',
  nursery: 'resources.type.nursery',
  kindergarten: 'resources.type.kindergarten',
  school: 'resources.type.school',
  special_needs_school: 'resources.type.special_needs_school',
  consultation_support: 'resources.type.consultation_support',
  other: 'resources.type.other',
} as const satisfies Record<ServiceType, MessageKey>;

export function typeLabel(t: Translate, type: ServiceType): string {
  return t(TYPE_KEYS[type]);
}

export const STATUS_KEYS = {
  active: 'resources.status.active',
  inactive: 'resources.status.inactive',
  temporarily_closed: 'resources.status.temporarily_closed',
  defunct: 'resources.status.defunct',
} as const satisfies Record<ServiceStatus, MessageKey>;

export const ACCEPTANCE_KEYS = {
  accepted: 'resources.acceptance.accepted',
  accepted_with_conditions: 'resources.acceptance.accepted_with_conditions',
  not_accepted: 'resources.acceptance.not_accepted',
} as const satisfies Record<Acceptance, MessageKey>;

export const WEEKDAY_KEYS = {
  MO: 'resources.day.MO',
  TU: 'resources.day.TU',
  WE: 'resources.day.WE',
  TH: 'resources.day.TH',
  FR: 'resources.day.FR',
  SA: 'resources.day.SA',
  SU: 'resources.day.SU',
} as const satisfies Record<Weekday, MessageKey>;

export const BOTTLENECK_KEYS = {
  no_bathing: 'resources.bottleneck.no_bathing',
  no_transport: 'resources.bottleneck.no_transport',
  no_night_nurse: 'resources.bottleneck.no_night_nurse',
  no_short_stay_bed: 'resources.bottleneck.no_short_stay_bed',
  age_limit: 'resources.bottleneck.age_limit',
  waiting_list: 'resources.bottleneck.waiting_list',
  other: 'resources.bottleneck.other',
} as const satisfies Record<BottleneckKind, MessageKey>;

/** The care item's name; `short` drops the parenthesised details (人工呼吸器の管理（…） → 人工呼吸器の管理). */
export function careLabel(code: string, locale: Locale, short = false): string {
  const item = CARE_ITEMS.find((i) => i.code === code);
  if (!item) return code;
  const label = item[locale];
  return short ? (label.split(/[（(]/)[0] ?? label).trim() : label;
}

export const CARE_CODES: readonly string[] = CARE_ITEMS.map((i) => i.code);

/** The calendar date (Japan time) of an instant, as ISO 'YYYY-MM-DD'. */
export function japanDate(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant.slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** 令和8年11月26日（2026年11月26日） in Japanese; 26 Nov 2026 (Reiwa 8) in English — both calendars. */
export function bothCalendars(instant: string, locale: Locale): string {
  const iso = japanDate(instant);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  let wareki = '';
  try {
    wareki = locale === 'ja' ? formatWareki(iso) : `${warekiYear(y).era.romaji} ${warekiYear(y).year}`;
  } catch {
    wareki = '';
  }
  if (locale === 'ja') return wareki ? `${wareki}（${y}年${m}月${d}日）` : `${y}年${m}月${d}日`;
  const western = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return wareki ? `${western} (${wareki})` : western;
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
      {value ? t(ACCEPTANCE_KEYS[value]) : t('resources.acceptance.unknown')}
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
  const days = s.byday.map((d) => t(WEEKDAY_KEYS[d])).join('・');
  const hours = s.opensAt || s.closesAt ? ` ${s.opensAt ?? ''}〜${s.closesAt ?? ''}` : '';
  return `${days}${hours}${s.note ? `（${s.note}）` : ''}`;
}
