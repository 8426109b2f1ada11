import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { careItemLabel } from '../../../../src/shared/vocab/care-items';
import { ISSUE_LEVEL_LABELS, ISSUE_LEVELS } from '../../../../src/shared/vocab/regional-issues';
import { Button, buttonClass } from '../../components/Button';
import { Checkbox, SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { formatDate, formatNumber } from '../../lib/format';
import { type IssueList, useIssueOptions, useIssues } from '../../lib/queries/regional-issues';
import { forTrainingRoles, useRole } from '../learning/courses/Guard';
import { raisesIssues, readsIssues } from './access';
import { type IssueSearch, parseIssueSearch } from './search';
import { areaText, LevelBadge } from './shared';

function Filters({ search }: { search: IssueSearch }) {
  const t = useT();
  const navigate = useNavigate();
  const options = useIssueOptions();
  const [form, setForm] = useState<IssueSearch>(search);
  useEffect(() => setForm(search), [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/regional-issues', search: form });
  };
  const regions = options.data?.regions ?? [];
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label={t('ri.show')}
          value={form.status ?? 'open'}
          onChange={(v) => setForm((f) => ({ ...f, status: v === 'open' ? undefined : v }))}
          options={[
            { value: 'open', label: t('ri.show.open') },
            { value: 'closed', label: t('ri.show.closed') },
            { value: 'all', label: t('ri.show.all') },
          ]}
        />
        <SelectField
          label={t('ri.level')}
          value={form.level ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, level: v || undefined }))}
          emptyLabel={t('ri.anyLevel')}
          options={vocabOptions(t, ISSUE_LEVELS, ISSUE_LEVEL_LABELS)}
        />
        {regions.length > 1 && (
          <SelectField
            label={t('ri.region')}
            value={form.regionId ?? ''}
            onChange={(v) => setForm((f) => ({ ...f, regionId: v || undefined }))}
            emptyLabel={t('ri.anyRegion')}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
          />
        )}
        <TextField
          label={t('ri.q')}
          hint={t('ri.q.hint')}
          value={form.q ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, q: v || undefined }))}
        />
      </div>
      {options.data?.canManage && (
        <Checkbox
          label={t('ri.mine')}
          checked={!!form.mine}
          onChange={(v) => setForm((f) => ({ ...f, mine: v || undefined }))}
        />
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/regional-issues', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data }: { data: IssueList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('ri.empty')}</p>;
  return (
    <Table caption={t('ri.caption')}>
      <thead>
        <tr>
          <Th>{t('ri.issue')}</Th>
          <Th>{t('ri.level')}</Th>
          <Th>{t('ri.area')}</Th>
          <Th className="text-right">{t('ri.age')}</Th>
          <Th>{t('ri.owner')}</Th>
          <Th>{t('ri.nextStep')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((i) => (
          <tr key={i.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {i.number}
                {i.careItem && ` ・ ${careItemLabel(i.careItem, locale)}`}
              </span>
              <Link
                to="/regional-issues/$issueId"
                params={{ issueId: i.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {i.title}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {t('ri.evidenceCount', { n: formatNumber(i.consultationCount, locale) })}
              </span>
            </Td>
            <Td>
              <LevelBadge level={i.level} status={i.status} outcome={i.outcome} />
            </Td>
            <Td className="min-w-32">{areaText(t, i.region, i.municipality)}</Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {t('ri.days', { n: formatNumber(i.ageDays, locale) })}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {formatDate(i.raisedOn, locale, { compact: true })}
              </span>
            </Td>
            <Td className="min-w-32">{i.owner?.name ?? t('ri.noOwner')}</Td>
            <Td className="min-w-48">
              {i.nextStep ?? <span className="text-solid-gray-700">{t('ri.noNextStep')}</span>}
              {i.nextStepOn && (
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {formatDate(i.nextStepOn, locale, { compact: true })}
                </span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 地域課題: open issues first, the furthest carried and the oldest first, with what one needs to choose the next. */
function IssuesPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseIssueSearch(raw), [raw]);
  const issues = useIssues({
    status: search.status as never,
    level: search.level as never,
    regionId: search.regionId,
    mine: search.mine ? 'true' : undefined,
    q: search.q,
  });
  return (
    <Page title={t('ri.title')} intro={t('ri.intro')}>
      <div className="mb-6 flex flex-wrap gap-3">
        {role && raisesIssues(role) && (
          <Link
            to="/regional-issues/new"
            search={{}}
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('ri.new')}
          </Link>
        )}
        <Link to="/development-projects" search={{}} className={buttonClass('secondary', 'no-underline')}>
          {t('dp.title')}
        </Link>
      </div>
      <Section id="regional-issues-filter" title={t('ri.filter')}>
        <Filters search={search} />
      </Section>
      <Section id="regional-issues-results" title={t('ri.results')}>
        <QueryState query={issues}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const IssuesPage = forTrainingRoles(readsIssues, IssuesPageInner);
