import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import {
  MATURITY_ITEM_LABELS,
  MATURITY_ITEMS,
  MATURITY_STATUSES,
  maturityStatusLabel,
} from '../../../../src/shared/vocab/municipalities';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNendo, formatNumber } from '../../lib/format';
import {
  type MunicipalOverview,
  overviewExportHref,
  useMunicipalOverview,
} from '../../lib/queries/municipalities';
import { forTrainingRoles } from '../learning/courses/Guard';
import { MaturityMap } from './MaturityMap';
import { MaturityTable } from './MaturityTable';
import { currentNendoInJapan, parseNendoSearch } from './search';

/** "Placed 27 of 33, considering 6": each item's counts this 年度 (KA-5), with last 年度's in-place count. */
function Totals({ overview }: { overview: MunicipalOverview }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  const [prev, cur] = overview.totals as [
    MunicipalOverview['totals'][number],
    MunicipalOverview['totals'][number],
  ];
  const all = overview.rows.length;
  return (
    <ul className="mb-6 grid gap-2 md:grid-cols-2">
      {MATURITY_ITEMS.map((item, i) => {
        const [first, second] = MATURITY_STATUSES[item];
        const c = cur.byItem[i]!.counts;
        const p = prev.byItem[i]!.counts;
        return (
          <li key={item} className="rounded-8 border border-solid-gray-420 px-4 py-2">
            <span className="block text-std-16B-170">{vocab(t, MATURITY_ITEM_LABELS, item)}</span>
            <span className="block tabular-nums">
              {t('muni.totalLine', {
                first: maturityStatusLabel(item, first, locale),
                n: n(c[first] ?? 0),
                all: n(all),
                second: maturityStatusLabel(item, second, locale),
                m: n(c[second] ?? 0),
                unrecorded: n(c.unrecorded ?? 0),
              })}
            </span>
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('muni.totalPrev', {
                nendo: formatNendo(prev.nendo, locale),
                first: maturityStatusLabel(item, first, locale),
                n: n(p[first] ?? 0),
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The prefecture view (取組格差): every municipality of the reader's area, its maturity this 年度 beside the
 * last, as counts per item, a tile map by region and a table; each municipality opens its page.
 */
function MunicipalitiesScreen() {
  const t = useT();
  const { locale } = useLocale();
  const search = parseNendoSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const thisNendo = currentNendoInJapan();
  const query = useMunicipalOverview(search.nendo);
  const years = Array.from({ length: 4 }, (_, i) => thisNendo - i);
  return (
    <Page title={t('muni.title')} intro={t('muni.intro')}>
      <SelectField
        label={t('muni.nendo')}
        value={String(search.nendo ?? thisNendo)}
        onChange={(v) => void navigate({ to: '/municipalities', search: { nendo: Number(v) } })}
        options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
        wrapperClassName="max-w-xs"
      />
      <p className="mt-4 mb-6 print:hidden">
        <a
          href={overviewExportHref(search.nendo ?? thisNendo, locale)}
          download
          className={buttonClass('secondary')}
        >
          {t('muni.download')}
        </a>
      </p>
      <QueryState query={query}>
        {(overview) =>
          overview.rows.length === 0 ? (
            <p role="status">{t('muni.none')}</p>
          ) : (
            <>
              {overview.rows.length === 1 && (
                <p className="mb-6">
                  <Link
                    to="/municipalities/$code"
                    params={{ code: overview.rows[0]!.code }}
                    className="inline-flex min-h-11 items-center text-std-17B-170"
                  >
                    {t('muni.openOwn', { name: overview.rows[0]!.name })}
                  </Link>
                </p>
              )}
              <Section
                title={t('muni.totalsTitle', { nendo: formatNendo(overview.nendo, locale) })}
                id="muni-totals"
              >
                <Totals overview={overview} />
              </Section>
              <Section title={t('muni.mapTitle')} id="muni-map">
                <MaturityMap overview={overview} />
              </Section>
              <Section title={t('muni.tableTitle')} id="muni-table">
                {/* The map above names each municipality's band; the items' statuses, a row each, open on
                    demand (open for a reader of five or fewer, and when printed). */}
                <Fold
                  defaultOpen={overview.rows.length <= 5}
                  summary={t('muni.showTable', { n: formatNumber(overview.rows.length, locale) })}
                >
                  <MaturityTable overview={overview} />
                </Fold>
              </Section>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

export const MunicipalitiesPage = forTrainingRoles(readsMunicipalPages, MunicipalitiesScreen);
