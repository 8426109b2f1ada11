import { type FormEvent, useState } from 'react';
import { japanDateAndTime } from '../../../../src/shared/date-format';
import {
  COUNCIL_ATTENDANCE_STATUS_LABELS,
  COUNCIL_ATTENDANCE_STATUSES,
  type CouncilAttendanceStatus,
} from '../../../../src/shared/vocab/councils';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { errorMessage, isApiError } from '../../lib/api';
import { type Meeting, useAssignees, useMeetingStep } from '../../lib/queries/councils';
import { SaveError } from '../learning/courses/shared';

type Action = 'edit' | 'attendance' | 'minutes' | 'item';

function EditForm({ m, onDone }: { m: Meeting; onDone: () => void }) {
  const t = useT();
  const step = useMeetingStep(m.id);
  const s = japanDateAndTime(new Date(m.startsAt));
  const e = japanDateAndTime(new Date(m.endsAt));
  const [title, setTitle] = useState(m.title);
  const [date, setDate] = useState(s.date);
  const [start, setStart] = useState(s.time);
  const [end, setEnd] = useState(e.time);
  const [place, setPlace] = useState(m.place);
  const [agenda, setAgenda] = useState(m.agenda);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    step.mutate(
      {
        step: 'edit',
        body: {
          version: m.version,
          title: title.trim(),
          startsAt: `${date}T${start}:00+09:00`,
          endsAt: `${date}T${end}:00+09:00`,
          place: place.trim(),
          agenda: agenda.trim(),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField label={t('cn.mt.title')} value={title} onChange={setTitle} required />
      <div className="grid gap-x-4 md:grid-cols-3">
        <TextField label={t('cn.mt.date')} type="date" value={date} onChange={setDate} required />
        <TextField label={t('cn.mt.start')} type="time" value={start} onChange={setStart} required />
        <TextField label={t('cn.mt.end')} type="time" value={end} onChange={setEnd} required />
      </div>
      <TextField label={t('cn.place')} value={place} onChange={setPlace} />
      <TextAreaField
        label={t('cn.mt.agenda')}
        hint={t('cn.mt.agenda.hint')}
        value={agenda}
        onChange={setAgenda}
        rows={5}
      />
      <SaveError<Meeting> mutation={step} onReload={() => undefined} />
      <Button type="submit" disabled={step.isPending}>
        {t('cn.save')}
      </Button>
    </form>
  );
}

/** The members a refused attendance named (`council_not_member`: one issue per line, by its index). */
function refusedNames(error: unknown, sent: { memberId: string; name: string }[]): string[] {
  if (!isApiError(error, 'council_not_member')) return [];
  return error.issues
    .map((i) => /^entries\.(\d+)\./.exec(i.path)?.[1])
    .map((n) => (n === undefined ? undefined : sent[Number(n)]?.name))
    .filter((n): n is string => !!n);
}

function AttendanceForm({ m, onDone }: { m: Meeting; onDone: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const step = useMeetingStep(m.id);
  const [status, setStatus] = useState<Record<string, CouncilAttendanceStatus | ''>>(() =>
    Object.fromEntries(m.attendance.map((a) => [a.memberId, a.status ?? ''])),
  );
  const [sent, setSent] = useState<{ memberId: string; name: string }[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The sheet as it is now: a member whose term has ended since is no longer on it.
    const lines = m.attendance
      .filter((a) => status[a.memberId])
      .map((a) => ({ memberId: a.memberId, name: a.name, status: status[a.memberId]! }));
    setSent(lines);
    step.mutate(
      {
        step: 'attendance',
        body: {
          version: m.version,
          entries: lines.map(({ memberId, status: s }) => ({ memberId, status: s })),
        },
      },
      { onSuccess: onDone },
    );
  };
  const refused = refusedNames(step.error, sent);
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <p className="mb-4">{t('cn.attendance.only')}</p>
      <div className="grid gap-x-4 md:grid-cols-2">
        {m.attendance.map((a) => (
          <SelectField
            key={a.memberId}
            label={`${a.name}${a.affiliation ? `（${a.affiliation}）` : ''}`}
            value={status[a.memberId] ?? ''}
            onChange={(v) => setStatus((s) => ({ ...s, [a.memberId]: v as CouncilAttendanceStatus | '' }))}
            emptyLabel={t('cn.attendance.notRecorded')}
            options={COUNCIL_ATTENDANCE_STATUSES.map((s) => ({
              value: s,
              label: vocab(t, COUNCIL_ATTENDANCE_STATUS_LABELS, s),
            }))}
          />
        ))}
      </div>
      {refused.length > 0 ? (
        <ErrorAlert>
          <p>{errorMessage(step.error, locale)}</p>
          <ul className="mt-1 list-disc pl-6">
            {refused.map((name) => (
              <li key={name}>{t('cn.attendance.notMember', { name })}</li>
            ))}
          </ul>
          <p className="mt-1">{t('cn.attendance.nothingSaved')}</p>
        </ErrorAlert>
      ) : (
        <SaveError<Meeting> mutation={step} onReload={() => undefined} />
      )}
      <Button type="submit" disabled={step.isPending}>
        {t('cn.action.attendance')}
      </Button>
    </form>
  );
}

function MinutesForm({ m, onDone }: { m: Meeting; onDone: () => void }) {
  const t = useT();
  const step = useMeetingStep(m.id);
  const [pub, setPub] = useState(m.minutesPublic);
  const [priv, setPriv] = useState(m.minutesPrivate);
  const [decisions, setDecisions] = useState(m.decisions.join('\n'));
  const [publish, setPublish] = useState(m.minutesPublishedAt !== null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate(
      {
        step: 'minutes',
        body: {
          version: m.version,
          minutesPublic: pub.trim(),
          minutesPrivate: priv.trim(),
          decisions: decisions
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
          publish,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextAreaField
        label={t('cn.minutes.public')}
        hint={t('cn.minutes.public.hint')}
        value={pub}
        onChange={setPub}
        rows={8}
      />
      <TextAreaField
        label={t('cn.minutes.private')}
        hint={t('cn.minutes.private.hint')}
        value={priv}
        onChange={setPriv}
        rows={6}
      />
      <TextAreaField
        label={t('cn.decisions')}
        hint={t('cn.decisions.hint')}
        value={decisions}
        onChange={setDecisions}
        rows={4}
      />
      {m.status === 'held' && (
        <Checkbox label={t('cn.minutes.publish')} checked={publish} onChange={setPublish} />
      )}
      <SaveError<Meeting> mutation={step} onReload={() => undefined} />
      <Button type="submit" disabled={step.isPending}>
        {t('cn.save')}
      </Button>
    </form>
  );
}

function ItemForm({ m, onDone }: { m: Meeting; onDone: () => void }) {
  const t = useT();
  const step = useMeetingStep(m.id);
  const people = useAssignees(m.bodyId, true);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !owner || !due) {
      setMissing(true);
      return;
    }
    step.mutate(
      { step: 'action', body: { title: title.trim(), ownerUserId: owner, dueOn: due } },
      { onSuccess: onDone },
    );
  };
  const req = (v: string, key: 'cn.item.title' | 'cn.item.owner' | 'cn.item.due') =>
    missing && !v ? t('validation.required', { field: t(key) }) : null;
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField
        label={t('cn.item.title')}
        value={title}
        onChange={setTitle}
        required
        error={req(title.trim(), 'cn.item.title')}
      />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('cn.item.owner')}
          hint={t('cn.item.owner.hint')}
          value={owner}
          onChange={setOwner}
          emptyLabel={t('cn.item.choose')}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.userId,
            label: p.isMember ? `${p.name} ${t('cn.item.member')}` : p.name,
          }))}
          required
          error={req(owner, 'cn.item.owner')}
        />
        <TextField
          label={t('cn.item.due')}
          type="date"
          value={due}
          onChange={setDue}
          required
          error={req(due, 'cn.item.due')}
        />
      </div>
      <SaveError<Meeting> mutation={step} onReload={() => undefined} />
      <Button type="submit" disabled={step.isPending}>
        {t('cn.action.addItem')}
      </Button>
    </form>
  );
}

/** A meeting's actions: the status moves directly, the rest open their form; one at a time. */
export function MeetingActions({ m }: { m: Meeting }) {
  const t = useT();
  const [open, setOpen] = useState<Action | null>(null);
  const step = useMeetingStep(m.id);
  const close = () => setOpen(null);
  const labels: Record<Action, string> = {
    attendance: t('cn.action.attendance'),
    minutes: t('cn.action.minutes'),
    item: t('cn.action.addItem'),
    edit: t('cn.action.editMeeting'),
  };
  const status = (to: 'planned' | 'held' | 'cancelled') =>
    step.mutate({ step: 'edit', body: { version: m.version, status: to } });
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-3">
        {m.status === 'planned' && (
          <Button onClick={() => status('held')} disabled={step.isPending}>
            {t('cn.action.markHeld')}
          </Button>
        )}
        {(['attendance', 'minutes', 'item', 'edit'] as const).map((a) => (
          <Button
            key={a}
            variant={open === a ? 'primary' : 'secondary'}
            aria-expanded={open === a}
            onClick={() => setOpen(open === a ? null : a)}
          >
            {labels[a]}
          </Button>
        ))}
        {m.status === 'planned' && (
          <Button variant="secondary" onClick={() => status('cancelled')} disabled={step.isPending}>
            {t('cn.action.cancelMeeting')}
          </Button>
        )}
        {m.status !== 'planned' && (
          <Button variant="secondary" onClick={() => status('planned')} disabled={step.isPending}>
            {t('cn.action.replan')}
          </Button>
        )}
      </div>
      {!open && <SaveError<Meeting> mutation={step} onReload={() => undefined} />}
      {open && (
        <div className="mb-6 rounded-8 border border-solid-gray-300 p-4">
          <h3 className="mb-3 text-std-18B-160">{labels[open]}</h3>
          {open === 'edit' && <EditForm m={m} onDone={close} />}
          {open === 'attendance' && <AttendanceForm m={m} onDone={close} />}
          {open === 'minutes' && <MinutesForm m={m} onDone={close} />}
          {open === 'item' && <ItemForm m={m} onDone={close} />}
        </div>
      )}
    </div>
  );
}
