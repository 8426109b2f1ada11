import { LIFE_STAGE_LABELS } from '../../../../src/shared/vocab/registry';
import {
  GAP_LEVEL_LABELS,
  GAP_NEED_LABELS,
  GAP_NEEDS,
  SERVICE_TYPE_LABELS,
} from '../../../../src/shared/vocab/resources';
import { Button } from '../../components/Button';
import { RowTh, Table, Td, Th } from '../../components/Table';
import type { Locale, Translate } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import type { GapCell, Gaps } from '../../lib/queries/resources';
import { careLabel } from '../public/resources/display';

/** Who counts in one cell of the gaps: its children by life stage against the services counted, by type. */

/** "放課後等デイサービス 2、訪問看護 1" — the services counted for one stage, or that there are none. */
export function typesText(t: Translate, byType: { type: string; services: number }[]) {
  if (byType.length === 0) return t('resources.gaps.noneCounted');
  return byType
    .map((x) => `${vocab(t, SERVICE_TYPE_LABELS, x.type)} ${x.services}`)
    .join(t.locale === 'ja' ? '、' : ', ');
}

export function StageTable({ cell, t, locale }: { cell: GapCell; t: Translate; locale: Locale }) {
  return (
    <Table caption={t('resources.gaps.detailCaption')} captionHidden>
      <thead>
        <tr>
          <Th>{t('resources.gaps.stage')}</Th>
          <Th className="text-right">{t('resources.gaps.children')}</Th>
          {GAP_NEEDS.map((n) => (
            <Th key={n}>{vocab(t, GAP_NEED_LABELS, n)}</Th>
          ))}
          <Th>{t('resources.gaps.countedTypes')}</Th>
          <Th className="text-right">{t('resources.gaps.shortage')}</Th>
        </tr>
      </thead>
      <tbody>
        {cell.stages.map((s) => (
          <tr key={s.stage}>
            <RowTh className="whitespace-nowrap">{vocab(t, LIFE_STAGE_LABELS, s.stage)}</RowTh>
            <Td className="text-right tabular-nums">{formatNumber(s.demand, locale)}</Td>
            {GAP_NEEDS.map((n) => {
              const need = s.needs.find((x) => x.need === n);
              return (
                <Td key={n} className="text-dns-14N-130 whitespace-nowrap" data-need={n}>
                  {need
                    ? t('resources.gaps.needCell', {
                        services: formatNumber(need.services, locale),
                        places: formatNumber(need.places, locale),
                        shortage: formatNumber(need.shortage, locale),
                      })
                    : '—'}
                </Td>
              );
            })}
            <Td className="min-w-64 whitespace-normal text-dns-14N-130">{typesText(t, s.byType)}</Td>
            <Td className="text-right font-bold tabular-nums">{formatNumber(s.shortage, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function CellDetail({
  areaName,
  cell,
  t,
  locale,
  onClose,
}: {
  areaName: string;
  cell: GapCell;
  t: Translate;
  locale: Locale;
  onClose: () => void;
}) {
  return (
    <section
      aria-label={t('resources.gaps.detailTitle', { area: areaName, item: careLabel(cell.careItem, locale) })}
      className="mb-6 rounded-8 border border-solid-gray-420 p-4"
      data-testid="gap-detail"
    >
      <h3 className="mb-2 text-std-17B-170">
        {t('resources.gaps.detailTitle', { area: areaName, item: careLabel(cell.careItem, locale) })}
        {'　'}
        <span className="text-std-16N-170">（{vocab(t, GAP_LEVEL_LABELS, cell.level)}）</span>
      </h3>
      {cell.demand === 0 ? (
        <p className="mb-2">
          {t('resources.gaps.detailNoDemand', { n: formatNumber(cell.services, locale) })}
        </p>
      ) : (
        <StageTable cell={cell} t={t} locale={locale} />
      )}
      <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
        {t('resources.gaps.capacityLine', {
          capacity: formatNumber(cell.capacity, locale),
          vacancy: formatNumber(cell.vacancy, locale),
          unknown: formatNumber(cell.capacityUnknown, locale),
        })}
      </p>
      <Button variant="secondary" onClick={onClose}>
        {t('resources.gaps.closeDetail')}
      </Button>
    </section>
  );
}

/** The 目安 per need in words, from the rule's data. */
function placesText(gaps: Gaps, t: Translate) {
  const key = {
    atMost: 'resources.gaps.placesAtMost',
    perBed: 'resources.gaps.placesPerBed',
    ignored: 'resources.gaps.placesIgnored',
  } as const;
  return gaps.rule.places
    .map((p) => t(key[p.capacity], { need: vocab(t, GAP_NEED_LABELS, p.need), n: p.perService }))
    .join(t.locale === 'ja' ? '、' : '; ');
}

/** The rule as a table: each life stage's ages and the service types counted for each need. */
export function RuleTable({ gaps, t }: { gaps: Gaps; t: Translate }) {
  const sep = t.locale === 'ja' ? '、' : ', ';
  return (
    <details className="mb-6">
      <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
        {t('resources.gaps.ruleSummary')}
      </summary>
      <Table caption={t('resources.gaps.ruleCaption')}>
        <thead>
          <tr>
            <Th>{t('resources.gaps.stage')}</Th>
            <Th>{t('resources.gaps.ages')}</Th>
            {GAP_NEEDS.map((n) => (
              <Th key={n}>{vocab(t, GAP_NEED_LABELS, n)}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gaps.rule.stages.map((s) => (
            <tr key={s.stage}>
              <RowTh className="whitespace-nowrap">{vocab(t, LIFE_STAGE_LABELS, s.stage)}</RowTh>
              <Td className="whitespace-nowrap">
                {s.maxAge === null
                  ? t('resources.gaps.agesFrom', { min: s.minAge })
                  : t('resources.gaps.agesRange', { min: s.minAge, max: s.maxAge })}
              </Td>
              {GAP_NEEDS.map((n) => {
                const types = s.needs.find((x) => x.need === n)?.types ?? [];
                return (
                  <Td key={n} className="min-w-48 whitespace-normal">
                    {types.length ? types.map((x) => vocab(t, SERVICE_TYPE_LABELS, x)).join(sep) : '—'}
                  </Td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mb-2 text-std-16N-170">
        {t('resources.gaps.placesTitle', { list: placesText(gaps, t) })}
      </p>
      <p className="text-std-16N-170">{t('resources.gaps.ruleNotCounted')}</p>
    </details>
  );
}
