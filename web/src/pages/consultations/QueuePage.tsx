import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { QueryState } from '../../components/QueryState';
import { SortableTh } from '../../components/SortableTh';
import { Table, Td } from '../../components/Table';
import { type Translate, useLocale, useT } from '../../i18n';
import {
  type ConsultationSummary,
  TOPICS,
  URGENCIES,
  useCaseload,
  useConsultations,
} from '../../lib/queries/consultations';
import { readsSharedCases, recordsConsultations } from './access';
import { CaseNumberCell } from './CaseLink';
import { forConsultationRoles, useRole } from './Guard';
import { dayInJapan, listDay, topicLabel, urgencyLabel } from './labels';
import { QUEUE_VIEWS, type QueueSearch, type QueueSort } from './search';

/** Cases a page: most urgent first, so the next case is on the first page; the caption gives the total. */
const PAGE_SIZE = 25;

/** The child as a list shows it: the name where the reader may see it, else what kind of child it is. */
export function childCell(t: Translate, c: ConsultationSummary): string {
  if (c.childName) return c.childName;
  if (c.childDetailsHidden) return t('consult.childShort.hidden');
  return t(c.childKind === 'anonymous' ? 'consult.childShort.anonymous' : 'consult.childShort.unregistered');
}

const URGENCY_TONE: Record<string, string> = {
  urgent: 'bg-error-2 text-white',
  soon: 'border border-warning-yellow-2 bg-yellow-50 text-solid-gray-900',
  normal: '',
};

/** Filters of the queue: status, topic, urgency, assignee and a case number. */
function Filters({ search, go }: { search: QueueSearch; go: (patch: Partial<QueueSearch>) => void }) {
  const t = useT();
  const board = useCaseload();
  const [caseNumber, setCaseNumber] = useState(search.caseNumber ?? '');
  const people = (board.data?.people ?? []).filter((p) => p.userId && p.name);
  const find = (e: FormEvent) => {
    e.preventDefault();
    go({ caseNumber: caseNumber.trim() || undefined });
  };
  return (
    <div className="mb-4">
      <form onSubmit={find} className="flex max-w-2xl flex-wrap items-end gap-x-4">
        <TextField
          label={t('consult.filter.caseNumber')}
          hint={t('consult.filter.caseNumberHint')}
          value={caseNumber}
          onChange={setCaseNumber}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" className="mb-5">
          {t('common.search')}
        </Button>
      </form>
      <div className="grid gap-x-4 md:grid-cols-4">
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
        <SelectField
          label={t('consult.filter.assignee')}
          value={search.assignee ?? ''}
          emptyLabel={t('consult.filter.all')}
          onChange={(v) => go({ assignee: v || undefined })}
          options={[
            { value: 'me', label: t('consult.filter.assignee.me') },
            { value: 'none', label: t('consult.filter.assignee.none') },
            ...people.map((p) => ({ value: p.userId!, label: p.name! })),
          ]}
        />
      </div>
    </div>
  );
}

/**
 * The queue: view tabs (mine, team, overdue, requests received, all), filters, and a list that carries the
 * decision — case number, urgency, subject, child, assignee, next action and its date — sorted by the server
 * (urgent first, then soonest due, unless a column header says otherwise).
 */
function Queue() {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const search = useSearch({ strict: false }) as QueueSearch;
  const navigate = useNavigate();
  // Auditors and providers belong to no tier team: they start with everything they may read.
  const view = search.view ?? (role === 'auditor' || role === 'provider_staff' ? 'all' : 'team');
  const sort: QueueSort = search.sort ?? 'urgency';
  const dir = search.dir ?? 'asc';
  const query = useConsultations({
    view,
    status: search.status ?? 'open',
    topic: search.topic as never,
    urgency: search.urgency as never,
    assignee: search.assignee as never,
    caseNumber: search.caseNumber,
    sort,
    dir,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  });
  const go = (patch: Partial<QueueSearch>) =>
    void navigate({ to: '/consultations', search: { ...search, page: undefined, ...patch } as never });
  const showTeam = view === 'all' || view === 'handoffs-inbox';
  const header = (column: QueueSort, label: string) => (
    <SortableTh
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      sortLabel={t('consult.sort.by', { column: label })}
      onSort={(c, d) => go({ sort: c, dir: d })}
    />
  );

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
      <Filters search={search} go={go} />
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('consult.empty')}</p>
          ) : (
            <>
              <Table caption={t('consult.listCaption', { n: data.total })}>
                <thead>
                  <tr>
                    {header('caseNumber', t('consult.col.caseNumber'))}
                    {header('urgency', t('consult.col.urgency'))}
                    {header('subject', t('consult.col.subject'))}
                    {header('child', t('consult.col.child'))}
                    {header('assignee', t('consult.col.assignee'))}
                    {header('due', t('consult.col.next'))}
                    {header('municipality', t('consult.col.municipality'))}
                    {showTeam && header('team', t('consult.col.team'))}
                    {header('opened', t('consult.col.opened'))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <CaseNumberCell id={c.id} caseNumber={c.caseNumber} />
                      <Td className="whitespace-nowrap">
                        <span className={`rounded-4 px-1.5 ${URGENCY_TONE[c.urgency] ?? ''}`}>
                          {urgencyLabel(t, c.urgency)}
                        </span>
                      </Td>
                      <Td className="min-w-48">{c.subject}</Td>
                      <Td className="whitespace-nowrap">{childCell(t, c)}</Td>
                      <Td className="whitespace-nowrap">{c.assignedUserName ?? t('consult.unassigned')}</Td>
                      <Td className="min-w-48">
                        {c.closedAt ? (
                          t('consult.status.closed')
                        ) : (
                          <>
                            {c.nextAction && <span className="block">{c.nextAction}</span>}
                            <span className="whitespace-nowrap">{listDay(c.dueOn, locale)}</span>
                            {c.overdue && (
                              <span className="ml-2 whitespace-nowrap rounded-4 bg-error-2 px-1.5 text-dns-14B-120 text-white">
                                {t('consult.overdue')}
                              </span>
                            )}
                          </>
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">{c.municipalityName ?? c.municipalityCode}</Td>
                      {showTeam && <Td className="whitespace-nowrap">{c.ownerTeam.name}</Td>}
                      <Td className="whitespace-nowrap">{listDay(dayInJapan(c.openedAt), locale)}</Td>
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
