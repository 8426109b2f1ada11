import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  type EngagementKind,
  type EngagementStatus,
  GOOD_EXAMPLE_USE_LABELS,
  type GoodExampleUse,
} from '../../../../src/shared/vocab/engagements';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';

const BADGE = 'inline-block rounded-4 border px-2 text-dns-14B-130';

const KIND_CLASS: Record<EngagementKind, string> = {
  hearing: 'border-key-900 bg-key-50 text-key-1000',
  four_division: 'border-success-2 bg-green-50 text-green-900',
  support: 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800',
};

export function KindBadge({ kind }: { kind: EngagementKind }) {
  const t = useT();
  return <span className={`${BADGE} ${KIND_CLASS[kind]}`}>{vocab(t, ENGAGEMENT_KIND_LABELS, kind)}</span>;
}

/** 予定 only: a held engagement needs no badge. */
export function PlannedBadge({ status }: { status: EngagementStatus }) {
  const t = useT();
  if (status !== 'planned') return null;
  return (
    <span className={`${BADGE} border-warning-yellow-2 bg-yellow-50 text-solid-gray-900`}>
      {vocab(t, ENGAGEMENT_STATUS_LABELS, status)}
    </span>
  );
}

export function GoodExampleBadge({ uses }: { uses: readonly GoodExampleUse[] }) {
  const t = useT();
  const names = uses.map((u) => vocab(t, GOOD_EXAMPLE_USE_LABELS, u)).join('・');
  return (
    <span className={`${BADGE} border-key-900 bg-white text-key-1000`}>
      {t('eng.goodExample')}
      {names && `（${names}）`}
    </span>
  );
}
