import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  PROJECT_STATUS_LABELS,
} from '../../../../src/shared/vocab/regional-issues';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDate, formatNendo, formatNumber } from '../../lib/format';
import {
  type ProjectFigures,
  type ProjectList,
  useProjectFigures,
  useProjects,
} from '../../lib/queries/regional-issues';
import { forTrainingRoles, useRole } from '../learning/courses/Guard';
import { keepsProjects, readsIssues } from './access';
import { type ProjectSearch, parseProjectSearch } from './search';
import { areaText } from './shared';

function Filters({ search }: { search: ProjectSearch }) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<ProjectSearch>(search);
  useEffect(() => setForm(search), [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/development-projects', search: form });
  };
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label={t('ri.show')}
          value={form.status ?? 'active'}
          onChange={(v) => setForm((f) => ({ ...f, status: v === 'active' ? undefined : v }))}
          options={[
            { value: 'active', label: t('dp.show.active') },
            { value: 'stopped', label: t('dp.show.stopped') },
            { value: 'all', label: t('ri.show.all') },
          ]}
        />
        <SelectField
          label={t('dp.kind')}
          value={form.kind ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, kind: v || undefined }))}
          emptyLabel={t('dp.anyKind')}
          options={vocabOptions(t, PROJECT_KINDS, PROJECT_KIND_LABELS)}
        />
        <SelectField
          label={t('dp.stage')}
          value={form.stage ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, stage: v || undefined }))}
          emptyLabel={t('dp.anyStage')}
          options={vocabOptions(t, PROJECT_STAGES, PROJECT_STAGE_LABELS)}
        />
        <TextField
          label={t('ri.q')}
          value={form.q ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, q: v || undefined }))}
        />
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button
          variant="secondary"
          onClick={() => void navigate({ to: '/development-projects', search: {} })}
        >
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data }: { data: ProjectList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('dp.empty')}</p>;
  return (
    <Table caption={t('dp.caption')}>
      <thead>
        <tr>
          <Th>{t('dp.project')}</Th>
          <Th>{t('dp.stage')}</Th>
          <Th>{t('ri.area')}</Th>
          <Th>{t('dp.operator')}</Th>
          <Th>{t('ri.nextStep')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((p) => (
          <tr key={p.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {vocab(t, PROJECT_KIND_LABELS, p.kind)}
              </span>
              <Link
                to="/development-projects/$projectId"
                params={{ projectId: p.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {p.title}
              </Link>
              {p.listing && (
                <span className="block text-dns-14N-130 text-solid-gray-700">{p.listing.name}</span>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {vocab(t, PROJECT_STAGE_LABELS, p.stage)}
              {p.status === 'stopped' && ` ・ ${vocab(t, PROJECT_STATUS_LABELS, p.status)}`}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {p.stageOn && `${formatDate(p.stageOn, locale, { compact: true })} ・ `}
                {t('ri.days', { n: formatNumber(p.ageDays, locale) })}
              </span>
            </Td>
            <Td className="min-w-32">{areaText(t, p.region, p.municipality)}</Td>
            <Td className="min-w-32">{p.operator ?? t('dp.noOperator')}</Td>
            <Td className="min-w-48">
              {p.nextStep ?? <span className="text-solid-gray-700">{t('ri.noNextStep')}</span>}
              {p.nextStepOn && (
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {formatDate(p.nextStepOn, locale, { compact: true })}
                </span>
              )}
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {t('ri.ownerIs', { name: p.owner?.name ?? t('ri.noOwner') })}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Openings per 年度 (by the opening date) with places, and active projects by stage. */
function Figures({ data }: { data: ProjectFigures }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <p className="mb-3">
        {PROJECT_STAGES.map(
          (s) => `${vocab(t, PROJECT_STAGE_LABELS, s)} ${formatNumber(data.byStage[s] ?? 0, locale)}`,
        ).join(' ・ ')}
        {data.stopped > 0 &&
          ` ・ ${vocab(t, PROJECT_STATUS_LABELS, 'stopped')} ${formatNumber(data.stopped, locale)}`}
      </p>
      {data.byNendo.length === 0 ? (
        <p>{t('dp.figures.none')}</p>
      ) : (
        <Table caption={t('dp.figures.caption')}>
          <thead>
            <tr>
              <Th>{t('dp.figures.nendo')}</Th>
              <Th className="text-right">{t('dp.figures.opened')}</Th>
              <Th className="text-right">{t('dp.figures.places')}</Th>
              <Th>{t('dp.figures.byKind')}</Th>
            </tr>
          </thead>
          <tbody>
            {data.byNendo.map((y) => (
              <tr key={y.nendo}>
                <Td className="whitespace-nowrap">{formatNendo(y.nendo, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(y.opened, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(y.places, locale)}</Td>
                <Td>
                  {Object.entries(y.byKind)
                    .map(([k, n]) => `${vocab(t, PROJECT_KIND_LABELS, k)} ${formatNumber(n, locale)}`)
                    .join(' ・ ')}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** 社会資源の開発: active projects, the furthest first, and the openings per 年度. */
function ProjectsPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseProjectSearch(raw), [raw]);
  const projects = useProjects({
    status: search.status as never,
    kind: search.kind as never,
    stage: search.stage as never,
    q: search.q,
  });
  const figures = useProjectFigures();
  return (
    <Page title={t('dp.title')} intro={t('dp.intro')}>
      <div className="mb-6 flex flex-wrap gap-3">
        {role && keepsProjects(role) && (
          <Link
            to="/development-projects/new"
            search={{}}
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('dp.new')}
          </Link>
        )}
        <Link to="/regional-issues" search={{}} className={buttonClass('secondary', 'no-underline')}>
          {t('ri.title')}
        </Link>
      </div>
      <Section id="development-filter" title={t('ri.filter')}>
        <Filters search={search} />
      </Section>
      <Section id="development-results" title={t('ri.results')}>
        <QueryState query={projects}>{(data) => <Results data={data} />}</QueryState>
      </Section>
      <Section id="development-figures" title={t('dp.figures')}>
        <QueryState query={figures}>{(data) => <Figures data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const ProjectsPage = forTrainingRoles(readsIssues, ProjectsPageInner);
