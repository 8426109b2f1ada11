import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { ServiceListSort } from '../../../../src/shared/vocab/resources';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh } from '../../components/SortableTh';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useMunicipalities, useRegions } from '../../lib/queries/network';
import {
  exportHref,
  SERVICE_STATUS_CODES,
  SERVICE_TYPE_CODES,
  type ServiceList,
  type ServiceListQuery,
  useServices,
} from '../../lib/queries/resources';
import {
  CARE_CODES,
  careLabel,
  japanDate,
  StaleBadge,
  statusLabel,
  typeLabel,
} from '../public/resources/display';
import { readsResources, runsResourceRounds, writesResources } from './access';
import { forResourceRoles, useRole, useScopeKind } from './Guard';
import { parseServiceListSearch, type ServiceListSearch } from './search';

/** Twenty rows a page, as the registry's list: each row carries what a coordinator chooses by. */
const PAGE_SIZE = 20;

function queryOf(s: ServiceListSearch): ServiceListQuery {
  return {
    q: s.q,
    type: s.type as ServiceListQuery['type'],
    municipalityCode: s.municipality,
    regionId: s.region,
    careItem: s.care,
    stale: s.stale,
    status: s.status as ServiceListQuery['status'],
    sort: s.sort,
    dir: s.dir,
    page: s.page ?? 1,
    pageSize: PAGE_SIZE,
  };
}

function Filters({ search }: { search: ServiceListSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const municipalities = useMunicipalities();
  const regions = useRegions();
  const [form, setForm] = useState<ServiceListSearch>(search);
  useEffect(() => setForm(search), [search]);
  const set = (k: keyof ServiceListSearch, v: string) => setForm((f) => ({ ...f, [k]: v || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/resources', search: { ...form, page: undefined } });
  };
  return (
    <form onSubmit={submit} className="print:hidden">
      <div className="grid gap-x-4 md:grid-cols-2 xl:grid-cols-3">
        <TextField label={t('resources.staff.q')} value={form.q ?? ''} onChange={(v) => set('q', v)} />
        <SelectField
          label={t('resources.type')}
          value={form.type ?? ''}
          onChange={(v) => set('type', v)}
          emptyLabel={t('resources.anyType')}
          options={SERVICE_TYPE_CODES.map((c) => ({ value: c, label: typeLabel(t, c) }))}
        />
        <SelectField
          label={t('resources.careItem')}
          value={form.care ?? ''}
          onChange={(v) => set('care', v)}
          emptyLabel={t('resources.any')}
          options={CARE_CODES.map((c) => ({ value: c, label: careLabel(c, locale) }))}
        />
      </div>
      {/* Area, freshness and status are secondary: folded unless one of them is in use. */}
      <details
        className="mb-4"
        open={!!(search.region || search.municipality || search.stale || search.status)}
      >
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170 text-key-900">
          {t('resources.staff.moreFilters')}
        </summary>
        <div className="grid gap-x-4 md:grid-cols-2 xl:grid-cols-3">
          <SelectField
            label={t('resources.region')}
            value={form.region ?? ''}
            onChange={(v) => set('region', v)}
            emptyLabel={t('resources.any')}
            options={(regions.data ?? []).map((r) => ({
              value: r.id,
              label: locale === 'en' && r.nameEn ? r.nameEn : r.name,
            }))}
          />
          <SelectField
            label={t('resources.municipality')}
            value={form.municipality ?? ''}
            onChange={(v) => set('municipality', v)}
            emptyLabel={t('resources.any')}
            options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
          />
          <SelectField
            label={t('resources.staff.freshness')}
            value={form.stale ?? ''}
            onChange={(v) => set('stale', v)}
            emptyLabel={t('resources.any')}
            options={[
              { value: 'true', label: t('resources.staff.staleOnly') },
              { value: 'false', label: t('resources.staff.freshOnly') },
            ]}
          />
          <SelectField
            label={t('resources.statusLabel')}
            value={form.status ?? ''}
            onChange={(v) => set('status', v)}
            emptyLabel={t('resources.any')}
            options={SERVICE_STATUS_CODES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t('resources.staff.filter')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/resources', search: {} })}>
          {t('resources.public.clear')}
        </Button>
      </div>
    </form>
  );
}

/** The care items a listing accepts: how many, opened on demand (the full names are long; a care filter narrows the list). */
function AcceptsCell({ accepts, name }: { accepts: string[]; name: string }) {
  const t = useT();
  const { locale } = useLocale();
  if (accepts.length === 0) return <>{t('common.none')}</>;
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 whitespace-nowrap text-key-900">
        {t('resources.staff.acceptsN', { n: formatNumber(accepts.length, locale) })}
        <span className="sr-only">{t('resources.staff.acceptsOf', { name })}</span>
      </summary>
      <ul className="list-disc pl-5 text-dns-14N-130">
        {accepts.map((c) => (
          <li key={c}>{careLabel(c, locale)}</li>
        ))}
      </ul>
    </details>
  );
}

function Results({ data, search }: { data: ServiceList; search: ServiceListSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  if (data.items.length === 0) return <p role="status">{t('resources.staff.empty')}</p>;
  const sort: ServiceListSort = search.sort ?? 'municipality';
  const dir = search.dir ?? 'asc';
  const header = (column: ServiceListSort, label: string, className?: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      className={className}
      sortLabel={t('list.sortByColumn', { column: label })}
      onSort={(c, d) =>
        void navigate({ to: '/resources', search: { ...search, sort: c, dir: d, page: undefined } })
      }
    />
  );
  return (
    <>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={(page) => void navigate({ to: '/resources', search: { ...search, page } })}
      />
      <Table caption={t('resources.staff.listCaption')}>
        <thead>
          <tr>
            {header('name', t('resources.name'))}
            {header('type', t('resources.type'))}
            {header('municipality', t('resources.municipality'))}
            <Th>
              {/* The longest header may wrap: the column holds a short count. */}
              <span className="block min-w-24 whitespace-normal">{t('resources.staff.accepts')}</span>
            </Th>
            {header('vacancy', t('resources.staff.capacityVacancy'), 'text-right')}
            {header('lastConfirmed', t('resources.lastConfirmed'))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.id}>
              <Td className="min-w-48">
                <Link
                  to="/resources/services/$serviceId"
                  params={{ serviceId: s.id }}
                  className="inline-flex min-h-11 items-center text-std-16B-170"
                >
                  {s.name}
                </Link>
                <span className="block text-dns-14N-130 text-solid-gray-700">{s.organizationName}</span>
                {s.status !== 'active' && (
                  <span className="block text-dns-14B-120 text-solid-gray-800">
                    {statusLabel(t, s.status)}
                  </span>
                )}
              </Td>
              <Td className="min-w-32">{typeLabel(t, s.type)}</Td>
              <Td className="whitespace-nowrap">{s.municipalityName ?? s.municipalityCode}</Td>
              <Td>
                <AcceptsCell accepts={s.accepts} name={s.name} />
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {s.capacity ?? '—'} / {s.vacancy ?? '—'}
              </Td>
              <Td className="whitespace-nowrap">
                <span className="block">
                  {s.lastConfirmedAt
                    ? formatDate(japanDate(s.lastConfirmedAt), locale)
                    : t('resources.neverConfirmed')}
                </span>
                {s.stale && <StaleBadge t={t} />}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={(page) => void navigate({ to: '/resources', search: { ...search, page } })}
      />
    </>
  );
}

/** 社会資源の管理: the directory with filters and stale flags; links to edit, import, rounds and export. */
function ServicesPageInner() {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const scopeKind = useScopeKind();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseServiceListSearch(raw), [raw]);
  const services = useServices(queryOf(search));
  const link = buttonClass('secondary', 'no-underline');
  return (
    <Page title={t('resources.staff.title')} intro={t('resources.staff.intro')}>
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        {role && writesResources(role) && (
          <Link to="/resources/new" className={buttonClass('primary', 'no-underline hover:text-white')}>
            {t('resources.staff.new')}
          </Link>
        )}
        {role && scopeKind && runsResourceRounds(role, scopeKind) && (
          <>
            <Link to="/resources/import" className={link}>
              {t('resources.import.title')}
            </Link>
            <a
              href={exportHref('json', { municipalityCode: search.municipality, type: search.type })}
              className={link}
              download
            >
              {t('resources.staff.exportJson')}
            </a>
            <a
              href={exportHref('xlsx', {
                municipalityCode: search.municipality,
                type: search.type,
                lang: locale,
              })}
              className={link}
              download
            >
              {t('resources.staff.exportXlsx')}
            </a>
          </>
        )}
        {/* The public site is its own light page (public-resources.html): a full-page link. */}
        <a href="/public/resources" className={link}>
          {t('resources.staff.publicSite')}
        </a>
      </div>
      <Section id="resources-filter" title={t('resources.staff.filterTitle')}>
        <Filters search={search} />
      </Section>
      <Section id="resources-results" title={t('resources.staff.results')}>
        <QueryState query={services}>{(data) => <Results data={data} search={search} />}</QueryState>
      </Section>
    </Page>
  );
}

export const ServicesPage = forResourceRoles(readsResources, ServicesPageInner);
