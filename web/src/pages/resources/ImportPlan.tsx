import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { HsdsImportPreview, ImportPreview } from '../../lib/queries/resources';
import { typeLabel } from '../public/resources/display';

/** Rows of a preview listed on screen; the counts above them cover every row. */
export const ROWS_SHOWN = 200;

const ACTION_KEYS = {
  create: 'resources.import.action.create',
  update: 'resources.import.action.update',
  unchanged: 'resources.import.action.unchanged',
  error: 'resources.import.action.error',
} as const;

type Counts = Pick<ImportPreview, 'rowCount' | 'createCount' | 'updateCount' | 'unchangedCount'>;

/** How many listings an import would create, update and leave unchanged (both import formats). */
export function ImportCounts({ preview, rowsLabel }: { preview: Counts; rowsLabel: string }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <dt className="font-bold">{rowsLabel}</dt>
      <dd>{n(preview.rowCount)}</dd>
      <dt className="font-bold">{t('resources.import.action.create')}</dt>
      <dd>{n(preview.createCount)}</dd>
      <dt className="font-bold">{t('resources.import.action.update')}</dt>
      <dd>{n(preview.updateCount)}</dd>
      <dt className="font-bold">{t('resources.import.action.unchanged')}</dt>
      <dd>{n(preview.unchangedCount)}</dd>
    </>
  );
}

type PlannedRow = (ImportPreview['rows'][number] | HsdsImportPreview['rows'][number]) & {
  officeNumber?: string | null;
};

/** One line per row of the file: what the import would do with it (the office number where the format has one). */
export function PlannedRows({
  rows,
  caption,
  officeNumber = false,
}: {
  rows: PlannedRow[];
  caption: string;
  officeNumber?: boolean;
}) {
  const t = useT();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t('resources.import.row')}</Th>
          <Th>{t('resources.import.whatHappens')}</Th>
          {officeNumber && <Th>{t('resources.officeNumber')}</Th>}
          <Th>{t('resources.name')}</Th>
          <Th>{t('resources.type')}</Th>
          <Th>{t('resources.address')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((r) => (
          <tr key={r.row}>
            <RowTh className="tabular-nums">{r.row}</RowTh>
            <Td className={r.action === 'error' ? 'font-bold text-error-2' : ''}>
              {t(ACTION_KEYS[r.action])}
            </Td>
            {officeNumber && <Td>{r.officeNumber ?? '—'}</Td>}
            <Td>{r.name ?? '—'}</Td>
            <Td>{r.type ? typeLabel(t, r.type) : '—'}</Td>
            <Td>{r.address ?? '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
