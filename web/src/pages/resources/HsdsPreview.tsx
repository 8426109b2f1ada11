import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { HsdsImportPreview } from '../../lib/queries/resources';
import { typeLabel } from '../public/resources/display';

const ROWS_SHOWN = 200;
const ACTION_KEYS = {
  create: 'resources.import.action.create',
  update: 'resources.import.action.update',
  unchanged: 'resources.import.action.unchanged',
  error: 'resources.import.action.error',
} as const;

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
        <dt className="font-bold">{t('resources.import.services')}</dt>
        <dd>{n(preview.rowCount)}</dd>
        <dt className="font-bold">{t('resources.import.action.create')}</dt>
        <dd>{n(preview.createCount)}</dd>
        <dt className="font-bold">{t('resources.import.action.update')}</dt>
        <dd>{n(preview.updateCount)}</dd>
        <dt className="font-bold">{t('resources.import.action.unchanged')}</dt>
        <dd>{n(preview.unchangedCount)}</dd>
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

      <Table
        caption={t('resources.import.servicesCaption', {
          shown: Math.min(ROWS_SHOWN, preview.rows.length),
          total: preview.rows.length,
        })}
      >
        <thead>
          <tr>
            <Th>{t('resources.import.row')}</Th>
            <Th>{t('resources.import.whatHappens')}</Th>
            <Th>{t('resources.name')}</Th>
            <Th>{t('resources.type')}</Th>
            <Th>{t('resources.address')}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, ROWS_SHOWN).map((r) => (
            <tr key={r.row}>
              <RowTh className="tabular-nums">{r.row}</RowTh>
              <Td className={r.action === 'error' ? 'font-bold text-error-2' : ''}>
                {t(ACTION_KEYS[r.action])}
              </Td>
              <Td>{r.name ?? '—'}</Td>
              <Td>{r.type ? typeLabel(t, r.type) : '—'}</Td>
              <Td>{r.address ?? '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
