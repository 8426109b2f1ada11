import { type FormEvent, useId, useState } from 'react';
import type { PlaceKind } from '../../../../src/db/schema/places';
import { CENSUS_ENCODING_LABELS } from '../../../../src/shared/vocab/census';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { INPUT_CLASS } from '../../components/Field';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime, formatNumber } from '../../lib/format';
import {
  type PlacesPreview,
  usePlacesImport,
  usePlacesPreview,
  usePlacesRefresh,
  usePlacesSummary,
} from '../../lib/queries/places';

const KINDS: PlaceKind[] = ['municipality', 'town', 'station', 'landmark'];
const KIND_KEY: Record<PlaceKind, MessageKey> = {
  municipality: 'resources.places.kind.municipality',
  town: 'resources.places.kind.town',
  station: 'resources.places.kind.station',
  landmark: 'resources.places.kind.landmark',
};

/** What the public search resolves a typed place with: rows by kind and where they come from. */
function Holdings() {
  const t = useT();
  const { locale } = useLocale();
  const query = usePlacesSummary();
  return (
    <QueryState query={query}>
      {(s) => (
        <>
          <Table caption={t('resources.places.holdings')}>
            <thead>
              <tr>
                <Th>{t('resources.places.kind')}</Th>
                <Th className="text-right">{t('resources.places.source.reference')}</Th>
                <Th className="text-right">{t('resources.places.source.listings')}</Th>
                <Th className="text-right">{t('resources.places.source.import')}</Th>
              </tr>
            </thead>
            <tbody>
              {KINDS.map((kind) => {
                const row = s.counts.find((c) => c.kind === kind);
                return (
                  <tr key={kind}>
                    <RowTh>{t(KIND_KEY[kind])}</RowTh>
                    {(['reference', 'listings', 'import'] as const).map((src) => (
                      <Td key={src} className="text-right tabular-nums">
                        {formatNumber(row?.bySource[src] ?? 0, locale)}
                      </Td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {s.updatedAt && (
            <p className="mb-4 text-solid-gray-700">
              {t('resources.places.updatedAt', { time: formatDateTime(s.updatedAt, locale) })}
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}

function PreviewResult({ preview }: { preview: PlacesPreview }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <p className="mb-2">
        {t('resources.places.previewLine', {
          file: preview.fileName ?? '—',
          encoding: vocab(t, CENSUS_ENCODING_LABELS, preview.encoding),
          rows: n(preview.rows),
        })}
      </p>
      <p className="mb-2">
        {KINDS.filter((k) => preview.byKind[k] > 0)
          .map((k) => `${t(KIND_KEY[k])} ${n(preview.byKind[k])}`)
          .join('、')}
      </p>
      {preview.counts && (
        <p className="mb-4 text-std-17B-170">
          {t('resources.places.wouldDo', {
            inserted: n(preview.counts.inserted),
            updated: n(preview.counts.updated),
            unchanged: n(preview.counts.unchanged),
          })}
        </p>
      )}
      {preview.issues.length > 0 && (
        <Table caption={t('resources.places.issues', { n: n(preview.issues.length) })}>
          <thead>
            <tr>
              <Th>{t('resources.places.line')}</Th>
              <Th>{t('resources.import.problem')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.issues.slice(0, 100).map((i) => (
              <tr key={`${i.line}:${i.en}`}>
                <RowTh className="tabular-nums">{i.line}</RowTh>
                <Td className="text-error-2">{locale === 'ja' ? i.ja : i.en}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/**
 * The place names a family may type into the public search (issue 12 item 6, docs/resources.md §4): what the
 * gazetteer holds, a places file previewed then imported all or nothing, and the listings' 町字 recomputed.
 */
export function PlacesSection() {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePlacesPreview();
  const run = usePlacesImport();
  const refresh = usePlacesRefresh();
  const n = (x: number) => formatNumber(x, locale);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    run.reset();
    preview.mutate(file);
  };

  return (
    <Section id="places" title={t('resources.places.title')}>
      <p className="mb-4">{t('resources.places.intro')}</p>
      <Holdings />
      <form onSubmit={submit} className="mb-4">
        <label htmlFor={id} className="mb-1 block text-std-17B-170">
          {t('resources.places.choose')}
        </label>
        <p id={`${id}-hint`} className="mb-1 text-std-16N-170 text-solid-gray-700">
          {t('resources.places.hint')}
        </p>
        <input
          id={id}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint`}
          className={`${INPUT_CLASS} mb-3`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            preview.reset();
            run.reset();
          }}
        />
        <Button type="submit" disabled={!file || preview.isPending}>
          {t('resources.places.preview')}
        </Button>
      </form>
      <ApiErrorAlert error={preview.error ?? run.error ?? refresh.error} />
      <StatusMessage>
        {run.data
          ? t('resources.places.done', {
              inserted: n(run.data.inserted),
              updated: n(run.data.updated),
              unchanged: n(run.data.unchanged),
            })
          : refresh.data
            ? t('resources.places.refreshed', { towns: n(refresh.data.towns) })
            : undefined}
      </StatusMessage>
      {preview.data && (
        <div className="mb-6">
          <PreviewResult preview={preview.data} />
          {!run.data && (
            <Button
              disabled={!preview.data.counts || run.isPending || !file}
              onClick={() => file && run.mutate(file)}
            >
              {t('resources.places.run')}
            </Button>
          )}
        </div>
      )}
      <p className="mb-2 text-solid-gray-700">{t('resources.places.refreshHint')}</p>
      <Button variant="secondary" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
        {t('resources.places.refresh')}
      </Button>
    </Section>
  );
}
