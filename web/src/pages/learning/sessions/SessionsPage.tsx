import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { currentNendo } from '../../../../../src/shared/nendo';
import {
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  DELIVERY_MODE_LABELS,
  SESSION_STATUS_LABELS,
  SESSION_STATUSES,
} from '../../../../../src/shared/vocab/learning';
import { Button, buttonClass } from '../../../components/Button';
import { Checkbox, SelectField, TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate, formatNendo, formatNumber } from '../../../lib/format';
import { type SessionList, useSessions } from '../../../lib/queries/learning-courses';
import { readsTrainings, writesTrainings } from '../courses/access';
import { forTrainingRoles, useRole } from '../courses/Guard';
import { ownerShort, StatusBadge } from '../courses/shared';
import { parseSessionSearch, type SessionSearch } from './search';

const ANY_YEAR = 'all';

function Filters({ search, thisNendo }: { search: SessionSearch; thisNendo: number }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form, setForm] = useState<SessionSearch>(search);
  useEffect(() => setForm(search), [search]);
  const years = [thisNendo + 1, thisNendo, thisNendo - 1, thisNendo - 2];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: '/learning/sessions', search: { ...form, page: undefined } });
  };
  return (
    <form onSubmit={submit} className="print:hidden">
      <div className="grid gap-x-4 md:grid-cols-2 xl:grid-cols-4">
        <SelectField
          label={t('training.nendo')}
          value={
            form.nendo === undefined ? String(thisNendo) : form.nendo === 0 ? ANY_YEAR : String(form.nendo)
          }
          onChange={(v) => setForm((f) => ({ ...f, nendo: v === ANY_YEAR ? 0 : Number(v) }))}
          options={[
            ...years.map((y) => ({ value: String(y), label: formatNendo(y, locale) })),
            { value: ANY_YEAR, label: t('training.nendo.all') },
          ]}
        />
        <SelectField
          label={t('training.kind')}
          value={form.kind ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, kind: v || undefined }))}
          emptyLabel={t('common.all')}
          options={vocabOptions(t, COURSE_KINDS, COURSE_KIND_LABELS)}
        />
        <SelectField
          label={t('training.status')}
          value={form.status ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, status: v || undefined }))}
          emptyLabel={t('common.all')}
          options={vocabOptions(t, SESSION_STATUSES, SESSION_STATUS_LABELS)}
        />
        <TextField
          label={t('training.q')}
          hint={t('training.q.hint')}
          value={form.q ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, q: v || undefined }))}
        />
      </div>
      <Checkbox
        label={t('training.mine')}
        checked={!!form.mine}
        onChange={(v) => setForm((f) => ({ ...f, mine: v || undefined }))}
      />
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="secondary" onClick={() => void navigate({ to: '/learning/sessions', search: {} })}>
          {t('common.clear')}
        </Button>
      </div>
    </form>
  );
}

/** Days of a session for a list cell: the next one, and the span when it has several. */
function DatesCell({ s }: { s: SessionList['items'][number] }) {
  const t = useT();
  const { locale } = useLocale();
  if (!s.firstDate) return <span className="text-solid-gray-700">{t('training.noDays')}</span>;
  const span =
    s.lastDate && s.lastDate !== s.firstDate
      ? t('training.span', {
          from: formatDate(s.firstDate, locale, { compact: true }),
          to: formatDate(s.lastDate, locale, { compact: true }),
          n: s.dayCount,
        })
      : null;
  return (
    <>
      <span className="block whitespace-nowrap text-std-16B-170">
        {s.nextDate ? formatDate(s.nextDate, locale, { weekday: true }) : t('training.allHeld')}
      </span>
      {span && <span className="block text-dns-14N-130 text-solid-gray-700">{span}</span>}
    </>
  );
}

function Results({ data, search }: { data: SessionList; search: SessionSearch }) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  if (data.items.length === 0) return <p role="status">{t('training.sessions.empty')}</p>;
  return (
    <>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={(page) => void navigate({ to: '/learning/sessions', search: { ...search, page } })}
      />
      <Table caption={t('training.sessions.caption')}>
        <thead>
          <tr>
            <Th>{t('training.session')}</Th>
            <Th>{t('training.nextDate')}</Th>
            <Th>{t('training.place')}</Th>
            <Th className="text-right">{t('training.seats')}</Th>
            <Th>{t('training.status')}</Th>
            <Th>{t('training.owner')}</Th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.id}>
              <Td className="min-w-64">
                <span className="block text-dns-14N-130 text-solid-gray-700">
                  {vocab(t, COURSE_KIND_LABELS, s.courseKind)}
                </span>
                <Link
                  to="/learning/sessions/$sessionId"
                  params={{ sessionId: s.id }}
                  className="inline-flex min-h-11 items-center text-std-16B-170"
                >
                  {s.title}
                </Link>
                {s.title !== s.courseTitle && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{s.courseTitle}</span>
                )}
              </Td>
              <Td>
                <DatesCell s={s} />
              </Td>
              <Td className="min-w-40">
                <span className="block">{vocab(t, DELIVERY_MODE_LABELS, s.delivery)}</span>
                {s.place && s.delivery !== 'online' && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">{s.place.split('\n')[0]}</span>
                )}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                <span className="block">
                  {t('training.applicantsOf', {
                    n: formatNumber(s.applicants, locale),
                    capacity: s.capacity === null ? t('training.noCap') : formatNumber(s.capacity, locale),
                  })}
                </span>
                {s.selected > 0 && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {t('training.selectedN', { n: formatNumber(s.selected, locale) })}
                  </span>
                )}
              </Td>
              <Td>
                <StatusBadge status={s.status} />
                {s.applicationsOpen && (
                  <span className="mt-1 block text-dns-14B-120 text-green-900">{t('training.taking')}</span>
                )}
              </Td>
              <Td className="min-w-32">
                {ownerShort(t, s.owner)}
                {s.canManage && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {t('training.youManage')}
                  </span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** 研修の回: the training year's sessions, next first, with what one needs to choose the next to work on. */
function SessionsPageInner() {
  const t = useT();
  const role = useRole();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => parseSessionSearch(raw), [raw]);
  const thisNendo = currentNendo(new Date());
  const nendo = search.nendo === undefined ? thisNendo : search.nendo;
  const sessions = useSessions({
    nendo: nendo === 0 ? undefined : nendo,
    kind: search.kind as never,
    status: search.status as never,
    owner: search.mine ? 'mine' : undefined,
    q: search.q,
    page: search.page,
  });
  return (
    <Page title={t('training.sessions.title')} intro={t('training.sessions.intro')}>
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        {role && writesTrainings(role) && (
          <Link
            to="/learning/sessions/new"
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('training.sessions.new')}
          </Link>
        )}
        <Link to="/learning/courses" className={buttonClass('secondary', 'no-underline')}>
          {t('training.courses.title')}
        </Link>
        <a href="/public/trainings" className={buttonClass('secondary', 'no-underline')}>
          {t('training.publicPage')}
        </a>
      </div>
      <Section id="training-sessions-filter" title={t('training.filter')}>
        <Filters search={search} thisNendo={thisNendo} />
      </Section>
      <Section id="training-sessions-results" title={t('training.results')}>
        <QueryState query={sessions}>{(data) => <Results data={data} search={search} />}</QueryState>
      </Section>
    </Page>
  );
}

export const SessionsPage = forTrainingRoles(readsTrainings, SessionsPageInner);
