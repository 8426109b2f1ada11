import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { buttonClass } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { TOPICS, URGENCIES, useConsultations } from '../../lib/queries/consultations';
import { readsSharedCases, recordsConsultations } from './access';
import { forConsultationRoles, useRole } from './Guard';
import { askerLabel, dayInJapan, topicLabel, urgencyLabel } from './labels';
import { QUEUE_VIEWS, type QueueSearch } from './search';

const PAGE_SIZE = 50;

/** My queue: the view tabs (mine, team, overdue, requests received), a few filters, the list. */
function Queue() {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const search = useSearch({ strict: false }) as QueueSearch;
  const navigate = useNavigate();
  // Auditors and providers belong to no tier team: they start with everything they may read.
  const view = search.view ?? (role === 'auditor' || role === 'provider_staff' ? 'all' : 'team');
  const query = useConsultations({
    view,
    status: search.status ?? 'open',
    topic: search.topic as never,
    urgency: search.urgency as never,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  });
  const go = (patch: Partial<QueueSearch>) =>
    void navigate({ to: '/consultations', search: { ...search, page: undefined, ...patch } as never });

  return (
    <Page title={t('consult.title')} intro={t('consult.intro')}>
      {role && recordsConsultations(role) && (
        <p className="mb-6">
          <Link to="/consultations/new" className={buttonClass('primary')}>
            {t('consult.new')}
          </Link>
        </p>
      )}
      <nav aria-label={t('consult.views')} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              <Link
                to="/consultations"
                search={{ ...search, view: v, page: undefined } as never}
                aria-current={v === view ? 'page' : undefined}
                className={buttonClass(v === view ? 'primary' : 'secondary')}
              >
                {t(`consult.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mb-4 grid gap-x-4 md:grid-cols-3">
        <SelectField
          label={t('consult.filter.status')}
          value={search.status ?? 'open'}
          onChange={(v) => go({ status: v as QueueSearch['status'] })}
          options={(['open', 'closed', 'any'] as const).map((s) => ({
            value: s,
            label: t(`consult.status.${s}`),
          }))}
        />
        <SelectField
          label={t('consult.filter.topic')}
          value={search.topic ?? ''}
          emptyLabel={t('consult.filter.all')}
          onChange={(v) => go({ topic: v || undefined })}
          options={TOPICS.map((c) => ({ value: c, label: topicLabel(t, c) }))}
        />
        <SelectField
          label={t('consult.filter.urgency')}
          value={search.urgency ?? ''}
          emptyLabel={t('consult.filter.all')}
          onChange={(v) => go({ urgency: v || undefined })}
          options={URGENCIES.map((c) => ({ value: c, label: urgencyLabel(t, c) }))}
        />
      </div>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('consult.empty')}</p>
          ) : (
            <>
              <Table caption={t('consult.listCaption', { n: data.total })}>
                <thead>
                  <tr>
                    <Th>{t('consult.col.opened')}</Th>
                    <Th>{t('consult.col.municipality')}</Th>
                    <Th>{t('consult.col.asker')}</Th>
                    <Th>{t('consult.col.topics')}</Th>
                    <Th>{t('consult.col.urgency')}</Th>
                    <Th>{t('consult.col.team')}</Th>
                    <Th>{t('consult.col.due')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <RowTh>
                        <Link
                          to="/consultations/$consultationId"
                          params={{ consultationId: c.id }}
                          className="text-key-900 underline underline-offset-4"
                        >
                          {formatDate(dayInJapan(c.openedAt), locale)}
                        </Link>
                      </RowTh>
                      <Td>{c.municipalityName ?? c.municipalityCode}</Td>
                      <Td>{askerLabel(t, c.askerKind)}</Td>
                      <Td className="whitespace-normal">
                        {c.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))}
                      </Td>
                      <Td>{urgencyLabel(t, c.urgency)}</Td>
                      <Td>{c.ownerTeam.name}</Td>
                      <Td>
                        {c.closedAt
                          ? t('consult.status.closed')
                          : c.dueOn
                            ? formatDate(c.dueOn, locale)
                            : '—'}
                        {c.overdue && (
                          <span className="ml-2 rounded-4 bg-error-2 px-1.5 text-dns-14B-120 text-white">
                            {t('consult.overdue')}
                          </span>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => go({ page: p > 1 ? p : undefined })}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

export const QueuePage = forConsultationRoles(readsSharedCases, Queue);
