import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import {
  LIBRARY_AUDIENCE_LABELS,
  LIBRARY_AUDIENCES,
  LIBRARY_KIND_LABELS,
  LIBRARY_KINDS,
  LIBRARY_SITUATION_LABELS,
  LIBRARY_SITUATIONS,
  LIBRARY_VISIBILITY_LABELS,
} from '../../../../src/shared/vocab/library';
import { Button, buttonClass } from '../../components/Button';
import { Checkbox, SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import { type LibraryList, useLibrary } from '../../lib/queries/library';
import { forTrainingRoles, useRole } from '../learning/courses/Guard';
import { keepsLibrary, readsLibrary } from './access';
import { type LibrarySearch, parseLibrarySearch } from './search';
import { areaText, audiencesText, kindText, StaleBadge, situationsText } from './shared';

function Filters({ search }: { search: LibrarySearch }) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<LibrarySearch>(search);
  useEffect(() => setForm(search), [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/library', search: form });
  };
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label={t('lib.situation')}
          value={form.situation ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, situation: v || undefined }))}
          emptyLabel={t('lib.any')}
          options={vocabOptions(t, LIBRARY_SITUATIONS, LIBRARY_SITUATION_LABELS)}
        />
        <SelectField
          label={t('lib.audience')}
          value={form.audience ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, audience: v || undefined }))}
          emptyLabel={t('lib.any')}
          options={vocabOptions(t, LIBRARY_AUDIENCES, LIBRARY_AUDIENCE_LABELS)}
        />
        <SelectField
          label={t('lib.kind')}
          value={form.kind ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, kind: v || undefined }))}
          emptyLabel={t('lib.any')}
          options={vocabOptions(t, LIBRARY_KINDS, LIBRARY_KIND_LABELS)}
        />
        <TextField
          label={t('lib.q')}
          value={form.q ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, q: v || undefined }))}
        />
      </div>
      <Checkbox
        label={t('lib.staleOnly')}
        checked={!!form.stale}
        onChange={(v) => setForm((f) => ({ ...f, stale: v || undefined }))}
      />
      <Checkbox
        label={t('lib.archivedOnly')}
        checked={!!form.archived}
        onChange={(v) => setForm((f) => ({ ...f, archived: v || undefined }))}
      />
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/library', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data }: { data: LibraryList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('lib.empty')}</p>;
  return (
    <Table caption={t('lib.caption')}>
      <thead>
        <tr>
          <Th>{t('lib.item')}</Th>
          <Th>{t('lib.situation')}</Th>
          <Th>{t('lib.audience')}</Th>
          <Th>{t('lib.version')}</Th>
          <Th>{t('lib.reviewDue')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((i) => (
          <tr key={i.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {kindText(t, i)} ・ {LIBRARY_VISIBILITY_LABELS[i.visibility][locale]} ・ {areaText(t, i)}
              </span>
              <Link
                to="/library/$itemId"
                params={{ itemId: i.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {i.title}
              </Link>
            </Td>
            <Td className="min-w-32">{situationsText(t, i.situations)}</Td>
            <Td className="min-w-32">{audiencesText(t, i.audiences)}</Td>
            <Td className="whitespace-nowrap">
              {i.versionNumber ? t('lib.versionN', { n: i.versionNumber }) : t('lib.noVersion')}
            </Td>
            <Td className="whitespace-nowrap">
              {formatDate(i.reviewDueOn, locale, { compact: true })}
              <StaleBadge t={t} stale={i.stale} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 資料ライブラリ: what one needs to choose an item without opening it (situation, audience, version, review due). */
function LibraryPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseLibrarySearch(raw), [raw]);
  const items = useLibrary({
    situation: search.situation as never,
    audience: search.audience as never,
    kind: search.kind as never,
    stale: search.stale ? 'true' : undefined,
    archived: search.archived ? 'true' : undefined,
    q: search.q,
  });
  return (
    <Page title={t('lib.title')} intro={t('lib.intro')}>
      {role && keepsLibrary(role) && (
        <div className="mb-6">
          <Link to="/library/new" className={buttonClass('primary', 'no-underline hover:text-white')}>
            {t('lib.new')}
          </Link>
        </div>
      )}
      <Section id="library-filter" title={t('lib.filter')}>
        <Filters search={search} />
      </Section>
      <Section id="library-results" title={t('lib.results')}>
        <QueryState query={items}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const LibraryPage = forTrainingRoles(readsLibrary, LibraryPageInner);
