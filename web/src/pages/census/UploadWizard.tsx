import { type FormEvent, useId, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, INPUT_CLASS, SelectField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatNumber } from '../../lib/format';
import {
  CENSUS_ENCODING_LABELS,
  censusTemplateHref,
  type ImportPreview,
  type Mapping,
  type Source,
  useCreateImport,
  usePreviewImport,
  useRejectedRowsDownload,
} from '../../lib/queries/census';
import { nendoLabel } from './labels';
import { PreviewTables } from './PreviewTables';

/**
 * The upload wizard: choose the source and the file → the server reads it and shows what it recognised (columns,
 * the first rows, row problems) → fix the column mapping by hand if needed (each change is checked again) →
 * import. Errors block the import — unless the user imports the good rows only, with the rows left out and
 * their reasons to download as .xlsx; warnings are kept with it. The common sheet is read without any mapping.
 * A municipality's staff (`own`) upload their own municipality's list only.
 */
export function UploadWizard({
  nendo,
  sources,
  own = false,
}: {
  nendo: number;
  sources: Source[];
  own?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const fileId = useId();
  const preview = usePreviewImport();
  const create = useCreateImport();
  const rejected = useRejectedRowsDownload();
  const [sourceId, setSourceId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [saveMapping, setSaveMapping] = useState(false);
  const [errors, setErrors] = useState<{ source?: string; file?: string }>({});
  const [done, setDone] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setFileKey((k) => k + 1);
    setResult(null);
    setMapping(null);
    setSaveMapping(false);
    preview.reset();
  };

  const runPreview = (withMapping: Mapping | null) => {
    if (!file || !sourceId) return;
    preview.mutate(
      { file, sourceId, nendo, mapping: withMapping },
      {
        onSuccess: (p) => {
          setResult(p);
          if (!withMapping) setMapping(null);
        },
      },
    );
  };

  const submitPreview = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      source: sourceId ? undefined : t('census.error.chooseSource'),
      file: file ? undefined : t('census.error.chooseFile'),
    };
    setErrors(next);
    setDone(null);
    if (next.source || next.file) return;
    setResult(null);
    setMapping(null);
    runPreview(null);
  };

  const changeField = (key: string, field: Mapping[string]) => {
    if (!result) return;
    const current: Mapping =
      mapping ?? Object.fromEntries(result.columns.map((c) => [c.key, c.field] as const));
    const next = { ...current, [key]: field };
    setMapping(next);
    runPreview(next);
  };

  const startImport = (goodRowsOnly = false) => {
    if (!file || !sourceId || !result) return;
    create.mutate(
      { file, sourceId, nendo, mapping, saveMapping: saveMapping && mapping !== null, goodRowsOnly },
      {
        onSuccess: (res) => {
          setDone(
            !res.created
              ? t('census.upload.alreadyImported', { file: res.import.fileName })
              : goodRowsOnly
                ? t('census.upload.startedGood', {
                    file: res.import.fileName,
                    rejected: formatNumber(result.rejectedRowCount, locale),
                  })
                : t('census.upload.started', { file: res.import.fileName }),
          );
          reset();
        },
      },
    );
  };
  const municipality = sources.find((s) => s.municipalityName)?.municipalityName ?? t('census.own.yours');

  const fileError = errors.file;
  const busy = preview.isPending || create.isPending;
  return (
    <Section id="census-upload" title={t('census.upload')}>
      <p className="mb-2 max-w-3xl text-std-16N-170 text-solid-gray-700">
        {own
          ? t('census.upload.ownIntro', { municipality })
          : t('census.upload.intro', { nendo: nendoLabel(nendo, locale) })}
      </p>
      <p className="mb-4 max-w-3xl text-std-16N-170 text-solid-gray-700">
        {t('census.upload.templateIntro')}{' '}
        <a href={censusTemplateHref(nendo)} download className="inline-flex min-h-11 items-center">
          {t('census.upload.template')}
        </a>
      </p>
      <StatusMessage>{done}</StatusMessage>
      <form onSubmit={submitPreview} noValidate className="max-w-xl">
        <SelectField
          name="upload.sourceId"
          label={t('census.upload.source')}
          value={sourceId}
          onChange={(v) => {
            setSourceId(v);
            setResult(null);
            setMapping(null);
          }}
          options={sources.map((s) => ({ value: s.id, label: s.name }))}
          emptyLabel={t('common.choose')}
          required
          error={errors.source}
          hint={
            sources.length === 0
              ? own
                ? t('census.upload.noOwnSources', { municipality })
                : t('census.upload.noSources')
              : undefined
          }
        />
        <div className="mb-5">
          <label htmlFor={fileId} className="mb-1 block text-std-17B-170 text-solid-gray-900">
            {t('census.upload.file')}
          </label>
          <p id={`${fileId}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">
            {t('census.upload.fileHint')}
          </p>
          <input
            key={fileKey}
            id={fileId}
            name="upload.file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setMapping(null);
            }}
            className={`${INPUT_CLASS} file:mr-4 file:rounded-8 file:border-0 file:bg-key-50 file:px-3 file:py-1`}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="mt-1 text-std-16B-170 text-error-2">
              {fileError}
            </p>
          )}
        </div>
        <Button type="submit" disabled={busy}>
          {preview.isPending ? t('census.upload.reading') : t('census.upload.preview')}
        </Button>
      </form>
      {preview.error && <ApiErrorAlert error={preview.error} />}
      {result && (
        <div className="mt-6">
          <p className="mb-3 text-std-17B-170" role="status">
            {t('census.preview.summary', {
              file: result.fileName,
              rows: formatNumber(result.rowCount, locale),
              errors: formatNumber(result.errorCount, locale),
              warnings: formatNumber(result.warningCount, locale),
            })}
            {result.encoding
              ? ` ${t('census.preview.encoding', { encoding: vocab(t, CENSUS_ENCODING_LABELS, result.encoding) })}`
              : ''}
          </p>
          {result.rejectedRowCount > 0 && (
            <p className="mb-3 text-std-16N-170">
              {t('census.preview.goodRows', {
                good: formatNumber(result.goodRowCount, locale),
                rejected: formatNumber(result.rejectedRowCount, locale),
              })}
            </p>
          )}
          {result.duplicateOf && <StatusMessage tone="info">{t('census.preview.duplicate')}</StatusMessage>}
          <PreviewTables preview={result} mapping={mapping} busy={preview.isPending} onField={changeField} />
          {mapping && (
            <Checkbox
              label={t('census.preview.saveMapping')}
              checked={saveMapping}
              onChange={setSaveMapping}
            />
          )}
          {create.error && <ApiErrorAlert error={create.error} />}
          {!result.canImport && (
            <p className="my-3 text-std-16B-170 text-error-2">
              {result.canImportGoodRows
                ? t('census.preview.blockedGoodRows', {
                    good: formatNumber(result.goodRowCount, locale),
                    rejected: formatNumber(result.rejectedRowCount, locale),
                  })
                : t('census.preview.blocked')}
            </p>
          )}
          {rejected.error && <ApiErrorAlert error={rejected.error} />}
          <div className="mt-4 flex flex-wrap gap-3">
            {result.canImport || !result.canImportGoodRows ? (
              <Button onClick={() => startImport()} disabled={busy || !result.canImport}>
                {create.isPending ? t('census.upload.importing') : t('census.upload.import')}
              </Button>
            ) : (
              <Button onClick={() => startImport(true)} disabled={busy}>
                {create.isPending
                  ? t('census.upload.importing')
                  : t('census.upload.importGood', { n: formatNumber(result.goodRowCount, locale) })}
              </Button>
            )}
            {result.rejectedRowCount > 0 && file && (
              <Button
                variant="secondary"
                disabled={rejected.isPending}
                onClick={() => rejected.mutate({ file, sourceId, nendo, mapping })}
              >
                {rejected.isPending ? t('census.upload.rejectedXlsxBusy') : t('census.upload.rejectedXlsx')}
              </Button>
            )}
            <Button variant="secondary" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
