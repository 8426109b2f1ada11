import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, fullName } from '../../lib/format';
import {
  CHILD_STATUSES,
  CHILDREN_PAGE_SIZE,
  type ChildSearch,
  type ChildStatus,
  useChildren,
  useHomeFigures,
} from '../../lib/queries/registry';

export function parseChildSearch(raw: Record<string, unknown>): ChildSearch {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const page = Number(raw.page);
  const status = str(raw.status);
  return {
    q: str(raw.q),
    municipality: str(raw.municipality),
    status: CHILD_STATUSES.includes(status as ChildStatus) ? (status as ChildStatus) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function SearchForm({ search }: { search: ChildSearch }) {
  const t = useT();
  const navigate = useNavigate();
  // The municipalities offered are those of the user's scope (from the home figures).
  const figures = useHomeFigures();
  const [q, setQ] = useState(search.q ?? '');
  const [municipality, setMunicipality] = useState(search.municipality ?? '');
  const [status, setStatus] = useState<string>(search.status ?? '');
  useEffect(() => {
    setQ(search.q ?? '');
    setMunicipality(search.municipality ?? '');
    setStatus(search.status ?? '');
  }, [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/children', search: parseChildSearch({ q, municipality, status }) });
  };
  const municipalities = figures.data?.children?.byMunicipality ?? [];
  return (
    <search>
      <form onSubmit={submit} className="rounded-12 border border-solid-gray-300 p-4 print:hidden">
        <div className="grid grid-cols-1 gap-x-4 md:grid-cols-3">
          <TextField label={t('children.q')} value={q} onChange={setQ} autoComplete="off" />
          <SelectField
            label={t('children.municipality')}
            value={municipality}
            onChange={setMunicipality}
            emptyLabel={t('common.all')}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
          <SelectField
            label={t('children.status')}
            value={status}
            onChange={setStatus}
            emptyLabel={t('common.all')}
            options={CHILD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="secondary" onClick={() => void navigate({ to: '/children', search: {} })}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}

/** 医療的ケア児台帳: search and a paginated list, limited by the server to the user's scope. */
export function ChildrenPage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/children' });
  const navigate = useNavigate();
  const children = useChildren(search);
  return (
    <Page title={t('children.title')}>
      <Section id="children-search" title={t('children.searchTitle')}>
        <SearchForm search={search} />
      </Section>
      <Section id="children-results" title={t('children.results')}>
        <QueryState query={children}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('children.empty')}</p>
            ) : (
              <>
                <Pagination
                  page={data.page}
                  pageSize={CHILDREN_PAGE_SIZE}
                  total={data.total}
                  onPage={(page) => void navigate({ to: '/children', search: { ...search, page } })}
                />
                <Table caption={t('children.results')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('children.name')}</Th>
                      <Th>{t('children.birthDate')}</Th>
                      <Th>{t('children.sex')}</Th>
                      <Th>{t('children.municipality')}</Th>
                      <Th>{t('children.status')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((c) => (
                      <tr key={c.id}>
                        <Td>
                          <Link
                            to="/children/$childId"
                            params={{ childId: c.id }}
                            className="inline-flex min-h-11 items-center text-std-16B-170"
                          >
                            {fullName(c.familyName, c.givenName)}
                          </Link>
                          <span className="block text-dns-14N-130 text-solid-gray-700">
                            {fullName(c.familyKana, c.givenKana)}
                          </span>
                        </Td>
                        <Td className="whitespace-nowrap">{formatDate(c.birthDate, locale)}</Td>
                        <Td>{t(`sex.${c.sex}`)}</Td>
                        <Td>{c.municipalityName}</Td>
                        <Td>{t(`status.${c.status}`)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )
          }
        </QueryState>
      </Section>
    </Page>
  );
}
