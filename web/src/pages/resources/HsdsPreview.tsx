import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { HsdsImportPreview } from '../../lib/queries/resources';
import { ImportCounts, PlannedRows, ROWS_SHOWN } from './ImportPlan';

/** What an HSDS import would do: tables read, counts, issues by table and row, one line per service. */
export function HsdsPreview({ preview }: { preview: HsdsImportPreview }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
        <dt className="font-bold">{t('resources.import.file')}</dt>
        <dd>{preview.fileName ?? '—'}</dd>
        <dt className="font-bold">{t('resources.import.hsdsVersion')}</dt>
        <dd>{preview.version ?? '—'}</dd>
        <ImportCounts preview={preview} rowsLabel={t('resources.import.services')} />
      </dl>

      {preview.issues.length > 0 && (
        <Table caption={t('resources.import.issues', { n: preview.issues.length })}>
          <thead>
            <tr>
              <Th>{t('resources.import.table')}</Th>
              <Th>{t('resources.import.row')}</Th>
              <Th>{t('resources.import.problem')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.issues.map((i) => (
              <tr key={`${i.row}:${i.column}:${i.en}`}>
                <RowTh>{i.row === 0 ? t('resources.import.wholeFile') : i.column}</RowTh>
                <Td className="tabular-nums">{i.row === 0 ? '—' : i.row}</Td>
                <Td className="text-error-2">{locale === 'ja' ? i.ja : i.en}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {preview.tables.length > 0 && (
        <Table caption={t('resources.import.tables')}>
          <thead>
            <tr>
              <Th>{t('resources.import.table')}</Th>
              <Th>{t('resources.import.count')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.tables.map((x) => (
              <tr key={x.name}>
                <RowTh>{x.name}</RowTh>
                <Td className="tabular-nums">{n(x.count)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <PlannedRows
        rows={preview.rows}
        caption={t('resources.import.servicesCaption', {
          shown: Math.min(ROWS_SHOWN, preview.rows.length),
          total: preview.rows.length,
        })}
      />
    </>
  );
}
