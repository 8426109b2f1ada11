import {
  type CareScore,
  type CareTable,
  computeCareScore,
  type WatchLevel,
} from '../../../../../src/shared/care-score';
import { Fold } from '../../../components/Fold';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { type Translate, useLocale, useT } from '../../../i18n';
import { careItemLabel } from '../../../lib/queries/care-table';
import type { ChildRecord } from '../../../lib/queries/child-record';

export function tierLabel(t: Translate, tier: number | null): string {
  if (tier === null) return t('common.none');
  return tier > 0 ? t('care.tier', { n: tier }) : t('care.tier0');
}

export function watchLabel(t: Translate, level: WatchLevel): string {
  return t(`care.watch.${level}`);
}

/** The score of a record: the server's, or computed from its items by the same shared function. */
export function scoreOf(child: ChildRecord, table: CareTable): CareScore | null {
  if (child.careScore !== null) {
    return {
      total: child.careScore,
      tier: (child.careTier ?? 0) as CareScore['tier'],
      breakdown: child.careScoreBreakdown,
    };
  }
  try {
    return computeCareScore(child.careItems, table);
  } catch {
    return null;
  }
}

/** The score, its tier and the lines that add up to it. */
export function ScoreSummary({
  score,
  table,
  caption,
  live = false,
  folded = false,
}: {
  score: CareScore;
  table: CareTable;
  caption: string;
  live?: boolean;
  /** The breakdown opens from a line with its count (the record page); the editor's preview shows it. */
  folded?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const breakdown = (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t('care.item')}</Th>
          <Th>{t('care.base')}</Th>
          <Th>{t('care.watchScore')}</Th>
          <Th>{t('care.subtotal')}</Th>
        </tr>
      </thead>
      <tbody>
        {score.breakdown.map((line) => (
          <tr key={line.code}>
            <RowTh>{careItemLabel(table, line.code, locale)}</RowTh>
            <Td className="tabular-nums">{line.base}</Td>
            <Td className="tabular-nums">{line.watch}</Td>
            <Td className="tabular-nums font-bold">{line.base + line.watch}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  return (
    <div>
      <p
        className="mb-3 flex flex-wrap items-baseline gap-x-6 gap-y-1 text-std-20B-150"
        aria-live={live ? 'polite' : undefined}
        data-testid={live ? 'care-preview' : 'care-score'}
      >
        <span>{t('care.scoreValue', { n: score.total })}</span>
        <span>{tierLabel(t, score.tier)}</span>
      </p>
      {score.breakdown.length > 0 && !folded && breakdown}
      {score.breakdown.length > 0 && folded && (
        <Fold summary={t('record.openBreakdown', { n: score.breakdown.length })} testId="fold-breakdown">
          {breakdown}
        </Fold>
      )}
    </div>
  );
}
