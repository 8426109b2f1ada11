import { CENSUS_FIELD_LABELS } from '../../../../src/shared/vocab/census';
import { SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { INPUT_CLASS } from '../../components/Field';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import {
  CENSUS_FIELDS,
  type CensusField,
  type ImportPreview,
  type Mapping,
  type RowIssue,
} from '../../lib/queries/census';

/**
 * What the server read from a file: each column with samples and the field it goes to (a selector to map it by
 * hand), the row problems (errors block the import, warnings do not) and the first rows as normalised.
 */
export function PreviewTables({
  preview,
  mapping,
  busy,
  onField,
}: {
  preview: ImportPreview;
  mapping: Mapping | null;
  busy: boolean;
  onField: (key: string, field: CensusField | null) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const errors = preview.issues.filter((i) => i.severity === 'error');
  const warnings = preview.issues.filter((i) => i.severity === 'warning');
  return (
    <>
      <Table caption={t('census.preview.columns')}>
        <thead>
          <tr>
            <Th>{t('census.preview.header')}</Th>
            <Th>{t('census.preview.samples')}</Th>
            <Th>{t('census.preview.field')}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => {
            const value = mapping ? (mapping[c.key] ?? null) : c.field;
            return (
              <tr key={c.key}>
                <RowTh className="font-bold">{c.header}</RowTh>
                <Td className="text-solid-gray-700">{c.samples.slice(0, 3).join('、') || '—'}</Td>
                <Td>
                  <select
                    aria-label={t('census.preview.fieldFor', { header: c.header })}
                    value={value ?? ''}
                    disabled={busy}
                    onChange={(e) => onField(c.key, (e.target.value || null) as CensusField | null)}
                    className={`${INPUT_CLASS} min-w-48`}
                  >
                    <option value="">{t('census.field.ignore')}</option>
                    {CENSUS_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {vocab(t, CENSUS_FIELD_LABELS, f)}
                      </option>
                    ))}
                  </select>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {errors.length > 0 && (
        <IssueList tone="error" title={t('census.preview.errors', { n: errors.length })} issues={errors} />
      )}
      {warnings.length > 0 && (
        <IssueList
          tone="warning"
          title={t('census.preview.warnings', { n: warnings.length })}
          issues={warnings}
        />
      )}
      <Table caption={t('census.preview.rows', { n: preview.rows.length })}>
        <thead>
          <tr>
            <Th>{t('census.row')}</Th>
            <Th>{t('census.member.name')}</Th>
            <Th>{t('census.member.kana')}</Th>
            <Th>{t('census.member.birthDate')}</Th>
            <Th>{t('census.member.sex')}</Th>
            <Th>{t('census.member.municipality')}</Th>
            <Th>{t('census.member.school')}</Th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row}>
              <RowTh className="tabular-nums">{r.row}</RowTh>
              <Td>{r.name ?? '—'}</Td>
              <Td>{r.kana ?? '—'}</Td>
              <Td className="whitespace-nowrap">{formatDate(r.birthDate, locale, { western: true })}</Td>
              <Td>{r.sex ? vocab(t, SEX_LABELS, r.sex) : '—'}</Td>
              <Td>{r.municipalityName ?? '—'}</Td>
              <Td>{[r.school, r.grade].filter(Boolean).join(' ') || '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** Row problems with the row and column they concern, in the UI language. */
export function IssueList({
  tone,
  title,
  issues,
}: {
  tone: 'error' | 'warning';
  title: string;
  issues: RowIssue[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const colours =
    tone === 'error'
      ? 'border-error-2 bg-red-50 text-error-2'
      : 'border-warning-yellow-2 bg-yellow-50 text-solid-gray-900';
  return (
    <div className={`my-4 rounded-8 border-2 px-4 py-3 ${colours}`}>
      <h3 className="mb-1 text-std-17B-170">{title}</h3>
      <ul className="list-disc pl-6 text-std-16N-170">
        {issues.slice(0, 50).map((i) => (
          <li key={`${i.row}:${i.column ?? ''}:${i.en}`}>
            {i.row > 0 ? t('census.issue.row', { row: i.row }) : t('census.issue.file')}
            {i.column ? ` ${t('census.issue.column', { column: i.column })}` : ''}
            {'：'}
            {i[locale]}
          </li>
        ))}
      </ul>
      {issues.length > 50 && <p className="mt-1">{t('census.issue.more', { n: issues.length - 50 })}</p>}
    </div>
  );
}
