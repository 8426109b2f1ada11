import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
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
  bothCalendars,
  CARE_CODES,
  careLabel,
  StaleBadge,
  statusLabel,
  typeLabel,
} from '../public/resources/display';
import { readsResources, runsResourceRounds, writesResources } from './access';
import { forResourceRoles, useRole, useScopeKind } from './Guard';
import { parseServiceListSearch, type ServiceListSearch } from './search';

const PAGE_SIZE = 50;

function queryOf(s: ServiceListSearch): ServiceListQuery {
  return {
    q: s.q,
    type: s.type as ServiceListQuery['type'],
    municipalityCode: s.municipality,
    regionId: s.region,
    careItem: s.care,
    stale: s.stale,
    status: s.status as ServiceListQuery['status'],
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
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{t('resources.staff.filter')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/resources', search: {} })}>
          {t('resources.public.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data, search }: { data: ServiceList; search: ServiceListSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  if (data.items.length === 0) return <p role="status">{t('resources.staff.empty')}</p>;
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
            <Th>{t('resources.name')}</Th>
            <Th>{t('resources.type')}</Th>
            <Th>{t('resources.municipality')}</Th>
            <Th>{t('resources.staff.accepts')}</Th>
            <Th className="text-right">{t('resources.staff.capacityVacancy')}</Th>
            <Th>{t('resources.lastConfirmed')}</Th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.id}>
              <Td>
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
              <Td>{typeLabel(t, s.type)}</Td>
              <Td>{s.municipalityName ?? s.municipalityCode}</Td>
              <Td className="min-w-48">
                {s.accepts.length === 0
                  ? t('common.none')
                  : s.accepts.map((c) => careLabel(c, locale)).join('、')}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {s.capacity ?? '—'} / {s.vacancy ?? '—'}
              </Td>
              <Td>
                <span className="block">
                  {s.lastConfirmedAt
                    ? bothCalendars(s.lastConfirmedAt, locale)
                    : t('resources.neverConfirmed')}
                </span>
                {s.stale && <StaleBadge t={t} />}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-dns-14N-130 text-solid-gray-700">
        {t('resources.staff.totalN', { n: formatNumber(data.total, locale) })}
      </p>
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
