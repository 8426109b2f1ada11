import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { CHILD_STATUS_LABELS, SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { buttonClass } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh } from '../../components/SortableTh';
import { Table, Td } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDay, formatNumber, fullName } from '../../lib/format';
import { useSession } from '../../lib/queries/auth';
import {
  type ChildList,
  type ChildSort,
  exportHref,
  filterOf,
  LIST_PAGE_SIZE,
  parseChildListSearch,
  useChildList,
} from '../../lib/queries/children-list';
import type { Role } from '../../lib/roles';
import { ChildFilterForm } from './ChildFilterForm';
import { ageToday } from './record/OverviewSection';
import { tierLabel } from './record/ScoreSummary';
import { SavedFilters } from './SavedFilters';

/** The URL's search params as the list's filter (used by the route). */
export const parseChildSearch = parseChildListSearch;

/** Roles that may register a child (the others only read, or hold no personal data). */
export function mayCreateChild(role: Role | undefined): boolean {
  return role !== undefined && !['provider_staff', 'auditor', 'system_admin'].includes(role);
}

function Results({ data }: { data: ChildList }) {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/children' });
  const navigate = useNavigate();
  // With a name typed and no order chosen, the closest names come first and no column is marked as sorted.
  const sort = search.sort ?? (search.q ? undefined : 'kana');
  const dir = search.dir ?? 'asc';
  const header = (column: ChildSort, label: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={(sort ?? '') as ChildSort}
      dir={dir}
      sortLabel={t('list.sortByColumn', { column: label })}
      onSort={(c, d) =>
        void navigate({
          to: '/children',
          search: { ...search, sort: c, dir: d === 'asc' ? undefined : d, page: undefined },
        })
      }
    />
  );
  return (
    <>
      {(data.withheld ?? 0) > 0 && (
        <p role="note" className="mb-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-4 py-3">
          {t('list.withheld', { n: formatNumber(data.withheld ?? 0, locale) })}
        </p>
      )}
      {data.items.length === 0 ? (
        <p role="status">{t('children.empty')}</p>
      ) : (
        <>
          <Pagination
            page={data.page}
            pageSize={data.pageSize || LIST_PAGE_SIZE}
            total={data.total}
            onPage={(page) => void navigate({ to: '/children', search: { ...search, page } })}
          />
          <Table caption={t('children.results')} captionHidden>
            <thead>
              <tr>
                {header('kana', t('children.name'))}
                {header('birthDate', t('list.birthAndAge'))}
                {header('sex', t('children.sex'))}
                {header('municipality', t('children.municipality'))}
                {header('status', t('children.status'))}
                {header('careScore', t('list.careScore'))}
                {header('updated', t('list.updated'))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => {
                const age = ageToday(c.birthDate);
                return (
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
                    <Td>
                      <span className="block">{formatDate(c.birthDate, locale)}</span>
                      {age !== null && (
                        <span className="text-dns-14N-130 text-solid-gray-700">
                          {t('list.age', { n: age })}
                        </span>
                      )}
                    </Td>
                    <Td>{vocab(t, SEX_LABELS, c.sex)}</Td>
                    <Td>{c.municipalityName}</Td>
                    <Td>{vocab(t, CHILD_STATUS_LABELS, c.status)}</Td>
                    <Td className="whitespace-nowrap">
                      {c.careScore === undefined || c.careScore === null ? (
                        t('common.none')
                      ) : (
                        <>
                          <span className="block tabular-nums">
                            {t('care.scoreValue', { n: c.careScore })}
                          </span>
                          <span className="text-dns-14N-130 text-solid-gray-700">
                            {tierLabel(t, c.careTier ?? 0)}
                          </span>
                        </>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {c.updatedAt ? formatDay(c.updatedAt, locale, { compact: true }) : t('common.none')}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}

/** 医療的ケア児台帳: search, saved searches, a paginated list limited by the server to the user's scope. */
export function ChildrenPage() {
  const t = useT();
  const { locale } = useLocale();
  const { data: session } = useSession();
  const search = useSearch({ from: '/app/children' });
  const children = useChildList(search);
  const filter = filterOf(search);
  return (
    <Page title={t('children.title')}>
      <div className="mb-6 flex flex-wrap items-center justify-end gap-3 print:hidden">
        <p id="children-export-hint" className="text-dns-14N-130 text-solid-gray-700">
          {t('list.exportHint')}
        </p>
        <a
          href={exportHref(filter, locale)}
          className={buttonClass('secondary', 'no-underline')}
          aria-describedby="children-export-hint"
          download
        >
          {t('list.export')}
        </a>
        {mayCreateChild(session?.user?.role) && (
          <Link to="/children/new" className={buttonClass('primary', 'no-underline hover:text-white')}>
            {t('list.new')}
          </Link>
        )}
      </div>
      <Section id="children-search" title={t('children.searchTitle')}>
        <ChildFilterForm search={search} />
      </Section>
      <SavedFilters filter={filter} />
      <Section id="children-results" title={t('children.results')}>
        <QueryState query={children}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}
