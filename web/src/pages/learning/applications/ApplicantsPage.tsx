import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { SESSION_STATUS_LABELS } from '../../../../../src/shared/vocab/learning';
import { ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { ApplicantsTable } from './ApplicantsTable';
import { type Applicants, useApplicants, useSeatAction } from './applications-api';
import { SeatDialog, type SeatIntent } from './SeatDialog';
import { SelectionPanel } from './SelectionPanel';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/**
 * 申込者と選考 (MI-5): the applicants of one session for the staff who manage it, the balanced selection with its
 * seed and per-region explanation, seats given or withdrawn with a reason, announcing the results, and
 * cancelling for an applicant (who moved up is said). Reached from the session's page; the API answers 404
 * outside the staff member's area and the page shows that.
 */
export function ApplicantsPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const query = useApplicants(sessionId);
  return (
    <QueryState query={query}>
      {(data) => (
        <Page title={t('selection.title', { session: data.session.title })}>
          <Body data={data} sessionId={sessionId} />
        </Page>
      )}
    </QueryState>
  );
}

function Body({ data, sessionId }: { data: Applicants; sessionId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const seat = useSeatAction(sessionId);
  const [intent, setIntent] = useState<SeatIntent | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [movedUp, setMovedUp] = useState<string | null>(null);
  const movedUpName = movedUp ? data.items.find((a) => a.id === movedUp)?.learnerName : null;
  const c = data.counts;

  return (
    <>
      <dl className="mb-4 grid max-w-4xl grid-cols-1 gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[14em_1fr]">
        <dt className="font-bold">{t('selection.course')}</dt>
        <dd>{data.session.courseTitle}</dd>
        <dt className="font-bold">{t('selection.sessionStatus')}</dt>
        <dd>{vocab(t, SESSION_STATUS_LABELS, data.session.status)}</dd>
        <dt className="font-bold">{t('selection.capacity')}</dt>
        <dd>
          {data.session.capacity === null
            ? t('selection.noCapacity')
            : t('common.persons', { n: data.session.capacity })}
        </dd>
        <dt className="font-bold">{t('selection.closesAt')}</dt>
        <dd>
          {data.session.applicationsCloseAt
            ? formatDateTime(data.session.applicationsCloseAt, locale)
            : t('common.none')}
        </dd>
        <dt className="font-bold">{t('selection.counts')}</dt>
        <dd data-testid="applicant-counts">
          {t('selection.countsLine', {
            total: data.items.length,
            applied: c.applied,
            selected: c.selected,
            waiting: c.waiting,
            notSelected: c.notSelected,
            cancelled: c.cancelled,
          })}
        </dd>
      </dl>
      <div className="mb-4 flex flex-wrap gap-4 print:hidden">
        <Link to="/learning/sessions/$sessionId" params={{ sessionId }} className={LINK}>
          {t('selection.toSession')}
        </Link>
        <Link to="/learning/sessions/$sessionId/applicants/print" params={{ sessionId }} className={LINK}>
          {t('selection.print')}
        </Link>
      </div>

      <SelectionPanel data={data} sessionId={sessionId} />

      <Section id="applicants" title={t('selection.applicants')}>
        <StatusMessage>
          {message}
          {movedUp !== null && (movedUpName ? ` ${t('selection.movedUp', { name: movedUpName })}` : '')}
        </StatusMessage>
        {data.items.length === 0 ? (
          <p>{t('selection.none')}</p>
        ) : (
          <ApplicantsTable
            data={data}
            onAction={(i) => {
              seat.reset();
              setIntent(i);
            }}
          />
        )}
      </Section>

      {isApiError(seat.error, 'conflict') && !intent && (
        <ErrorAlert>{t('selection.seatConflict')}</ErrorAlert>
      )}
      <SeatDialog
        intent={intent}
        pending={seat.isPending}
        error={isApiError(seat.error, 'conflict') ? null : seat.error}
        onClose={() => setIntent(null)}
        onSubmit={(action) => {
          const name = intent?.applicant.learnerName ?? '';
          const kind = intent?.kind;
          const wasSeated = intent?.applicant.status === 'selected';
          seat.mutate(action, {
            onSuccess: (r) => {
              setIntent(null);
              setMovedUp(r.movedUp ?? null);
              setMessage(
                kind === 'give'
                  ? t('selection.given', { name })
                  : kind === 'withdraw'
                    ? t('selection.withdrawn', { name })
                    : wasSeated && !r.movedUp
                      ? t('selection.cancelledNoMove', { name })
                      : t('selection.cancelled', { name }),
              );
            },
            onError: (e) => {
              // A colleague changed this applicant since the page was read: close, show the current state.
              if (isApiError(e, 'conflict')) setIntent(null);
            },
          });
        }}
      />
    </>
  );
}
