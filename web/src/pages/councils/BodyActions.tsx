import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  COUNCIL_MEMBER_CATEGORIES,
  COUNCIL_MEMBER_CATEGORY_LABELS,
  COUNCIL_MEMBER_ROLE_LABELS,
  COUNCIL_MEMBER_ROLES,
  type CouncilMemberCategory,
  type CouncilMemberRole,
} from '../../../../src/shared/vocab/councils';
import { StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import {
  type CouncilBody,
  useAddMember,
  useAssignees,
  useCouncilOptions,
  useCreateMeeting,
  useGenerateMeetings,
  useUpdateBody,
} from '../../lib/queries/councils';
import { SaveError } from '../learning/courses/shared';
import { BodyForm } from './BodyForm';

type Action = 'edit' | 'member' | 'meeting' | 'generate';

function MemberForm({ b, onDone }: { b: CouncilBody; onDone: () => void }) {
  const t = useT();
  const add = useAddMember(b.id);
  const options = useCouncilOptions();
  const users = useAssignees(b.id, true);
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [affiliation, setAffiliation] = useState('');
  const [category, setCategory] = useState<CouncilMemberCategory>('welfare');
  const [role, setRole] = useState<CouncilMemberRole>('member');
  const [termFrom, setTermFrom] = useState('');
  const [termTo, setTermTo] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !termFrom) {
      setMissing(true);
      return;
    }
    add.mutate(
      {
        name: name.trim(),
        userId: userId || null,
        organisationId: organisationId || null,
        affiliation: affiliation.trim(),
        category,
        role,
        termFrom,
        termTo: termTo || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField
        label={t('cn.m.name')}
        value={name}
        onChange={setName}
        required
        error={missing && !name.trim() ? t('validation.required', { field: t('cn.m.name') }) : null}
      />
      <SelectField
        label={t('cn.m.user')}
        hint={t('cn.m.user.hint')}
        value={userId}
        onChange={setUserId}
        emptyLabel={t('cn.m.noUser')}
        options={(users.data?.items ?? []).map((u) => ({ value: u.userId, label: u.name }))}
      />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('cn.m.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          emptyLabel={t('cn.m.noOrganisation')}
          options={(options.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField label={t('cn.m.affiliation')} value={affiliation} onChange={setAffiliation} />
        <SelectField
          label={t('cn.category')}
          value={category}
          onChange={(v) => setCategory(v as CouncilMemberCategory)}
          options={vocabOptions(t, COUNCIL_MEMBER_CATEGORIES, COUNCIL_MEMBER_CATEGORY_LABELS)}
          required
        />
        <SelectField
          label={t('cn.role')}
          value={role}
          onChange={(v) => setRole(v as CouncilMemberRole)}
          options={vocabOptions(t, COUNCIL_MEMBER_ROLES, COUNCIL_MEMBER_ROLE_LABELS)}
        />
        <TextField
          label={t('cn.m.termFrom')}
          type="date"
          value={termFrom}
          onChange={setTermFrom}
          required
          error={missing && !termFrom ? t('validation.required', { field: t('cn.m.termFrom') }) : null}
        />
        <TextField label={t('cn.m.termTo')} type="date" value={termTo} onChange={setTermTo} />
      </div>
      <SaveError<CouncilBody> mutation={add} onReload={() => undefined} />
      <Button type="submit" disabled={add.isPending}>
        {t('cn.action.addMember')}
      </Button>
    </form>
  );
}

/** A meeting planned by hand: date, start and end (it may not end before it starts), place, agenda. */
function MeetingForm({ b }: { b: CouncilBody }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [title, setTitle] = useState(b.name);
  const [date, setDate] = useState('');
  const [start, setStart] = useState(b.scheduleStartTime ?? '14:00');
  const [end, setEnd] = useState('');
  const [place, setPlace] = useState(b.defaultPlace);
  const [agenda, setAgenda] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !date || !start || !end) {
      setMissing(true);
      return;
    }
    create.mutate(
      {
        bodyId: b.id,
        title: title.trim(),
        startsAt: `${date}T${start}:00+09:00`,
        endsAt: `${date}T${end}:00+09:00`,
        place: place.trim(),
        agenda: agenda.trim(),
      },
      {
        onSuccess: (m) => void navigate({ to: '/councils/meetings/$meetingId', params: { meetingId: m.id } }),
      },
    );
  };
  const req = (v: string, key: 'cn.mt.date' | 'cn.mt.start' | 'cn.mt.end' | 'cn.mt.title') =>
    missing && !v.trim() ? t('validation.required', { field: t(key) }) : null;
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField
        label={t('cn.mt.title')}
        value={title}
        onChange={setTitle}
        required
        error={req(title, 'cn.mt.title')}
      />
      <div className="grid gap-x-4 md:grid-cols-3">
        <TextField
          label={t('cn.mt.date')}
          type="date"
          value={date}
          onChange={setDate}
          required
          error={req(date, 'cn.mt.date')}
        />
        <TextField
          label={t('cn.mt.start')}
          type="time"
          value={start}
          onChange={setStart}
          required
          error={req(start, 'cn.mt.start')}
        />
        <TextField
          label={t('cn.mt.end')}
          type="time"
          value={end}
          onChange={setEnd}
          required
          error={req(end, 'cn.mt.end')}
        />
      </div>
      <TextField label={t('cn.place')} value={place} onChange={setPlace} />
      <TextAreaField
        label={t('cn.mt.agenda')}
        hint={t('cn.mt.agenda.hint')}
        value={agenda}
        onChange={setAgenda}
        rows={5}
      />
      <SaveError<CouncilBody> mutation={create} onReload={() => undefined} />
      <Button type="submit" disabled={create.isPending}>
        {t('cn.action.planMeeting')}
      </Button>
    </form>
  );
}

function GenerateForm({ b, onDone }: { b: CouncilBody; onDone: (n: number) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const generate = useGenerateMeetings(b.id);
  const [count, setCount] = useState('2');
  const dates = b.nextScheduledDates.slice(0, Number(count));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        generate.mutate(
          { version: b.version, count: Number(count) },
          { onSuccess: (r) => onDone(r.created.length) },
        );
      }}
      noValidate
      className="max-w-2xl"
    >
      <SelectField
        label={t('cn.generate.count')}
        value={count}
        onChange={setCount}
        options={[1, 2, 3, 4, 6].map((n) => ({ value: String(n), label: String(n) }))}
      />
      <p className="mb-4">
        {t('cn.generate.dates', {
          dates: dates.map((d) => formatDate(d, locale, { weekday: true })).join('、'),
        })}
      </p>
      <SaveError<CouncilBody> mutation={generate} onReload={() => undefined} />
      <Button type="submit" disabled={generate.isPending || dates.length === 0}>
        {t('cn.action.generate')}
      </Button>
    </form>
  );
}

/** The body's actions: each opens its form; one at a time. */
export function BodyActions({ b }: { b: CouncilBody }) {
  const t = useT();
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const update = useUpdateBody(b.id);
  const close = () => setOpen(null);
  const labels: Record<Action, string> = {
    meeting: t('cn.action.planMeeting'),
    generate: t('cn.action.generate'),
    member: t('cn.action.addMember'),
    edit: t('cn.action.edit'),
  };
  const actions: Action[] = [
    'meeting',
    ...(b.nextScheduledDates.length ? (['generate'] as const) : []),
    'member',
    'edit',
  ];
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-3">
        {actions.map((a) => (
          <Button
            key={a}
            variant={open === a ? 'primary' : 'secondary'}
            aria-expanded={open === a}
            onClick={() => {
              setDone(null);
              setOpen(open === a ? null : a);
            }}
          >
            {labels[a]}
          </Button>
        ))}
      </div>
      {done && <StatusMessage>{done}</StatusMessage>}
      {open && (
        <div className="mb-6 rounded-8 border border-solid-gray-300 p-4">
          <h3 className="mb-3 text-std-18B-160">{labels[open]}</h3>
          {open === 'edit' && (
            <BodyForm
              body={b}
              pending={update.isPending}
              error={<SaveError<CouncilBody> mutation={update} onReload={() => undefined} />}
              onSubmit={(req) => update.mutate(req, { onSuccess: close })}
            />
          )}
          {open === 'member' && <MemberForm b={b} onDone={close} />}
          {open === 'meeting' && <MeetingForm b={b} />}
          {open === 'generate' && (
            <GenerateForm
              b={b}
              onDone={(n) => {
                close();
                setDone(t('cn.generate.done', { n }));
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
