import { Link } from '@tanstack/react-router';
import { MATURITY_BAND_LABELS } from '../../../../src/shared/vocab/municipalities';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNendo } from '../../lib/format';
import type { MunicipalOverview } from '../../lib/queries/municipalities';
import { BandLegend, BandSwatch } from './bands';

type Row = MunicipalOverview['rows'][number];

/** A region's name in the reader's language (its English name where the prefecture gave one). */
export function regionLabel(
  r: { regionName: string | null; regionNameEn: string | null },
  locale: 'ja' | 'en',
): string | null {
  return locale === 'en' && r.regionNameEn ? r.regionNameEn : r.regionName;
}

/** The municipalities grouped by region, in the server's order (region order, then code). */
export function byRegion(
  rows: readonly Row[],
  locale: 'ja' | 'en',
): { key: string; name: string | null; rows: Row[] }[] {
  const groups = new Map<string, { key: string; name: string | null; rows: Row[] }>();
  for (const r of rows) {
    const key = r.regionId ?? '';
    const g = groups.get(key) ?? { key, name: regionLabel(r, locale), rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * A tile map without geography (the product holds no boundaries and loads no tiles): one square per
 * municipality, grouped by region, each showing its band by colour and pattern and, in writing, its name, how
 * many of the five items are in place this 年度 and the change from the last. Each tile opens the page.
 */
export function MaturityMap({ overview }: { overview: MunicipalOverview }) {
  const t = useT();
  const { locale } = useLocale();
  const current = overview.nendos.length - 1;
  const totals = overview.totals[current]?.byBand;
  return (
    <figure aria-labelledby="muni-map-caption" className="mb-8">
      <figcaption id="muni-map-caption" className="mb-2 text-std-17B-170">
        {t('muni.mapCaption', { nendo: formatNendo(overview.nendo, locale) })}
      </figcaption>
      <BandLegend counts={totals} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {byRegion(overview.rows, locale).map((g) => (
          <section
            key={g.key || 'none'}
            aria-label={g.name ?? t('muni.noRegion')}
            className="rounded-8 border border-solid-gray-420 p-3"
          >
            <h3 className="mb-2 text-std-16B-170">{g.name ?? t('muni.noRegion')}</h3>
            <ul className="grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] gap-2">
              {g.rows.map((r) => {
                const y = r.years[current]!;
                const prev = r.years[current - 1];
                const delta = prev ? y.inPlace - prev.inPlace : 0;
                const band = vocab(t, MATURITY_BAND_LABELS, y.band);
                const count = y.recorded
                  ? t('muni.inPlaceShort', { n: y.inPlace })
                  : t('muni.notRecordedShort');
                return (
                  <li key={r.code}>
                    <Link
                      to="/municipalities/$code"
                      params={{ code: r.code }}
                      aria-label={t('muni.tileLabel', { name: r.name, band, count })}
                      className="flex h-full min-h-20 flex-col overflow-hidden rounded-4 border-2 border-solid-gray-600 bg-white text-solid-gray-900 no-underline hover:border-key-900 focus-visible:outline-4 focus-visible:outline-key-900"
                    >
                      <BandSwatch band={y.band} className="h-3 w-full rounded-none border-0 border-b" />
                      <span className="px-2 pt-1 text-dns-14B-130">{r.name}</span>
                      <span className="px-2 pb-1 text-dns-14N-130 tabular-nums">
                        {count}
                        {delta !== 0 && prev?.recorded ? ` (${delta > 0 ? '+' : ''}${delta})` : ''}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </figure>
  );
}
