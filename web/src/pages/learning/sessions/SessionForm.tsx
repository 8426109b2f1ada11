import { type FormEvent, useState } from 'react';
import {
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  type DeliveryMode,
} from '../../../../../src/shared/vocab/learning';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import type {
  CoursePart,
  CreateSessionBody,
  LearningOptions,
  Session,
} from '../../../lib/queries/learning-courses';
import { issueAt, OwnerSelect, ownerFields, ownerValue } from '../courses/shared';
import { type DayDraft, DaysEditor, newDayKey } from './DaysEditor';
import { instantOf, partsOf, readCoHosts, readDay, readTime } from './form-values';

/** What the session form holds: typed text, read into a request on saving. */
export type SessionDraft = {
  title: string;
  delivery: DeliveryMode;
  place: string;
  capacity: string;
  openDate: string;
  openTime: string;
  closeDate: string;
  closeTime: string;
  coHosts: string;
  operatorName: string;
  owner: string;
  days: DayDraft[];
};

export function emptyDraft(owner: string): SessionDraft {
  return {
    title: '',
    delivery: 'in_person',
    place: '',
    capacity: '',
    openDate: '',
    openTime: '',
    closeDate: '',
    closeTime: '',
    coHosts: '',
    operatorName: '',
    owner,
    days: [],
  };
}

/** The form's text for a session as it is (for editing, and after a 409 to show the current record). */
export function draftOf(s: Session): SessionDraft {
  const open = partsOf(s.applicationsOpenAt);
  const close = partsOf(s.applicationsCloseAt);
  return {
    title: s.title,
    delivery: s.delivery,
    place: s.place,
    capacity: s.capacity === null ? '' : String(s.capacity),
    openDate: open.date,
    openTime: open.time,
    closeDate: close.date,
    closeTime: close.time,
    coHosts: s.coHosts.join('\n'),
    operatorName: s.operatorName ?? '',
    owner: ownerValue(s.owner),
    days: s.days.map((d) => ({
      key: newDayKey(),
      id: d.id,
      date: d.heldOn,
      startsAt: d.startsAt ?? '',
      endsAt: d.endsAt ?? '',
      partId: d.partId ?? '',
    })),
  };
}

type Fields = Omit<CreateSessionBody, 'courseId'>;

/** Reads the draft into the request's fields, or the problems found (field path → message key's text). */
export function readDraft(
  d: SessionDraft,
  t: ReturnType<typeof useT>,
): { body: Fields; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const capacity = d.capacity.trim() ? Number(d.capacity.trim()) : null;
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 1)) {
    errors.capacity = t('training.capacityInvalid');
  }
  const open = instantOf(d.openDate, d.openTime, 'start');
  const close = instantOf(d.closeDate, d.closeTime, 'end');
  if (open.error)
    errors.applicationsOpenAt = t(open.error === 'date' ? 'training.dateInvalid' : 'training.timeInvalid');
  if (close.error)
    errors.applicationsCloseAt = t(close.error === 'date' ? 'training.dateInvalid' : 'training.timeInvalid');
  const days = d.days.map((day, i) => {
    const heldOn = readDay(day.date);
    if (!heldOn)
      errors[`days.${i}.heldOn`] = t(heldOn === null ? 'training.dateRequired' : 'training.dateInvalid');
    const startsAt = readTime(day.startsAt);
    const endsAt = readTime(day.endsAt);
    if (startsAt === undefined) errors[`days.${i}.startsAt`] = t('training.timeInvalid');
    if (endsAt === undefined) errors[`days.${i}.endsAt`] = t('training.timeInvalid');
    return {
      id: day.id,
      heldOn: heldOn ?? '',
      startsAt: startsAt ?? null,
      endsAt: endsAt ?? null,
      partId: day.partId || null,
    };
  });
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    errors: null,
    body: {
      title: d.title.trim() || undefined,
      delivery: d.delivery,
      place: d.place.trim(),
      capacity,
      applicationsOpenAt: open.value,
      applicationsCloseAt: close.value,
      coHosts: readCoHosts(d.coHosts),
      operatorName: d.operatorName.trim() || null,
      ...ownerFields(d.owner),
      days,
    },
  };
}

/**
 * The fields of a session (create and edit): title, delivery and place, capacity, application window, co-hosts,
 * operator, owner and days. `onSubmit` gets the request's fields once they read.
 */
export function SessionFields({
  draft,
  setDraft,
  parts,
  options,
  serverError,
  submitLabel,
  pending,
  onSubmit,
  children,
}: {
  draft: SessionDraft;
  setDraft: (d: SessionDraft) => void;
  parts: readonly CoursePart[];
  options: LearningOptions;
  serverError: unknown;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: Fields) => void;
  children?: React.ReactNode;
}) {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const err = (path: string) => errors[path] ?? issueAt(serverError, path);
  const set = (patch: Partial<SessionDraft>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readDraft(draft, t);
    setErrors(read.errors ?? {});
    if (read.body) onSubmit(read.body);
  };
  const count = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate className="max-w-4xl">
      {children}
      <TextField
        label={t('training.sessionTitle')}
        hint={t('training.sessionTitle.hint')}
        value={draft.title}
        onChange={(v) => set({ title: v })}
        maxLength={200}
        error={err('title')}
      />
      {options.owners.length > 1 && (
        <OwnerSelect owners={options.owners} value={draft.owner} onChange={(v) => set({ owner: v })} />
      )}
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('training.delivery')}
          value={draft.delivery}
          onChange={(v) => set({ delivery: v as DeliveryMode })}
          options={vocabOptions(t, DELIVERY_MODES, DELIVERY_MODE_LABELS)}
          required
        />
        <TextField
          label={t('training.capacity')}
          hint={t('training.capacity.hint')}
          inputMode="numeric"
          value={draft.capacity}
          onChange={(v) => set({ capacity: v })}
          error={err('capacity')}
        />
      </div>
      <TextAreaField
        label={draft.delivery === 'online' ? t('training.placeOnline') : t('training.placeLabel')}
        hint={t('training.place.hint')}
        value={draft.place}
        onChange={(v) => set({ place: v })}
        error={err('place')}
      />
      <fieldset className="mb-5">
        <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{t('training.window')}</legend>
        <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('training.window.hint')}</p>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label={t('training.window.openDate')}
            hint={t('training.dateHint')}
            value={draft.openDate}
            onChange={(v) => set({ openDate: v })}
            error={err('applicationsOpenAt')}
          />
          <TextField
            label={t('training.window.openTime')}
            hint={t('training.timeHint')}
            inputMode="numeric"
            value={draft.openTime}
            onChange={(v) => set({ openTime: v })}
          />
          <TextField
            label={t('training.window.closeDate')}
            hint={t('training.dateHint')}
            value={draft.closeDate}
            onChange={(v) => set({ closeDate: v })}
            error={err('applicationsCloseAt')}
          />
          <TextField
            label={t('training.window.closeTime')}
            hint={t('training.timeHint')}
            inputMode="numeric"
            value={draft.closeTime}
            onChange={(v) => set({ closeTime: v })}
          />
        </div>
      </fieldset>
      <DaysEditor days={draft.days} onChange={(days) => set({ days })} parts={parts} errors={err} />
      <TextAreaField
        label={t('training.coHosts')}
        hint={t('training.coHosts.hint')}
        value={draft.coHosts}
        onChange={(v) => set({ coHosts: v })}
        error={err('coHosts')}
      />
      <TextField
        label={t('training.operator')}
        hint={t('training.operator.hint')}
        value={draft.operatorName}
        onChange={(v) => set({ operatorName: v })}
        maxLength={200}
        error={err('operatorName')}
      />
      {count > 0 && <ErrorAlert>{t('training.formErrors', { n: count })}</ErrorAlert>}
      <Button type="submit" disabled={pending}>
        {pending ? t('common.saving') : submitLabel}
      </Button>
    </form>
  );
}
