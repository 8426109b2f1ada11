import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { APPLICATION_STATUS_LABELS, COURSE_KIND_LABELS } from '../../../../../src/shared/vocab/learning';
import { SELECTION_REASON_LABELS } from '../../../../../src/shared/vocab/learning-selection';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { apiFetch } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/queries/auth';
import { type MyApplication, useCancelMine, useMyApplications } from '../applications/applications-api';
import { CourseLine } from '../CourseLine';
import { courseLine } from '../course-line';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/** The reasons a learner is told: how they got their seat; the rule's lottery wording is for staff. */
const TOLD_REASONS = new Set(['moved_up', 'override_selected', 'override_not_selected']);

/**
 * 申し込みの状況: the learner's applications with their status — the result only once the centre has announced
 * it (申込済み until then) — and the place on the waiting list; cancel with a confirmation. Below, the sessions
 * of the prefecture taking applications now, each with its apply link.
 */
export function MyApplicationsPage() {
  const t = useT();
  const mine = useMyApplications();
  return (
    <Page title={t('apply.mine.title')} intro={t('apply.mine.intro')}>
      <QueryState query={mine}>{(data) => <Applications items={data.items} />}</QueryState>
      <OpenSessions applied={new Set((mine.data?.items ?? []).filter(live).map((a) => a.sessionId))} />
    </Page>
  );
}

const live = (a: MyApplication) => a.status !== 'cancelled';

function Applications({ items }: { items: MyApplication[] }) {
  const t = useT();
  const { locale } = useLocale();
  const cancel = useCancelMine();
  const [confirming, setConfirming] = useState<MyApplication | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Section id="applications" title={t('apply.mine.list')}>
      <StatusMessage>{message}</StatusMessage>
      <ApiErrorAlert error={cancel.error} />
      {items.length === 0 ? (
        <p>{t('apply.mine.none')}</p>
      ) : (
        <Table caption={t('apply.mine.list')} captionHidden>
          <thead>
            <tr>
              <Th>{t('apply.session')}</Th>
              <Th>{t('apply.firstDay')}</Th>
              <Th>{t('apply.mine.appliedAt')}</Th>
              <Th>{t('apply.mine.status')}</Th>
              <Th>{t('common.actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="my-application">
                <RowTh>
                  <span className="font-bold">{a.sessionTitle}</span>
                  <CourseLine title={a.courseTitle} kindLabel="" sessionTitle={a.sessionTitle} />
                </RowTh>
                <Td>{a.firstDay ? formatDate(a.firstDay, locale, { weekday: true }) : t('common.none')}</Td>
                <Td>{formatDateTime(a.appliedAt, locale)}</Td>
                <Td>
                  <span className="font-bold">
                    {a.status === 'waiting' && a.waitRank
                      ? t('selection.waitRank', {
                          label: vocab(t, APPLICATION_STATUS_LABELS, a.status),
                          n: a.waitRank,
                        })
                      : vocab(t, APPLICATION_STATUS_LABELS, a.status)}
                  </span>
                  {a.reason && TOLD_REASONS.has(a.reason) && (
                    <span className="block text-solid-gray-700">
                      {vocab(t, SELECTION_REASON_LABELS, a.reason)}
                    </span>
                  )}
                  {a.status === 'applied' && (
                    <span className="block text-solid-gray-700">{t('apply.mine.pending')}</span>
                  )}
                </Td>
                <Td>
                  {a.status === 'cancelled' ? (
                    <Link
                      to="/learning/me/apply/$sessionId"
                      params={{ sessionId: a.sessionId }}
                      className={LINK}
                    >
                      {t('apply.mine.again')}
                    </Link>
                  ) : (
                    <Button
                      variant="secondary"
                      disabled={cancel.isPending}
                      aria-label={`${t('apply.mine.cancel')}: ${a.sessionTitle}`}
                      onClick={() => {
                        cancel.reset();
                        setMessage(null);
                        setConfirming(a);
                      }}
                    >
                      {t('apply.mine.cancel')}
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={confirming !== null}
        danger
        message={
          confirming
            ? t(confirming.status === 'selected' ? 'apply.mine.confirmSeat' : 'apply.mine.confirm', {
                session: confirming.sessionTitle,
              })
            : ''
        }
        confirmLabel={t('apply.mine.cancel')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const a = confirming;
          setConfirming(null);
          if (!a) return;
          cancel.mutate(
            { id: a.id, version: a.version },
            { onSuccess: () => setMessage(t('apply.mine.cancelled', { session: a.sessionTitle })) },
          );
        }}
      />
    </Section>
  );
}

type OpenSession = {
  id: string;
  title: string;
  courseTitle: string;
  courseKind: keyof typeof COURSE_KIND_LABELS;
  days: { heldOn: string }[];
  place: string;
  applicationsCloseAt: string | null;
  applicationsOpen: boolean;
};

/** The prefecture's sessions taking applications now (the public catalogue), each with its apply link. */
function OpenSessions({ applied }: { applied: Set<string> }) {
  const t = useT();
  const { locale } = useLocale();
  const prefecture = useSession().data?.user?.prefectureCode ?? null;
  const open = useQuery({
    queryKey: ['learning', 'catalogue', prefecture, 'open'],
    enabled: prefecture !== null,
    queryFn: ({ signal }) =>
      apiFetch<{ items: OpenSession[] }>('GET', '/api/public/learning/sessions', {
        query: { prefecture, open: 'true' },
        signal,
      }),
  });
  // The catalogue is a help here, not the page's subject: when it cannot be read the list is left out.
  const items = (open.data?.items ?? []).filter((s) => s.applicationsOpen);
  if (!open.data) return null;
  return (
    <Section id="open-sessions" title={t('apply.open.title')}>
      {items.length === 0 ? (
        <p>{t('apply.open.none')}</p>
      ) : (
        <ul className="max-w-4xl">
          {items.map((s) => (
            <li key={s.id} className="border-b border-solid-gray-200 py-3">
              <p className="text-std-17B-170">{s.title}</p>
              <p className="text-std-16N-170 text-solid-gray-700">
                {courseLine(
                  { title: s.courseTitle, kindLabel: vocab(t, COURSE_KIND_LABELS, s.courseKind) },
                  s.title,
                  locale,
                )}
                {s.days[0] ? ` ${formatDate(s.days[0].heldOn, locale)}` : ''}
                {s.place ? ` ${s.place}` : ''}
                {s.applicationsCloseAt
                  ? ` ${t('apply.open.until', { at: formatDateTime(s.applicationsCloseAt, locale) })}`
                  : ''}
              </p>
              {applied.has(s.id) ? (
                <p className="text-std-16N-170">{t('apply.open.applied')}</p>
              ) : (
                <Link to="/learning/me/apply/$sessionId" params={{ sessionId: s.id }} className={LINK}>
                  {t('apply.open.apply', { session: s.title })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
