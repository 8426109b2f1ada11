import { Link } from '@tanstack/react-router';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type Run, useCensusImports, useCensusRuns, useStartRun } from '../../lib/queries/census';
import { BreakdownShort } from './Breakdown';
import { JobProgress } from './JobProgress';
import { nendoLabel } from './labels';

/** Linkage runs of the 年度: start one over every imported list and the registry, follow it, open review and results. */
export function RunsSection({
  nendo,
  canWrite,
  own = false,
}: {
  nendo: number;
  canWrite: boolean;
  /** A municipality's staff: no imports of the whole prefecture, and each run opens their discrepancies. */
  own?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const runs = useCensusRuns(nendo);
  const imports = useCensusImports(nendo, !own);
  const start = useStartRun();
  const items = imports.data?.items ?? [];
  const imported = items.filter((i) => i.status === 'imported' && !i.supersededAt).length;
  const importing = items.some((i) => i.status === 'queued' || i.status === 'running');
  const running = (runs.data?.items ?? []).some((r) => r.status === 'queued' || r.status === 'running');
  const reason =
    imported === 0 ? t('census.runs.needImports') : importing ? t('census.runs.waitImports') : null;
  return (
    <Section id="census-runs" title={t('census.runs')}>
      {canWrite && (
        <div className="mb-4">
          <p className="mb-3 max-w-3xl text-std-16N-170 text-solid-gray-700">
            {t('census.runs.intro', { nendo: nendoLabel(nendo, locale), n: imported })}
          </p>
          <Button
            onClick={() => start.mutate(nendo)}
            disabled={start.isPending || reason !== null || running}
            aria-describedby={reason ? 'census-run-reason' : undefined}
          >
            {t('census.runs.start')}
          </Button>
          {reason && (
            <p id="census-run-reason" className="mt-2 text-std-16N-170 text-solid-gray-700">
              {reason}
            </p>
          )}
          {start.error && <ApiErrorAlert error={start.error} />}
        </div>
      )}
      <QueryState query={runs}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('census.runs.empty')}</p>
          ) : (
            <Table caption={t('census.runs.caption', { nendo: nendoLabel(nendo, locale) })} captionHidden>
              <thead>
                <tr>
                  <Th>{t('census.run.createdAt')}</Th>
                  <Th>{t('census.run.status')}</Th>
                  <Th>{t('census.run.counts')}</Th>
                  <Th>{t('census.run.reviews')}</Th>
                  <Th>{t('common.actions')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <RunRow key={r.id} run={r} own={own} />
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}

function RunRow({ run, own }: { run: Run; own: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const when = formatDateTime(run.createdAt, locale);
  const done = run.status === 'linked' || run.status === 'published';
  return (
    <tr>
      <RowTh className="whitespace-nowrap">{when}</RowTh>
      <Td className="min-w-56">
        <p className="text-std-16B-170">{t(`census.runStatus.${run.status}`)}</p>
        {!done && <JobProgress job={run.job} label={t('census.run.progress', { when })} />}
      </Td>
      <Td className="tabular-nums">
        {run.breakdown ? (
          <BreakdownShort breakdown={run.breakdown} />
        ) : run.recordCount === null ? (
          '—'
        ) : (
          t('census.run.countsValue', {
            records: formatNumber(run.recordCount, locale),
            children: formatNumber(run.clusterCount ?? 0, locale),
          })
        )}
      </Td>
      <Td className="whitespace-nowrap tabular-nums">
        {done
          ? t('census.run.reviewsValue', {
              pending: formatNumber(run.pendingReviews, locale),
              decided: formatNumber(run.decidedReviews, locale),
            })
          : '—'}
      </Td>
      <Td>
        {done && own && (
          <Link
            to="/census/runs/$runId"
            params={{ runId: run.id }}
            className="inline-flex min-h-11 items-center"
          >
            {t('census.run.openDiscrepancies')}
            <span className="sr-only">{` (${when})`}</span>
          </Link>
        )}
        {done && !own && (
          <div className="flex flex-wrap gap-x-4">
            <Link
              to="/census/runs/$runId/review"
              params={{ runId: run.id }}
              search={{}}
              className="inline-flex min-h-11 items-center"
            >
              {t('census.run.openReview')}
              <span className="sr-only">{` (${when})`}</span>
            </Link>
            <Link
              to="/census/runs/$runId"
              params={{ runId: run.id }}
              className="inline-flex min-h-11 items-center"
            >
              {t('census.run.openResults')}
              <span className="sr-only">{` (${when})`}</span>
            </Link>
          </div>
        )}
      </Td>
    </tr>
  );
}
