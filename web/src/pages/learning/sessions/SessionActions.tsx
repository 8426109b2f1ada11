import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { nextStatuses, readyToOpen } from '../../../../../src/modules/learning/session-rules';
import type { SessionStatus } from '../../../../../src/shared/vocab/learning';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { type MessageKey, useT } from '../../../i18n';
import {
  type Session,
  useLearningOptions,
  useSessionStatus,
  useUpdateSession,
} from '../../../lib/queries/learning-courses';
import { SaveError } from '../courses/shared';
import { draftOf, SessionFields } from './SessionForm';

type Panel = 'edit' | SessionStatus;

/** The action's label: opening a closed session is re-opening it. */
function actionLabel(from: SessionStatus, to: SessionStatus): MessageKey {
  if (to === 'open') return from === 'closed' ? 'training.action.reopen' : 'training.action.open';
  return `training.action.${to}` as MessageKey;
}

function StatusForm({ s, to, onDone }: { s: Session; to: SessionStatus; onDone: (msg: string) => void }) {
  const t = useT();
  const change = useSessionStatus(s.id, () => onDone(t('training.statusChanged')));
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (to === 'cancelled' && !reason.trim()) {
      setMissing(true);
      return;
    }
    change.mutate({ version: s.version, status: to, reason: reason.trim() || undefined });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      <p className="mb-4 text-std-16N-170">{t(`training.explain.${to}` as MessageKey)}</p>
      {to === 'cancelled' && (
        <TextAreaField
          label={t('training.cancelReason')}
          hint={t('training.cancelReason.hint')}
          value={reason}
          onChange={setReason}
          required
          error={missing ? t('validation.required', { field: t('training.cancelReason') }) : null}
        />
      )}
      <SaveError<Session> mutation={change} onReload={() => undefined} />
      <Button type="submit" variant={to === 'cancelled' ? 'danger' : 'primary'} disabled={change.isPending}>
        {t(actionLabel(s.status, to))}
      </Button>
    </form>
  );
}

function EditForm({ s, onDone }: { s: Session; onDone: (msg: string) => void }) {
  const t = useT();
  const options = useLearningOptions();
  const update = useUpdateSession(s.id);
  const [draft, setDraft] = useState(() => draftOf(s));
  const [version, setVersion] = useState(s.version);
  if (!options.data) return <ApiErrorAlert error={options.error} />;
  return (
    <SessionFields
      draft={draft}
      setDraft={setDraft}
      parts={s.parts}
      options={options.data}
      serverError={update.error}
      submitLabel={t('common.save')}
      pending={update.isPending}
      onSubmit={(body) => update.mutate({ version, ...body }, { onSuccess: () => onDone(t('common.saved')) })}
    >
      <SaveError<Session>
        mutation={update}
        describe={(c) => t('training.conflict.session', { title: c.title, version: c.version })}
        onReload={(c) => {
          setDraft(draftOf(c));
          setVersion(c.version);
        }}
      />
    </SessionFields>
  );
}

/**
 * The session's actions as buttons, each opening its form below (one at a time; pressed again it closes):
 * edit, then the states it may move to (session-rules.ts). Shown only to staff who manage the session.
 */
export function SessionActions({ s }: { s: Session }) {
  const t = useT();
  const [open, setOpen] = useState<Panel | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const panelId = useId();
  if (!s.canManage) return null;
  const final = s.status === 'completed' || s.status === 'cancelled';
  const ready = readyToOpen({ dayCount: s.days.length, delivery: s.delivery, place: s.place });
  const done = (msg: string) => {
    setOpen(null);
    setMessage(msg);
  };
  const panels: { key: Panel; label: MessageKey; body: ReactNode; danger?: boolean }[] = [];
  if (!final)
    panels.push({ key: 'edit', label: 'training.action.edit', body: <EditForm s={s} onDone={done} /> });
  for (const to of nextStatuses(s.status)) {
    if (to === 'open' && !ready) continue;
    panels.push({
      key: to,
      label: actionLabel(s.status, to),
      body: <StatusForm s={s} to={to} onDone={done} />,
      danger: to === 'cancelled',
    });
  }
  const current = panels.find((p) => p.key === open);
  return (
    <div className="mb-8 print:hidden">
      {s.status === 'draft' && !ready && <StatusMessage tone="info">{t('training.notReady')}</StatusMessage>}
      {panels.length > 0 && (
        <ul aria-label={t('common.actions')} className="mb-4 flex flex-wrap gap-2">
          {panels.map((p, i) => (
            <li key={p.key}>
              <Button
                variant={p.danger ? 'danger' : i === 0 && p.key !== 'edit' ? 'primary' : 'secondary'}
                aria-expanded={open === p.key}
                aria-controls={open === p.key ? panelId : undefined}
                onClick={() => {
                  setMessage(null);
                  setOpen(open === p.key ? null : p.key);
                }}
              >
                {t(p.label)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <div id={panelId} className="rounded-8 border border-solid-gray-300 p-4">
          {current.body}
          <Button variant="text" onClick={() => setOpen(null)}>
            {t('training.action.hide')}
          </Button>
        </div>
      )}
      <StatusMessage>{message}</StatusMessage>
    </div>
  );
}
