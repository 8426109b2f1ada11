import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { REGISTRATION_STATUS_LABELS } from '../../../../src/shared/vocab/registry';
import { SelectField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, fullName } from '../../lib/format';
import {
  REGISTRATION_STATUSES,
  REVIEW_PAGE_SIZE,
  type RegistrationStatus,
  useRegistrations,
} from '../../lib/queries/registrations';

export type ReviewSearch = { status?: RegistrationStatus; page?: number };

export function parseReviewSearch(raw: Record<string, unknown>): ReviewSearch {
  const status = typeof raw.status === 'string' ? raw.status : undefined;
  const page = Number(raw.page);
  return {
    status: REGISTRATION_STATUSES.includes(status as RegistrationStatus)
      ? (status as RegistrationStatus)
      : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** 登録審査: registrations from the public form in the reviewer's area, pending ones oldest first. */
export function ReviewQueuePage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ from: '/app/registry/review' });
  const navigate = useNavigate();
  const status = search.status ?? 'pending';
  const list = useRegistrations({ status, page: search.page ?? 1 });
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
                      <Th>{t('review.receiptNo')}</Th>
                      <Th>{t('review.submittedAt')}</Th>
                      <Th>{t('review.kana')}</Th>
                      <Th>{t('children.birthDate')}</Th>
                      <Th>{t('children.municipality')}</Th>
                      <Th>{t('review.submitterKind')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr key={r.id}>
                        <Td>
                          <Link
                            to="/registry/review/$registrationId"
                            params={{ registrationId: r.id }}
                            className="inline-flex min-h-11 items-center font-mono text-std-16B-170"
                          >
                            {r.receiptNo}
                          </Link>
                        </Td>
                        <Td className="whitespace-nowrap">{formatDateTime(r.submittedAt, locale)}</Td>
                        <Td>{fullName(r.familyKana, r.givenKana)}</Td>
                        <Td className="whitespace-nowrap">{formatDate(r.birthDate, locale)}</Td>
                        <Td>{r.municipalityName}</Td>
                        <Td>{t(`register.submitterKind.${r.submitterKind}`)}</Td>
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
