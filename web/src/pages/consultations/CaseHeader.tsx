import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { systemText } from '../../i18n/vocab';
import { type ConsultationDetail, useUpdateConsultation } from '../../lib/queries/consultations';
import { ActionForm } from './ActionForm';
import { AssignmentPanel } from './AssignmentPanel';
import { childText } from './case-text';
import { RequestForm } from './HandoffPanel';
import { dayInJapan, listDay, tierLabel, urgencyLabel } from './labels';
import { ReplyForm } from './ReplyForm';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
      <dd className="text-std-16N-170 text-solid-gray-900">{children}</dd>
    </div>
  );
}

/**
 * The head of a case: what a reader needs before the history — the child (as the reader may see it), status,
 * owning team, assignee, urgency and the next action with its date. The number and subject are the page title.
 */
export function CaseHeader({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section
      aria-label={t('consult.header.label')}
      className="mb-8 rounded-8 border border-solid-gray-300 p-4"
    >
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('consult.col.child')}>
          {childText(t, c, locale)}
          {c.child.childId && (
            <>
              {' '}
              <Link
                to="/children/$childId"
                params={{ childId: c.child.childId }}
                className="text-key-900 underline underline-offset-4"
              >
                {t('consult.child.openRecord')}
              </Link>
            </>
          )}
        </Fact>
        <Fact label={t('consult.header.status')}>
          {c.closedAt
            ? `${t('consult.status.closed')}${t('consult.paren', { text: listDay(dayInJapan(c.closedAt), locale) })}`
            : t('consult.status.open')}
        </Fact>
        <Fact label={t('consult.col.urgency')}>{urgencyLabel(t, c.urgency)}</Fact>
        <Fact label={t('consult.detail.owner')}>
          {t('consult.withTier', { name: c.ownerTeam.name, tier: tierLabel(t, c.ownerTeam.tier) })}
        </Fact>
        {c.routingReason && (
          <Fact label={t('consult.header.routing')}>
            {systemText(t, c.routingReason)}
            {c.escalatedAt && (
              <span className="block whitespace-nowrap">
                {t('consult.header.escalatedOn', { date: listDay(dayInJapan(c.escalatedAt), locale) })}
              </span>
            )}
          </Fact>
        )}
        <Fact label={t('consult.detail.assignee')}>{c.assignedUserName ?? t('consult.unassigned')}</Fact>
        <Fact label={t('consult.header.nextAction')}>
          {c.closedAt ? (
            '—'
          ) : (
            <>
              {c.nextAction && <span className="block">{c.nextAction}</span>}
              <span className="whitespace-nowrap">{listDay(c.dueOn, locale)}</span>
              {c.overdue && <strong className="ml-2 text-error-2">{t('consult.overdue')}</strong>}
            </>
          )}
        </Fact>
      </dl>
    </section>
  );
}

/** Subject, next action and its date, changed by the owning team. */
function NextActionForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const update = useUpdateConsultation(c.id);
  const [subject, setSubject] = useState(c.subject);
  const [what, setWhat] = useState(c.nextAction ?? '');
  const [date, setDate] = useState(c.nextActionOn ?? '');
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate(
      {
        version: c.version,
        subject: subject.trim(),
        nextAction: what.trim() || null,
        nextActionOn: date || null,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <Section title={t('consult.next.formTitle')} id="consult-next-action">
      <form onSubmit={submit} noValidate className="max-w-2xl">
        <TextField
          label={t('consult.new.subject')}
          hint={t('consult.next.subjectHint')}
          value={subject}
          onChange={(v) => setSubject(v.replace(/[\r\n]+/g, ' '))}
          required
          maxLength={100}
        />
        <TextField
          label={t('consult.next.what')}
          hint={t('consult.next.whatHint')}
          value={what}
          onChange={setWhat}
          maxLength={200}
        />
        <TextField
          type="date"
          label={t('consult.detail.nextAction')}
          hint={t('consult.next.hint')}
          value={date}
          onChange={setDate}
        />
        <Button type="submit" variant="secondary" disabled={update.isPending}>
          {t('consult.next.save')}
        </Button>
      </form>
      {update.error && <ApiErrorAlert error={update.error} />}
      <StatusMessage>{saved ? t('consult.next.savedAll') : null}</StatusMessage>
    </Section>
  );
}

type Panel = 'record' | 'reply' | 'next' | 'assign' | 'request' | 'close';

/**
 * The case's actions as buttons; each opens its form below them (a disclosure: one at a time, pressed again
 * it closes). Only the actions the server allows are shown.
 */
export function CaseActions({ c, closeForm }: { c: ConsultationDetail; closeForm: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState<Panel | null>(null);
  const panelId = useId();
  const may = (a: ConsultationDetail['allowedActions'][number]) => c.allowedActions.includes(a);
  const panels: { key: Panel; label: MessageKey; show: boolean; body: ReactNode }[] = [
    { key: 'record', label: 'consult.action.record', show: may('addAction'), body: <ActionForm c={c} /> },
    { key: 'reply', label: 'consult.reply.open', show: c.replyByMail, body: <ReplyForm c={c} /> },
    {
      key: 'next',
      label: 'consult.action.next',
      show: may('update') && !c.closedAt,
      body: <NextActionForm c={c} />,
    },
    {
      key: 'assign',
      label: 'consult.action.assign',
      show: may('update') && c.assignees.length > 0,
      body: <AssignmentPanel c={c} />,
    },
    {
      key: 'request',
      label: 'consult.action.request',
      show: may('requestHandoff') || may('requestBackup') || may('requestSupervise'),
      body: <RequestForm c={c} />,
    },
    { key: 'close', label: 'consult.action.close', show: may('close'), body: closeForm },
  ];
  const shown = panels.filter((p) => p.show);
  if (shown.length === 0) return null;
  const current = shown.find((p) => p.key === open);
  return (
    <div className="mb-8">
      <ul aria-label={t('consult.actions')} className="mb-4 flex flex-wrap gap-2">
        {shown.map((p) => (
          <li key={p.key}>
            <Button
              variant={p.key === 'close' ? 'danger' : p.key === 'record' ? 'primary' : 'secondary'}
              aria-expanded={open === p.key}
              aria-controls={open === p.key ? panelId : undefined}
              onClick={() => setOpen(open === p.key ? null : p.key)}
            >
              {t(p.label)}
            </Button>
          </li>
        ))}
      </ul>
      {current && (
        <div id={panelId} className="rounded-8 border border-solid-gray-300 p-4">
          {current.body}
          <Button variant="text" onClick={() => setOpen(null)}>
            {t('consult.action.hide')}
          </Button>
        </div>
      )}
    </div>
  );
}
