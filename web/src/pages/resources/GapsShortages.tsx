import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import type { Bottleneck, Gaps } from '../../lib/queries/resources';
import { bottleneckLabel, careLabel } from '../public/resources/display';

/** The ranked shortages (region × care item, worst first) with the demand by life stage and the bottlenecks noted. */

function bottlenecksFor(list: Bottleneck[], regionId: string, careItem: string | null) {
  return list.filter((b) => b.regionId === regionId && (b.careItem === careItem || b.careItem === null));
}

function bottleneckText(t: Translate, b: Bottleneck) {
  return `${bottleneckLabel(t, b.kind)}${b.note ? `：${b.note}` : ''}`;
}

export function Shortages({ gaps, t, locale }: { gaps: Gaps; t: Translate; locale: Locale }) {
  if (gaps.shortages.length === 0) return <p>{t('resources.gaps.noShortage')}</p>;
  const stages = gaps.lifeStages;
  const regionCell = (regionId: string, code: string) =>
    gaps.regions.find((r) => r.id === regionId)?.cells.find((c) => c.careItem === code);
  return (
    <Table caption={t('resources.gaps.shortagesCaption')}>
      <thead>
        <tr>
          <Th className="text-right">{t('resources.gaps.rank')}</Th>
          <Th>{t('resources.region')}</Th>
          <Th>{t('resources.careItem')}</Th>
          <Th className="text-right">{t('resources.gaps.demand')}</Th>
          <Th className="text-right">{t('resources.gaps.services')}</Th>
          <Th className="text-right">{t('resources.vacancy')}</Th>
          <Th className="text-right">{t('resources.gaps.shortfall')}</Th>
          <Th>{t('resources.gaps.byStage')}</Th>
          <Th>{t('resources.gaps.bottlenecks')}</Th>
        </tr>
      </thead>
      <tbody>
        {gaps.shortages.map((s) => {
          const cell = regionCell(s.regionId, s.careItem);
          const notes = bottlenecksFor(gaps.bottlenecks, s.regionId, s.careItem);
          return (
            <tr key={`${s.regionId}:${s.careItem}`}>
              <Td className="text-right tabular-nums">{s.rank}</Td>
              <RowTh>{s.regionName}</RowTh>
              <Td>{careLabel(s.careItem, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.demand, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.services, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.vacancy, locale)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(s.shortfall, locale)}</Td>
              <Td className="text-dns-14N-130">
                {cell
                  ? stages
                      .filter((st) => (cell.demandByStage[st] ?? 0) > 0)
                      .map((st) => `${vocab(t, LIFE_STAGE_LABELS, st)} ${cell.demandByStage[st]}`)
                      .join('、') || '—'
                  : '—'}
              </Td>
              <Td className="min-w-48">
                {notes.length === 0 ? (
                  '—'
                ) : (
                  <ul className="list-disc pl-5">
                    {notes.map((b) => (
                      <li key={b.id}>{bottleneckText(t, b)}</li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
