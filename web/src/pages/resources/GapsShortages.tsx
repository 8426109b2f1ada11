import { useState } from 'react';
import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import { GAP_LEVEL_LABELS } from '../../../../src/shared/vocab/resources';
import { Pagination } from '../../components/Pagination';
import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import type { Bottleneck, Gaps } from '../../lib/queries/resources';
import { bottleneckLabel, careLabel } from '../public/resources/display';
import { StageTable } from './GapsCellDetail';
import { LEVEL_STYLE } from './GapsHeatMap';

/**
 * The shortages (region × care item), the largest first by the heat map's rule: only pairs with a shortage, each
 * with its level, who was counted stage by stage, and the bottlenecks noted.
 */

function bottlenecksFor(list: Bottleneck[], regionId: string, careItem: string | null) {
  return list.filter((b) => b.regionId === regionId && (b.careItem === careItem || b.careItem === null));
}

function bottleneckText(t: Translate, b: Bottleneck) {
  return `${bottleneckLabel(t, b.kind)}${b.note ? `：${b.note}` : ''}`;
}

/** Ten pairs a page: the largest shortages lead; the rest are a page away (the workbook has them all). */
const PAGE_SIZE = 10;

export function Shortages({ gaps, t, locale }: { gaps: Gaps; t: Translate; locale: Locale }) {
  const [page, setPage] = useState(1);
  const satisfied =
    gaps.satisfied > 0 ? (
      <p className="mb-4 text-std-16N-170">
        {t('resources.gaps.satisfied', { n: formatNumber(gaps.satisfied, locale) })}
      </p>
    ) : null;
  if (gaps.shortages.length === 0)
    return (
      <>
        <p>{t('resources.gaps.noShortage')}</p>
        {satisfied}
      </>
    );
  const pages = Math.max(1, Math.ceil(gaps.shortages.length / PAGE_SIZE));
  const shown = Math.min(page, pages);
  const rows = gaps.shortages.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE);
  const regionCell = (regionId: string, code: string) =>
    gaps.regions.find((r) => r.id === regionId)?.cells.find((c) => c.careItem === code);
  return (
    <>
      <Table caption={t('resources.gaps.shortagesCaption')}>
        <thead>
          <tr>
            <Th className="text-right">{t('resources.gaps.rank')}</Th>
            <Th>{t('resources.region')}</Th>
            <Th>{t('resources.careItem')}</Th>
            <Th className="text-right">{t('resources.gaps.shortage')}</Th>
            <Th>{t('resources.gaps.level')}</Th>
            <Th className="text-right">{t('resources.gaps.demand')}</Th>
            <Th className="text-right">{t('resources.gaps.services')}</Th>
            <Th className="text-right">{t('resources.gaps.places')}</Th>
            <Th>{t('resources.gaps.whoCounts')}</Th>
            <Th>{t('resources.gaps.bottlenecks')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const cell = regionCell(s.regionId, s.careItem);
            const notes = bottlenecksFor(gaps.bottlenecks, s.regionId, s.careItem);
            return (
              <tr key={`${s.regionId}:${s.careItem}`} data-testid="shortage-row">
                <Td className="text-right tabular-nums">{s.rank}</Td>
                <RowTh className="whitespace-nowrap">{s.regionName}</RowTh>
                <Td className="min-w-40 whitespace-normal">{careLabel(s.careItem, locale)}</Td>
                <Td className="text-right font-bold tabular-nums" data-testid="shortage">
                  {formatNumber(s.shortage, locale)}
                </Td>
                <Td className={`whitespace-nowrap ${LEVEL_STYLE[s.level]}`}>
                  {vocab(t, GAP_LEVEL_LABELS, s.level)}
                </Td>
                <Td className="text-right tabular-nums">{formatNumber(s.demand, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.services, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.places, locale)}</Td>
                <Td className="min-w-32">
                  {cell ? (
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2">
                        {t('resources.gaps.showWhoShort')}
                        <span className="sr-only">
                          {t('resources.gaps.showWho', {
                            stages: cell.stages
                              .map((st) =>
                                t('resources.gaps.stageLine', {
                                  stage: vocab(t, LIFE_STAGE_LABELS, st.stage),
                                  n: formatNumber(st.demand, locale),
                                }),
                              )
                              .join(locale === 'ja' ? '、' : ', '),
                          })}
                        </span>
                      </summary>
                      <StageTable cell={cell} t={t} locale={locale} />
                    </details>
                  ) : (
                    '—'
                  )}
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
      <Pagination page={shown} pageSize={PAGE_SIZE} total={gaps.shortages.length} onPage={setPage} />
      {satisfied}
    </>
  );
}
