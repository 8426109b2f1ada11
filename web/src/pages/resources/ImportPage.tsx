import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { CENSUS_ENCODING_LABELS } from '../../../../src/shared/vocab/census';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { INPUT_CLASS } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import {
  type ImportPreview,
  useHsdsImport,
  useHsdsImportPreview,
  useImport,
  useImportPreview,
} from '../../lib/queries/resources';
import { runsResourceRounds } from './access';
import { forResourceRoles } from './Guard';
import { HsdsPreview } from './HsdsPreview';
import { ImportCounts, PlannedRows, ROWS_SHOWN } from './ImportPlan';
import { PlacesSection } from './PlacesSection';

function Preview({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
        <dt className="font-bold">{t('resources.import.file')}</dt>
        <dd>
          {preview.fileName ?? '—'}（{vocab(t, CENSUS_ENCODING_LABELS, preview.encoding)}）
        </dd>
        <ImportCounts preview={preview} rowsLabel={t('resources.import.rows')} />
      </dl>

      {preview.issues.length > 0 && (
        <Table caption={t('resources.import.issues', { n: preview.issues.length })}>
          <thead>
            <tr>
              <Th>{t('resources.import.row')}</Th>
              <Th>{t('resources.import.column')}</Th>
              <Th>{t('resources.import.problem')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.issues.map((i) => (
              <tr key={`${i.row}:${i.column}:${i.en}`}>
                <RowTh className="tabular-nums">{i.row === 0 ? t('resources.import.header') : i.row}</RowTh>
                <Td>{i.column ?? '—'}</Td>
                <Td className="text-error-2">{locale === 'ja' ? i.ja : i.en}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <Table caption={t('resources.import.columns')}>
        <thead>
          <tr>
            <Th>{t('resources.import.header')}</Th>
            <Th>{t('resources.import.field')}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => (
            <tr key={c.header}>
              <RowTh>{c.header}</RowTh>
              <Td>{c.field ?? t('resources.import.ignored')}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <PlannedRows
        rows={preview.rows}
        officeNumber
        caption={t('resources.import.rowsCaption', {
          shown: Math.min(ROWS_SHOWN, preview.rows.length),
          total: preview.rows.length,
        })}
      />
    </>
  );
}

const FORMATS = {
  csv: { accept: '.csv,text/csv', label: 'resources.import.format.csv', hint: 'resources.import.hint' },
  hsds: {
    accept: '.json,.gz,application/json,application/gzip',
    label: 'resources.import.format.hsds',
    hint: 'resources.import.hsdsHint',
  },
} as const;
type Format = keyof typeof FORMATS;

/**
 * Open data of welfare offices (CSV) or an HSDS 3.0 directory (JSON): preview with row errors, then an
 * all-or-nothing import.
 */
function ImportInner() {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [file, setFile] = useState<File | null>(null);
  const csvPreview = useImportPreview();
  const csvRun = useImport();
  const hsdsPreview = useHsdsImportPreview();
  const hsdsRun = useHsdsImport();
  const preview = format === 'csv' ? csvPreview : hsdsPreview;
  const run = format === 'csv' ? csvRun : hsdsRun;
  const reset = () => {
    for (const m of [csvPreview, csvRun, hsdsPreview, hsdsRun]) m.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    run.reset();
    preview.mutate(file);
  };

  return (
    <Page title={t('resources.import.title')} intro={t('resources.import.intro')}>
      <p className="mb-4 print:hidden">
        <Link to="/resources">{t('resources.staff.backToList')}</Link>
      </p>
      <form onSubmit={submit} className="mb-8">
        <fieldset className="mb-4">
          <legend className="mb-1 text-std-17B-170">{t('resources.import.format')}</legend>
          {(Object.keys(FORMATS) as Format[]).map((f) => (
            <div key={f} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                id={`${id}-${f}`}
                name={`${id}-format`}
                value={f}
                checked={format === f}
                onChange={() => {
                  setFormat(f);
                  setFile(null);
                  reset();
                }}
                className="size-6 accent-key-900"
              />
              <label htmlFor={`${id}-${f}`} className="text-std-16N-170">
                {t(FORMATS[f].label)}
              </label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={id} className="mb-1 block text-std-17B-170">
          {t('resources.import.choose')}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">
          {t(FORMATS[format].hint)}
        </p>
        <input
          key={format}
          id={id}
          type="file"
          accept={FORMATS[format].accept}
          aria-describedby={`${id}-hint`}
          className={`${INPUT_CLASS} mb-3`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            reset();
          }}
        />
        <Button type="submit" disabled={!file || preview.isPending}>
          {t('resources.import.preview')}
        </Button>
      </form>
      <ApiErrorAlert error={preview.error ?? run.error} />
      <StatusMessage>
        {run.data
          ? t('resources.import.done', {
              created: formatNumber(run.data.created, locale),
              updated: formatNumber(run.data.updated, locale),
              unchanged: formatNumber(run.data.unchanged, locale),
            })
          : undefined}
      </StatusMessage>
      {preview.data && (
        <Section id="import-preview" title={t('resources.import.previewTitle')}>
          {format === 'csv' && csvPreview.data && <Preview preview={csvPreview.data} />}
          {format === 'hsds' && hsdsPreview.data && <HsdsPreview preview={hsdsPreview.data} />}
          {!run.data && (
            <div className="mb-8 flex flex-wrap items-center gap-3">
              <Button
                disabled={!preview.data.canImport || run.isPending || !file}
                onClick={() => file && run.mutate(file)}
              >
                {t('resources.import.run')}
              </Button>
              {!preview.data.canImport && (
                <p className="text-std-16B-170 text-error-2">{t('resources.import.cannot')}</p>
              )}
            </div>
          )}
        </Section>
      )}
      <PlacesSection />
    </Page>
  );
}

export const ImportPage = forResourceRoles(runsResourceRounds, ImportInner);
