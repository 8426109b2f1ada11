import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { REGISTRATION_STATUS_LABELS } from '../../../../src/shared/vocab/registry';
import { SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh, type SortDir } from '../../components/SortableTh';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDay, fullName } from '../../lib/format';
import {
  REGISTRATION_SORTS,
  REGISTRATION_STATUSES,
  REVIEW_PAGE_SIZE,
  type RegistrationSort,
  type RegistrationStatus,
  type RegistrationSummary,
  useRegistrations,
} from '../../lib/queries/registrations';

export type ReviewSearch = {
  status?: RegistrationStatus;
  sort?: RegistrationSort;
  dir?: SortDir;
  page?: number;
};

export function parseReviewSearch(raw: Record<string, unknown>): ReviewSearch {
  const status = typeof raw.status === 'string' ? raw.status : undefined;
  const sort = typeof raw.sort === 'string' ? raw.sort : undefined;
  const page = Number(raw.page);
  return {
    status: REGISTRATION_STATUSES.includes(status as RegistrationStatus)
      ? (status as RegistrationStatus)
      : undefined,
    sort: REGISTRATION_SORTS.includes(sort as RegistrationSort) ? (sort as RegistrationSort) : undefined,
    dir: raw.dir === 'desc' ? 'desc' : raw.dir === 'asc' ? 'asc' : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** How strongly an existing record matches: a likely duplicate (≥ 80), possible (≥ 50), weak, or none. */
function MatchCell({ r }: { r: RegistrationSummary }) {
  const t = useT();
  if (r.status !== 'pending') return <>{t('common.none')}</>;
  const m = r.bestMatch;
  if (!m) return <>{t('review.match.none')}</>;
  const band = m.score >= 80 ? 'strong' : m.score >= 50 ? 'possible' : 'weak';
  return (
    <>
      <span className={`block whitespace-nowrap ${band === 'strong' ? 'font-bold text-error-2' : ''}`}>
        {t(`review.match.${band}`)} {t('review.score', { score: m.score })}
      </span>
      <span className="text-dns-14N-130 text-solid-gray-700">
        {t('review.match.candidates', { n: m.candidates })}
      </span>
    </>
  );
}

/**
 * 登録審査: registrations from the public form in the reviewer's area — pending ones oldest first unless a
 * column header says otherwise — with what a reviewer chooses by: the name in kanji and kana, the day
 * received, who sent it, the strongest existing record it may duplicate, and its status.
 */
export function ReviewQueuePage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/registry/review' });
  const navigate = useNavigate();
  const status = search.status ?? 'pending';
  const list = useRegistrations({ status, sort: search.sort, dir: search.dir, page: search.page ?? 1 });
  // No order chosen: pending oldest first, decided newest first.
  const sort: RegistrationSort = search.sort ?? 'submitted';
  const dir: SortDir = search.dir ?? (search.sort || status === 'pending' ? 'asc' : 'desc');
  const header = (column: RegistrationSort, label: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      sortLabel={t('list.sortByColumn', { column: label })}
      onSort={(c, d) =>
        void navigate({ to: '/registry/review', search: { status: search.status, sort: c, dir: d } })
      }
    />
  );
  return (
    <Page title={t('review.title')} intro={t('review.intro')}>
      <div className="max-w-xs">
        <SelectField
          label={t('review.status')}
          value={status}
          onChange={(v) =>
            void navigate({ to: '/registry/review', search: parseReviewSearch({ status: v }) })
          }
          options={REGISTRATION_STATUSES.map((s) => ({
            value: s,
            label: vocab(t, REGISTRATION_STATUS_LABELS, s),
          }))}
        />
      </div>
      <Section id="review-list" title={t('review.list')}>
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('review.empty')}</p>
            ) : (
              <>
                <Pagination
                  page={data.page}
                  pageSize={REVIEW_PAGE_SIZE}
                  total={data.total}
                  onPage={(page) => void navigate({ to: '/registry/review', search: { ...search, page } })}
                />
                <Table caption={t('review.list')} captionHidden>
                  <thead>
                    <tr>
                      {header('submitted', t('review.received'))}
                      {header('name', t('review.name'))}
                      {header('kana', t('review.kana'))}
                      {header('birthDate', t('children.birthDate'))}
                      {header('municipality', t('children.municipality'))}
                      {header('source', t('review.submitterKind'))}
                      <Th>{t('review.match')}</Th>
                      <Th>{t('review.status')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={r.id}>
                        <Td className="whitespace-nowrap">
                          <Link
                            to="/registry/review/$registrationId"
                            params={{ registrationId: r.id }}
                            className="inline-flex min-h-11 items-center text-std-16B-170"
                          >
                            {formatDay(r.submittedAt, locale, { compact: true })}
                          </Link>
                          <span className="block font-mono text-dns-14N-130 text-solid-gray-700">
                            {r.receiptNo}
                          </span>
                        </Td>
                        <Td className="whitespace-nowrap">
                          {r.familyName ? fullName(r.familyName, r.givenName ?? '') : t('common.none')}
                        </Td>
                        <Td className="whitespace-nowrap">{fullName(r.familyKana, r.givenKana)}</Td>
                        <Td className="whitespace-nowrap">
                          {formatDate(r.birthDate, locale, { compact: true })}
                        </Td>
                        <Td className="whitespace-nowrap">{r.municipalityName}</Td>
                        <Td>{t(`register.submitterKind.${r.submitterKind}`)}</Td>
                        <Td>
                          <MatchCell r={r} />
                        </Td>
                        <Td className="whitespace-nowrap">
                          {vocab(t, REGISTRATION_STATUS_LABELS, r.status)}
                        </Td>
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
