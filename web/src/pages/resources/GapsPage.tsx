import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useRegions } from '../../lib/queries/network';
import { type Gaps, gapsExportHref, useGaps } from '../../lib/queries/resources';
import { careLabel } from '../public/resources/display';
import { readsResourceGaps, writesBottlenecks } from './access';
import { Bottlenecks } from './GapsBottlenecks';
import { RuleTable } from './GapsCellDetail';
import { HeatMap, Legend } from './GapsHeatMap';
import { LifeStages } from './GapsLifeStages';
import { Shortages } from './GapsShortages';
import { forResourceRoles, useRole } from './Guard';
import { parseGapsSearch } from './search';

/**
 * 不足の分析 (NA-4, NA-5, MI-4): per region and municipality, children needing each care item (demand) against
 * the services that meet their daily needs at their age and accept it (supply), by the server's one rule
 * (resources/gap-rule.ts); a heat map whose cells carry numbers and a level word (not colour alone) and open who
 * was counted, the shortages largest first, services by life stage, and the coordinators' bottlenecks.
 * The page leads with its summary and the region heat map; the long tables below it (shortages, municipalities,
 * life stages, bottlenecks) are folded under a line that says how many rows they hold, and open for printing.
 */

/** The page's lead: how many region × care pairs fall short, by level, and the largest shortage. */
function Summary({ gaps }: { gaps: Gaps }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  const count = (level: string) => gaps.shortages.filter((s) => s.level === level).length;
  const top = gaps.shortages[0];
  return (
    <div className="mb-6 rounded-8 border border-solid-gray-420 p-4" data-testid="gaps-summary">
      <p className="text-std-18B-160">
        {gaps.shortages.length === 0
          ? t('resources.gaps.noShortage')
          : t('resources.gaps.summaryCount', {
              n: n(gaps.shortages.length),
              noSupply: n(count('noSupply')),
              high: n(count('high')),
              mid: n(count('mid')),
            })}
      </p>
      {top && (
        <p className="text-std-16N-170">
          {t('resources.gaps.summaryTop', {
            region: top.regionName,
            item: careLabel(top.careItem, locale),
            n: n(top.shortage),
          })}
        </p>
      )}
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        {t('resources.gaps.generated', { at: formatDateTime(gaps.generatedAt, locale) })}
      </p>
    </div>
  );
}

function GapsView({ gaps, regionId }: { gaps: Gaps; regionId?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const regionRows = regionId ? gaps.regions.filter((r) => r.id === regionId) : gaps.regions;
  const municipalityRows = regionId
    ? gaps.municipalities.filter((m) => m.regionId === regionId)
    : gaps.municipalities;
  return (
    <>
      <Summary gaps={gaps} />
      <details className="mb-2">
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('resources.gaps.howCounted')}
        </summary>
        <p className="mb-2 max-w-4xl text-std-16N-170">
          {locale === 'ja' ? gaps.shortageRule.ja : gaps.shortageRule.en}
        </p>
      </details>
      <RuleTable gaps={gaps} t={t} />
      <Section id="gaps-heatmap" title={t('resources.gaps.heatTitle')}>
        <Legend t={t} />
        <p className="mb-4 text-std-16N-170">{t('resources.gaps.heatHint')}</p>
        {gaps.careItems.length === 0 ? (
          <p>{t('resources.gaps.noData')}</p>
        ) : (
          <HeatMap
            gaps={gaps}
            areas={regionRows}
            caption={t('resources.gaps.heatCaption')}
            t={t}
            locale={locale}
          />
        )}
      </Section>
      <Section id="gaps-shortages" title={t('resources.gaps.shortagesTitle')}>
        {gaps.shortages.length === 0 ? (
          <Shortages gaps={gaps} t={t} locale={locale} />
        ) : (
          <Fold
            summary={t('resources.gaps.openShortages', { n: formatNumber(gaps.shortages.length, locale) })}
            testId="gaps-shortages-fold"
            className=""
          >
            <Shortages gaps={gaps} t={t} locale={locale} />
          </Fold>
        )}
      </Section>
      {municipalityRows.length > 0 && gaps.careItems.length > 0 && (
        <Section id="gaps-municipalities" title={t('resources.gaps.municipalTitle')}>
          {/* One row per municipality (33 in the demo prefecture): opened when wanted. */}
          <Fold
            summary={t('resources.gaps.showMunicipal', { n: formatNumber(municipalityRows.length, locale) })}
            className=""
          >
            <HeatMap
              gaps={gaps}
              areas={municipalityRows}
              caption={t('resources.gaps.municipalCaption')}
              t={t}
              locale={locale}
            />
          </Fold>
        </Section>
      )}
      <Section id="gaps-stages" title={t('resources.gaps.stagesTitle')}>
        <Fold
          summary={t('resources.gaps.openStages', { n: formatNumber(gaps.rule.stages.length, locale) })}
          testId="gaps-stages-fold"
          className=""
        >
          <LifeStages gaps={gaps} regionId={regionId} t={t} locale={locale} />
        </Fold>
      </Section>
      <Section id="gaps-bottlenecks" title={t('resources.gaps.bottlenecksTitle')}>
        <Bottlenecks gaps={gaps} regionId={regionId} canWrite={!!role && writesBottlenecks(role)} />
      </Section>
    </>
  );
}

function GapsInner() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseGapsSearch(raw), [raw]);
  const regions = useRegions();
  const gaps = useGaps(search.region);
  return (
    <Page title={t('resources.gaps.title')} intro={t('resources.gaps.intro')}>
      <div className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <SelectField
          label={t('resources.region')}
          value={search.region ?? ''}
          onChange={(v) => void navigate({ to: '/resources/gaps', search: { region: v || undefined } })}
          emptyLabel={t('resources.gaps.allRegions')}
          options={(regions.data ?? []).map((r) => ({
            value: r.id,
            label: locale === 'en' && r.nameEn ? r.nameEn : r.name,
          }))}
          wrapperClassName="min-w-64"
        />
        <a
          href={gapsExportHref(search.region, locale)}
          className={buttonClass('secondary', 'mb-5 no-underline')}
          download
        >
          {t('resources.gaps.export')}
        </a>
        <Link to="/resources" className="mb-5 inline-flex min-h-11 items-center">
          {t('resources.staff.backToList')}
        </Link>
      </div>
      <QueryState query={gaps}>{(data) => <GapsView gaps={data} regionId={search.region} />}</QueryState>
    </Page>
  );
}

export const GapsPage = forResourceRoles(readsResourceGaps, GapsInner);
