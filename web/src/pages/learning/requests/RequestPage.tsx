import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { COURSE_KIND_LABELS } from '../../../../../src/shared/vocab/learning';
import {
  REQUEST_ENTRY_KIND_LABELS,
  REQUEST_SIDE_LABELS,
  REQUEST_SOURCE_LABELS,
  REQUESTER_KIND_LABELS,
} from '../../../../../src/shared/vocab/learning-requests';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { type MessageKey, useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { isApiError } from '../../../lib/api';
import { formatDateTime, formatDay } from '../../../lib/format';
import { useSessions } from '../../../lib/queries/learning-courses';
import { type TrainingRequest, useRequest, useRequestStep } from '../../../lib/queries/learning-requests';
import { NotFoundPage } from '../../NotFoundPage';
import { forTrainingRoles } from '../courses/Guard';
import { Fact, ownerText, SaveError } from '../courses/shared';
import { readsRequests } from './access';
import { RequestStatusBadge } from './shared';

const LINK = 'text-key-900 underline underline-offset-4';
type Action = TrainingRequest['actions'][number];

/** The head of the page: what one needs before acting on the request. */
function Summary({ r }: { r: TrainingRequest }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t('req.summary')} className="mb-8 rounded-8 border border-solid-gray-300 p-4">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('req.requester')}>
          {r.requesterName}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {vocab(t, REQUESTER_KIND_LABELS, r.requesterKind)}
          </span>
        </Fact>
        <Fact label={t('req.status')}>
          <RequestStatusBadge status={r.status} />
          {r.daysWaiting !== null && (
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t('req.days', { n: r.daysWaiting })} ・{' '}
              {r.awaitingCentre ? t('req.awaitingCentre') : t('req.awaitingRequester')}
            </span>
          )}
        </Fact>
        <Fact label={t('req.received')}>{formatDay(r.createdAt, locale, { weekday: true })}</Fact>
        {(r.contactName || r.contactDetail) && (
          <Fact label={t('req.contact')}>
            {[r.contactName, r.contactDetail].filter(Boolean).join(' ・ ')}
          </Fact>
        )}
        <Fact label={t('req.courseKind')}>{vocab(t, COURSE_KIND_LABELS, r.courseKind)}</Fact>
        {r.owner && (
          <Fact label={t('req.owner')}>
            {ownerText(t, r.owner)}
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {r.handlerName ?? t('req.noHandler')}
            </span>
          </Fact>
        )}
        <Fact label={t('req.session')}>
          {r.sessionId && r.owner ? (
            <Link to="/learning/sessions/$sessionId" params={{ sessionId: r.sessionId }} className={LINK}>
              {r.sessionTitle}
            </Link>
          ) : (
            (r.sessionTitle ?? t('req.noSession'))
          )}
        </Fact>
        {r.source !== 'direct' && (
          <Fact label={t('req.source')}>{vocab(t, REQUEST_SOURCE_LABELS, r.source)}</Fact>
        )}
        {r.transition && (
          <Fact label={t('req.child')}>
            <Link to="/children/$childId" params={{ childId: r.transition.childId }} className={LINK}>
              {r.transition.childName}
            </Link>
          </Fact>
        )}
        {r.resourceOrganization && <Fact label={t('req.resource')}>{r.resourceOrganization.name}</Fact>}
        {r.closedAt && <Fact label={t('req.closed')}>{formatDay(r.closedAt, locale)}</Fact>}
      </dl>
      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <div>
          <h3 className="text-std-16B-170">{t('req.askedFor')}</h3>
          <p className="whitespace-pre-line">{r.askedFor}</p>
        </div>
        <div>
          <h3 className="text-std-16B-170">{t('req.reason')}</h3>
          <p className="whitespace-pre-line">{r.reason}</p>
        </div>
        <div>
          <h3 className="text-std-16B-170">{t('req.need')}</h3>
          <p className="whitespace-pre-line">
            {r.need ?? <span className="text-solid-gray-700">{t('req.needMissing')}</span>}
          </p>
        </div>
      </div>
      {r.closeReason && (
        <p className="mt-4">
          <span className="text-std-16B-170">{t('req.closeReason')}：</span>
          {r.closeReason}
        </p>
      )}
    </section>
  );
}

function Dialogue({ r }: { r: TrainingRequest }) {
  const t = useT();
  const { locale } = useLocale();
  if (r.entries.length === 0) return <p>{t('req.noEntries')}</p>;
  return (
    <ol className="space-y-4">
      {r.entries.map((e) => (
        <li
          key={e.id}
          className={`rounded-8 border p-3 ${e.side === 'requester' ? 'border-key-900' : 'border-solid-gray-300'}`}
        >
          <p className="text-dns-14N-130 text-solid-gray-700">
            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time> ・{' '}
            {t('req.entryBy', { name: e.authorName, side: vocab(t, REQUEST_SIDE_LABELS, e.side) })}
            {e.kind !== 'message' && <> ・ {vocab(t, REQUEST_ENTRY_KIND_LABELS, e.kind)}</>}
          </p>
          {e.body && <p className="mt-1 whitespace-pre-line">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}

function SessionPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  const sessions = useSessions({ owner: 'mine' });
  const items = (sessions.data?.items ?? []).filter((s) => s.status !== 'cancelled');
  return (
    <>
      {sessions.data && items.length === 0 && <p className="mb-2">{t('req.noSessions')}</p>}
      <SelectField
        label={t('req.sessionPick')}
        hint={t('req.sessionPick.hint')}
        value={value}
        onChange={onChange}
        emptyLabel="—"
        options={items.map((s) => ({ value: s.id, label: `${s.title}（${s.courseTitle}）` }))}
      />
      <p className="mb-4">
        <Link to="/learning/sessions/new" search={{}} className={LINK}>
          {t('req.sessionNew')}
        </Link>
      </p>
    </>
  );
}

function ActionForm({
  r,
  action,
  onDone,
}: {
  r: TrainingRequest;
  action: Action;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const step = useRequestStep(r.id, () => onDone(action === 'message' ? t('req.sent') : t('req.saved')));
  const [text, setText] = useState(action === 'need' ? (r.need ?? '') : '');
  const [sessionId, setSessionId] = useState(r.sessionId ?? '');
  const [missing, setMissing] = useState(false);
  const needsText = action === 'message' || action === 'need' || action === 'decline';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((needsText && !text.trim()) || (action === 'link' && !sessionId)) {
      setMissing(true);
      return;
    }
    const v = r.version;
    if (action === 'message') step.mutate({ step: 'entries', body: text.trim() });
    else if (action === 'need') step.mutate({ step: 'need', version: v, need: text.trim() });
    else if (action === 'link') step.mutate({ step: 'session', version: v, sessionId });
    else if (action === 'done') step.mutate({ step: 'close', version: v, outcome: 'done' });
    else if (action === 'decline')
      step.mutate({ step: 'close', version: v, outcome: 'declined', reason: text.trim() });
    else step.mutate({ step: 'assign', version: v });
  };
  const label: Record<Action, MessageKey> = {
    message: 'req.message',
    need: 'req.need',
    decline: 'req.closeReason',
    link: 'req.sessionPick',
    done: 'req.action.done',
    assign: 'req.action.assign',
  };
  const explain: Partial<Record<Action, MessageKey>> = {
    done: 'req.done.explain',
    decline: 'req.decline.explain',
    assign: 'req.assign.explain',
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      {explain[action] && <p className="mb-4">{t(explain[action]!)}</p>}
      {needsText && (
        <TextAreaField
          label={t(label[action])}
          hint={
            action === 'message' ? t('req.message.hint') : action === 'need' ? t('req.need.hint') : undefined
          }
          value={text}
          onChange={setText}
          rows={action === 'message' ? 4 : 5}
          required
          error={missing ? t('validation.required', { field: t(label[action]) }) : null}
        />
      )}
      {action === 'link' && <SessionPicker value={sessionId} onChange={setSessionId} />}
      <SaveError<TrainingRequest> mutation={step} onReload={() => undefined} />
      <Button type="submit" variant={action === 'decline' ? 'danger' : 'primary'} disabled={step.isPending}>
        {t(`req.action.${action}` as MessageKey)}
      </Button>
    </form>
  );
}

function Actions({ r }: { r: TrainingRequest }) {
  const t = useT();
  const [open, setOpen] = useState<Action | null>(r.actions.includes('message') ? 'message' : null);
  const [message, setMessage] = useState<string | null>(null);
  if (r.actions.length === 0) return message ? <StatusMessage>{message}</StatusMessage> : null;
  return (
    <Section id="request-actions" title={t('req.actions')}>
      {message && <StatusMessage>{message}</StatusMessage>}
      <div className="mb-4 flex flex-wrap gap-3">
        {r.actions.map((a) => (
          <Button
            key={a}
            variant={open === a ? 'primary' : 'secondary'}
            aria-pressed={open === a}
            onClick={() => setOpen(a)}
          >
            {t(`req.action.${a}` as MessageKey)}
          </Button>
        ))}
      </div>
      {open && r.actions.includes(open) && (
        <ActionForm
          key={`${open}-${r.version}-${r.entries.length}`}
          r={r}
          action={open}
          onDone={(m) => {
            setMessage(m);
            setOpen(open === 'message' ? 'message' : null);
          }}
        />
      )}
    </Section>
  );
}

function RequestPageInner() {
  const t = useT();
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const request = useRequest(requestId);
  if (isApiError(request.error, 'not_found')) return <NotFoundPage />;
  return (
    <QueryState query={request}>
      {(r) => (
        <Page title={r.askedFor.split('\n')[0]!.slice(0, 60)}>
          <p className="mb-4">
            <Link to="/learning/requests" search={{}} className={LINK}>
              {t('req.title')}
            </Link>
          </p>
          <Summary r={r} />
          <Actions r={r} />
          <Section id="request-dialogue" title={t('req.dialogue')}>
            <Dialogue r={r} />
          </Section>
          {request.error && <ApiErrorAlert error={request.error} />}
        </Page>
      )}
    </QueryState>
  );
}

export const RequestPage = forTrainingRoles(readsRequests, RequestPageInner);
