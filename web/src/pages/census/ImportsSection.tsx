import { Fragment, useState } from 'react';
import { SOURCE_TYPE_LABELS } from '../../../../src/shared/vocab/census';
import { Button } from '../../components/Button';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type ImportSummary, useCensusImport, useCensusImports } from '../../lib/queries/census';
import { JobProgress } from './JobProgress';
import { nendoLabel } from './labels';
import { IssueList } from './PreviewTables';

/** The 年度's imports, newest first, with each job's live progress (polled while one is queued or running). */
export function ImportsSection({ nendo }: { nendo: number }) {
  const t = useT();
  const { locale } = useLocale();
  const imports = useCensusImports(nendo);
  const caption = t('census.imports.caption', { nendo: nendoLabel(nendo, locale) });
  return (
    <Section id="census-imports" title={t('census.imports')}>
      <QueryState query={imports}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('census.imports.empty')}</p>
          ) : (
            <Table caption={caption} captionHidden>
              <thead>
                <tr>
                  <Th>{t('census.import.file')}</Th>
                  <Th>{t('census.import.source')}</Th>
                  <Th>{t('census.import.status')}</Th>
                  <Th>{t('census.import.rows')}</Th>
                  <Th>{t('census.import.createdAt')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <ImportRow key={i.id} item={i} />
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}

function ImportRow({ item }: { item: ImportSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const label = t('census.import.progress', { file: item.fileName });
  return (
    <Fragment>
      <tr>
        <RowTh className="font-bold break-all">{item.fileName}</RowTh>
        <Td>
          {item.sourceName}
          <span className="block text-solid-gray-700">{vocab(t, SOURCE_TYPE_LABELS, item.sourceType)}</span>
        </Td>
        <Td className="min-w-56">
          <p className="text-std-16B-170">
            {t(`census.importStatus.${item.status}`)}
            {item.supersededAt ? ` ${t('census.import.superseded')}` : ''}
          </p>
          {item.status !== 'imported' && <JobProgress job={item.job} label={label} />}
        </Td>
        <Td className="whitespace-nowrap tabular-nums">
          {item.rowCount === null ? '—' : t('common.count', { n: formatNumber(item.rowCount, locale) })}
          {item.rejectedCount ? (
            <span className="block text-solid-gray-700">
              {t('census.import.rejected', { n: formatNumber(item.rejectedCount, locale) })}
            </span>
          ) : null}
          {item.issueCount ? (
            <Button
              variant="text"
              className="print:hidden"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {t('census.import.issues', { n: formatNumber(item.issueCount, locale) })}
              <span className="sr-only">{` (${item.fileName})`}</span>
            </Button>
          ) : null}
        </Td>
        <Td className="whitespace-nowrap">{formatDateTime(item.createdAt, locale)}</Td>
      </tr>
      {open && (
        <tr>
          <td colSpan={5} className="border-b border-solid-gray-200 px-4 py-2">
            <ImportIssues id={item.id} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The row issues an import kept (warnings), loaded when asked for. */
function ImportIssues({ id }: { id: string }) {
  const t = useT();
  const detail = useCensusImport(id);
  return (
    <QueryState query={detail}>
      {(d) => (
        <IssueList
          tone={d.issues.some((i) => i.severity === 'error') ? 'error' : 'warning'}
          title={t('census.import.issuesOf', { file: d.fileName })}
          issues={d.issues}
        />
      )}
    </QueryState>
  );
}
