import { Link, useParams } from '@tanstack/react-router';
import { BarTable } from '../../components/BarTable';
import { Button } from '../../components/Button';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type RunResults, useCensusRun, useRunResults } from '../../lib/queries/census';
import { NotFoundPage } from '../NotFoundPage';
import { BreakdownShort, BreakdownSteps } from './Breakdown';
import { DiscrepancySection } from './DiscrepancySection';
import { JobProgress } from './JobProgress';
import { nendoLabel } from './labels';
import { PublishActions } from './PublishActions';
import { ReportedSection } from './ReportedSection';
import { useCensusOwnList, useCensusWrite } from './use-census-write';

/**
 * A linkage run's results for its 年度: headline numbers, counts by municipality, region, age band, care item,
 * school type and source combination, the change from last year, each municipality's discrepancies (with the
 * workbook to send back), and the publish and push steps. Prints as a report (buttons hidden).
 */
export function CensusResultsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { runId } = useParams({ from: '/app/census/runs/$runId' });
  const canWrite = useCensusWrite();
  // A municipality's staff read their own discrepancies here, not the prefecture's figures.
  const own = useCensusOwnList();
  const run = useCensusRun(runId);
  const ready = run.data?.status === 'linked' || run.data?.status === 'published';
  const results = useRunResults(runId, ready && !own);
  if (isApiError(run.error) && run.error.status === 404) return <NotFoundPage />;
  const title = run.data
    ? t('census.results.titleOf', { nendo: nendoLabel(run.data.nendo, locale) })
    : t('census.results.title');
  return (
    <Page title={title}>
      <p className="mb-4 flex flex-wrap gap-x-6 print:hidden">
        <Link to="/census" search={{ nendo: run.data?.nendo }} className="inline-flex min-h-11 items-center">
          {t('census.back')}
        </Link>
        {!own && (
          <Link
            to="/census/runs/$runId/review"
            params={{ runId }}
            search={{}}
            className="inline-flex min-h-11 items-center"
          >
            {t('census.run.openReview')}
          </Link>
        )}
      </p>
      <QueryState query={run}>
        {(r) => (
          <>
            <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
              <dt className="font-bold">{t('census.run.status')}</dt>
              <dd>{t(`census.runStatus.${r.status}`)}</dd>
              <dt className="font-bold">{t('census.run.createdAt')}</dt>
              <dd>{formatDateTime(r.createdAt, locale)}</dd>
              {r.publishedAt && (
                <>
                  <dt className="font-bold">{t('census.run.publishedAt')}</dt>
                  <dd>{formatDateTime(r.publishedAt, locale)}</dd>
                </>
              )}
              {r.pushedAt && (
                <>
                  <dt className="font-bold">{t('census.run.pushedAt')}</dt>
                  <dd>{formatDateTime(r.pushedAt, locale)}</dd>
                </>
              )}
            </dl>
            {!ready && <JobProgress job={r.job} label={t('census.run.progressShort')} />}
            {ready && canWrite && <PublishActions run={r} />}
            {ready && !own && r.breakdown && (
              <p className="mb-4 text-std-16N-170">
                <BreakdownShort breakdown={r.breakdown} />
              </p>
            )}
            {ready && !own && (
              <div className="mb-6 print:hidden">
                <Button variant="secondary" onClick={() => window.print()}>
                  {t('census.results.print')}
                </Button>
              </div>
            )}
          </>
        )}
      </QueryState>
      {ready && !own && <QueryState query={results}>{(data) => <ResultTables data={data} />}</QueryState>}
      {ready && <DiscrepancySection runId={runId} />}
    </Page>
  );
}

function ResultTables({ data }: { data: RunResults }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = (items: RunResults['byMunicipality']) =>
    items.map((c) => ({ key: c.key, label: locale === 'ja' ? c.label : c.labelEn, count: c.count }));
  const count = t('census.results.count');
  const tables: [MessageKey, string, RunResults['byMunicipality']][] = [
    ['census.results.byMunicipality', t('census.results.municipality'), data.byMunicipality],
    ['census.results.byRegion', t('census.results.region'), data.byRegion],
    ['census.results.byAgeBand', t('census.results.ageBand'), data.byAgeBand],
    ['census.results.bySchoolType', t('census.results.schoolType'), data.bySchoolType],
    ['census.results.bySources', t('census.results.sources'), data.bySources],
  ];
  return (
    <>
      <Section id="census-headline" title={t('census.results.headline')}>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          <Figure
            label={t('census.results.children')}
            value={t('common.persons', { n: formatNumber(data.children, locale) })}
          />
          <Figure
            label={t('census.results.records')}
            value={t('common.count', { n: formatNumber(data.records, locale) })}
          />
          <Figure
            label={t('census.results.municipalities')}
            value={formatNumber(data.byMunicipality.filter((m) => m.count > 0).length, locale)}
          />
          <Figure
            label={t('census.results.homeVisitEducation')}
            value={t('common.persons', { n: formatNumber(data.homeVisitEducation, locale) })}
          />
          <Figure
            label={t('census.results.nightCare')}
            value={t('common.persons', { n: formatNumber(data.nightCare, locale) })}
          />
        </dl>
      </Section>
      <Section id="census-breakdown" title={t('census.breakdown.title')}>
        <BreakdownSteps breakdown={data.breakdown} />
      </Section>
      <Section id="census-change" title={t('census.results.change')}>
        {data.change === null ? (
          <p>{t('census.results.noPrevious')}</p>
        ) : (
          <Table
            caption={t('census.results.changeFrom', { nendo: nendoLabel(data.change.previousNendo, locale) })}
          >
            <thead>
              <tr>
                <Th>{t('census.results.changeKind')}</Th>
                <Th>{count}</Th>
              </tr>
            </thead>
            <tbody>
              {(['continuing', 'new', 'moved', 'agedOut', 'deceased', 'notFound'] as const).map((k) => (
                <tr key={k}>
                  <RowTh>{t(`census.change.${k}`)}</RowTh>
                  <Td className="tabular-nums">
                    {t('common.persons', { n: formatNumber(data.change?.[k] ?? 0, locale) })}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      {data.reported && <ReportedSection reported={data.reported} />}
      <Section id="census-tables" title={t('census.results.tables')}>
        {/* Two columns on a wide screen, each table kept whole; one column when printed, as before. The care
            items, with their long names, fold under their count (open when printed). */}
        <div className="gap-x-6 lg:columns-2 print:columns-1">
          {tables.map(([key, header, items]) => (
            <div key={key} className="break-inside-avoid">
              <BarTable caption={t(key)} labelHeader={header} countHeader={count} rows={rows(items)} />
            </div>
          ))}
        </div>
        <Fold
          summary={t('census.results.showCareItems', { n: formatNumber(data.byCareItem.length, locale) })}
        >
          <BarTable
            caption={t('census.results.byCareItem')}
            labelHeader={t('census.results.careItem')}
            countHeader={count}
            rows={rows(data.byCareItem)}
          />
        </Fold>
      </Section>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-12 border border-solid-gray-300 p-4">
      <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
      <dd className="text-std-28B-150 tabular-nums text-solid-gray-900">{value}</dd>
    </div>
  );
}
