import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { COURSE_KIND_LABELS } from '../../../../../src/shared/vocab/learning';
import {
  REQUEST_SOURCE_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  REQUESTER_KIND_LABELS,
} from '../../../../../src/shared/vocab/learning-requests';
import { Button, buttonClass } from '../../../components/Button';
import { Checkbox, SelectField, TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDay, formatNumber } from '../../../lib/format';
import { type RequestList, useRequests } from '../../../lib/queries/learning-requests';
import { forTrainingRoles, useRole } from '../courses/Guard';
import { ownerShort } from '../courses/shared';
import { filesRequests, readsRequests, writesRequests } from './access';
import { parseRequestSearch, type RequestSearch } from './search';
import { RequestStatusBadge } from './shared';

function Filters({ search, centre }: { search: RequestSearch; centre: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<RequestSearch>(search);
  useEffect(() => setForm(search), [search]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/learning/requests', search: { ...form, page: undefined } });
  };
  return (
    <form onSubmit={submit}>
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('req.show')}
          value={form.status ?? 'open'}
          onChange={(v) => setForm((f) => ({ ...f, status: v === 'open' ? undefined : v }))}
          options={[
            { value: 'open', label: t('req.show.open') },
            { value: 'closed', label: t('req.show.closed') },
            { value: 'all', label: t('req.show.all') },
            ...vocabOptions(t, REQUEST_STATUSES, REQUEST_STATUS_LABELS),
          ]}
        />
        <TextField
          label={t('req.q')}
          hint={t('req.q.hint')}
          value={form.q ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, q: v || undefined }))}
        />
      </div>
      {centre && (
        <Checkbox
          label={t('req.mine')}
          checked={!!form.mine}
          onChange={(v) => setForm((f) => ({ ...f, mine: v || undefined }))}
        />
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/learning/requests', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

function Results({ data, search }: { data: RequestList; search: RequestSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  if (data.items.length === 0) return <p role="status">{t('req.empty')}</p>;
  const centre = data.side === 'centre';
  return (
    <>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={(page) => void navigate({ to: '/learning/requests', search: { ...search, page } })}
      />
      <Table caption={t('req.caption')}>
        <thead>
          <tr>
            <Th>{t('req.requester')}</Th>
            <Th>{t('req.what')}</Th>
            <Th>{t('req.status')}</Th>
            <Th className="text-right">{t('req.waiting')}</Th>
            {centre && <Th>{t('req.owner')}</Th>}
          </tr>
        </thead>
        <tbody>
          {data.items.map((r) => (
            <tr key={r.id}>
              <Td className="min-w-48">
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {vocab(t, REQUESTER_KIND_LABELS, r.requesterKind)}
                </span>
                <span className="block text-std-16B-170">{r.requesterName}</span>
                {r.source !== 'direct' && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {vocab(t, REQUEST_SOURCE_LABELS, r.source)}
                  </span>
                )}
              </Td>
              <Td className="min-w-64">
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {vocab(t, COURSE_KIND_LABELS, r.courseKind)}
                </span>
                <Link
                  to="/learning/requests/$requestId"
                  params={{ requestId: r.id }}
                  className="inline-flex min-h-11 items-center text-std-16B-170"
                >
                  {r.askedFor.split('\n')[0]!.slice(0, 80)}
                </Link>
                {r.sessionTitle && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{r.sessionTitle}</span>
                )}
              </Td>
              <Td>
                <RequestStatusBadge status={r.status} />
                {r.daysWaiting !== null && (
                  <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">
                    {r.awaitingCentre ? t('req.awaitingCentre') : t('req.awaitingRequester')}
                  </span>
                )}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {r.daysWaiting !== null ? (
                  t('req.days', { n: formatNumber(r.daysWaiting, locale) })
                ) : (
                  <span className="text-dns-14N-130 text-solid-gray-700">
                    {formatDay(r.createdAt, locale, { compact: true })}
                  </span>
                )}
              </Td>
              {centre && (
                <Td className="min-w-32">
                  {r.owner && ownerShort(t, r.owner)}
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {r.handlerName ?? t('req.noHandler')}
                  </span>
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** 研修の依頼: open requests first, the oldest first, with what one needs to choose the next. */
function RequestsPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseRequestSearch(raw), [raw]);
  const requests = useRequests({
    status: search.status as never,
    owner: search.mine ? 'mine' : undefined,
    q: search.q,
    page: search.page,
  });
  const requester = !!role && filesRequests(role);
  return (
    <Page title={t('req.title')} intro={requester ? t('req.introRequester') : t('req.intro')}>
      <div className="mb-6 flex flex-wrap gap-3">
        {role && (writesRequests(role) || requester) && (
          <Link
            to="/learning/requests/new"
            search={{}}
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {requester ? t('req.newRequester') : t('req.new')}
          </Link>
        )}
        {role && writesRequests(role) && (
          <Link to="/learning/requests/new-providers" className={buttonClass('secondary', 'no-underline')}>
            {t('req.newProviders')}
          </Link>
        )}
      </div>
      <Section id="training-requests-filter" title={t('req.filter')}>
        <Filters search={search} centre={!requester} />
      </Section>
      <Section id="training-requests-results" title={t('req.results')}>
        <QueryState query={requests}>{(data) => <Results data={data} search={search} />}</QueryState>
      </Section>
    </Page>
  );
}

export const RequestsPage = forTrainingRoles(readsRequests, RequestsPageInner);
