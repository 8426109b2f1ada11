import { Link } from '@tanstack/react-router';
import {
  MATURITY_ITEM_LABELS,
  MATURITY_ITEM_SHORT_LABELS,
  MATURITY_ITEMS,
  type MaturityItem,
  maturityLevel,
  maturityStatusLabel,
} from '../../../../src/shared/vocab/municipalities';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNendo } from '../../lib/format';
import type { MunicipalOverview } from '../../lib/queries/municipalities';
import { BandLabel } from './bands';
import { byRegion } from './MaturityMap';

/** ● in place, ◐ under way, ○ not: a mark beside the written status, never instead of it. */
const MARK = ['○', '◐', '●'] as const;

/** One item's status in a 年度, marked and written; "—" when not recorded. */
export function StatusText({ item, status }: { item: MaturityItem; status: string | null }) {
  const t = useT();
  if (!status) return <span className="text-solid-gray-700">{t('muni.notRecorded')}</span>;
  return (
    <span className="whitespace-nowrap">
      <span aria-hidden="true" className="mr-1">
        {MARK[maturityLevel(item, status)]}
      </span>
      {maturityStatusLabel(item, status, t.locale)}
    </span>
  );
}

/**
 * Every municipality of the area, by region: each item's status this 年度 with last 年度's beneath it when it
 * differs, the band and the number of items in place in both — the disparities (取組格差) at a glance.
 */
export function MaturityTable({ overview }: { overview: MunicipalOverview }) {
  const t = useT();
  const { locale } = useLocale();
  const [prevN, curN] = overview.nendos as [number, number];
  return (
    <Table
      caption={t('muni.tableCaption', { nendo: formatNendo(curN, locale), prev: formatNendo(prevN, locale) })}
    >
      <thead>
        <tr>
          <Th>{t('muni.colMunicipality')}</Th>
          {MATURITY_ITEMS.map((item) => (
            <Th key={item} title={vocab(t, MATURITY_ITEM_LABELS, item)}>
              {vocab(t, MATURITY_ITEM_SHORT_LABELS, item)}
            </Th>
          ))}
          <Th>{t('muni.colBand')}</Th>
          <Th className="text-right">{t('muni.colInPlace')}</Th>
        </tr>
      </thead>
      {byRegion(overview.rows, locale).map((g) => (
        <tbody key={g.key || 'none'}>
          <tr>
            <th
              scope="colgroup"
              colSpan={MATURITY_ITEMS.length + 3}
              className="bg-solid-gray-50 px-4 py-2 text-left text-std-16B-170"
            >
              {g.name ?? t('muni.noRegion')}
            </th>
          </tr>
          {g.rows.map((r) => {
            const [prev, cur] = r.years as [(typeof r.years)[number], (typeof r.years)[number]];
            return (
              <tr key={r.code}>
                <RowTh className="min-w-32">
                  <Link
                    to="/municipalities/$code"
                    params={{ code: r.code }}
                    className="inline-flex min-h-11 items-center text-std-16B-170"
                  >
                    {r.name}
                  </Link>
                </RowTh>
                {MATURITY_ITEMS.map((item) => (
                  <Td key={item}>
                    <StatusText item={item} status={cur.items[item] ?? null} />
                    {prev.items[item] !== cur.items[item] && (
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('muni.was', {
                          nendo: formatNendo(prevN, locale),
                          status: prev.items[item]
                            ? maturityStatusLabel(item, prev.items[item]!, locale)
                            : t('muni.notRecorded'),
                        })}
                      </span>
                    )}
                  </Td>
                ))}
                <Td>
                  <BandLabel band={cur.band} />
                </Td>
                <Td className="text-right tabular-nums whitespace-nowrap">
                  {t('muni.inPlaceYears', { cur: cur.inPlace, prev: prev.inPlace })}
                </Td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </Table>
  );
}
