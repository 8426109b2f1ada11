import { CADENCE_STATE_LABELS, type CadenceState } from '../../../../src/shared/vocab/engagements';
import { DIVISION_LABELS } from '../../../../src/shared/vocab/network';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatNumber } from '../../lib/format';
import type { FourDivisionRow } from '../../lib/queries/engagements';

const STATE_CLASS: Record<CadenceState, string> = {
  overdue: 'border-error-2 bg-red-50 text-error-2',
  due: 'border-warning-yellow-2 bg-yellow-50 text-solid-gray-900',
  on_track: 'border-success-2 bg-green-50 text-green-900',
  off_cycle: 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800',
};

export function StateBadge({ state }: { state: CadenceState }) {
  const t = useT();
  return (
    <span className={`inline-block rounded-4 border px-2 text-dns-14B-130 ${STATE_CLASS[state]}`}>
      {vocab(t, CADENCE_STATE_LABELS, state)}
    </span>
  );
}

/** The last meeting and which divisions came. */
export function LastMeeting({ r }: { r: FourDivisionRow }) {
  const t = useT();
  const { locale } = useLocale();
  if (!r.lastHeldOn) return <>{t('eng.cycle.never')}</>;
  return (
    <>
      <span className="block whitespace-nowrap">{formatDate(r.lastHeldOn, locale, { compact: true })}</span>
      <span className="block text-dns-14N-130 text-solid-gray-700">
        {r.lastDivisions.map((d) => vocab(t, DIVISION_LABELS, d)).join('・')}
      </span>
    </>
  );
}

/** When the next one is due, how overdue it is, and the one planned. */
export function NextDue({ r }: { r: FourDivisionRow }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <StateBadge state={r.state} />
      {r.nextDue && (
        <span className="block whitespace-nowrap">
          {t('eng.cycle.dueBy', { date: formatDate(r.nextDue, locale, { compact: true }) })}
        </span>
      )}
      {r.daysOverdue > 0 && (
        <span className="block font-bold text-error-2">
          {t('eng.cycle.daysOverdue', { n: formatNumber(r.daysOverdue, locale) })}
        </span>
      )}
      {r.nextPlannedOn && (
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {t('eng.cycle.planned', { date: formatDate(r.nextPlannedOn, locale, { compact: true }) })}
        </span>
      )}
    </>
  );
}

/** Whose it is: the named owner, else the branch covering the region, else the HQ. */
export function Whose({ r }: { r: FourDivisionRow }) {
  const t = useT();
  return <>{r.ownerName ?? r.branchName ?? t('eng.cycle.hq')}</>;
}
