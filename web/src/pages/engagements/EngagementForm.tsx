import { type FormEvent, useState } from 'react';
import { isoDateInJapan } from '../../../../src/shared/dates';
import {
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  type EngagementKind,
  type EngagementStatus,
  HEARING_ITEM_LABELS,
  HEARING_ITEMS,
  SUPPORT_FIELD_LABELS,
  SUPPORT_FIELD_VOCAB,
  SUPPORT_FIELDS,
  type SupportField,
} from '../../../../src/shared/vocab/engagements';
import type { Labels } from '../../../../src/shared/vocab/label';
import { DIVISION_LABELS, DIVISIONS, type Division } from '../../../../src/shared/vocab/network';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { ApiError, errorMessage, isApiError } from '../../lib/api';
import type { CreateEngagementBody, Engagement } from '../../lib/queries/engagements';

export type EngagementDraft = Omit<CreateEngagementBody, 'kind'>;

/** The form's starting values: an engagement being edited, or an empty one of the municipality. */
export function draftOf(e: Engagement | null, municipalityCode: string, today: string): EngagementDraft {
  if (!e) return { municipalityCode, status: 'held', occurredOn: today, subject: '', divisions: [] };
  return {
    municipalityCode: e.municipalityCode,
    status: e.status,
    occurredOn: e.occurredOn,
    subject: e.subject,
    place: e.place,
    attendees: e.attendees,
    divisions: e.divisions,
    hearing: e.hearing,
    notes: e.notes,
    lifeElement: e.lifeElement,
    request: e.request,
    assessment: e.assessment,
    approach: e.approach,
    municipalAction: e.municipalAction,
    outcome: e.outcome,
    analysisNotes: e.analysisNotes,
  };
}

/** The server's message for one field, in the reader's language. */
function issueOf(error: unknown, path: string, locale: 'ja' | 'en'): string | null {
  if (!(error instanceof ApiError)) return null;
  const issue = error.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? (issue[locale] ?? issue.message) : null;
}

/**
 * Records or changes an engagement: the date in 和暦 or 西暦, the municipality of the writer's area, and the
 * fields of its kind — the fixed hearing items, the divisions that attended, the support log's analysis codes
 * each with a note. The server's message for a field shows at the field.
 */
export function EngagementForm({
  kind,
  initial,
  municipalities,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  kind: EngagementKind;
  initial: EngagementDraft;
  municipalities: { code: string; name: string }[];
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (draft: EngagementDraft) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [d, setD] = useState<EngagementDraft>(initial);
  const [day, setDay] = useState(initial.occurredOn);
  const [dayError, setDayError] = useState<string | null>(null);
  const set = (patch: Partial<EngagementDraft>) => setD({ ...d, ...patch });
  const hearing = (d.hearing ?? {}) as Record<string, string | null | undefined>;
  const notes = (d.analysisNotes ?? {}) as Record<string, string | null | undefined>;
  const divisions = (d.divisions ?? []) as Division[];
  const fieldError = (path: string) => issueOf(error, path, locale);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const occurredOn = parseJapaneseDate(day.trim());
    if (!occurredOn) {
      setDayError(t('eng.form.dateInvalid'));
      return;
    }
    setDayError(null);
    onSubmit({ ...d, occurredOn });
  };
  const toggleDivision = (div: Division, on: boolean) =>
    set({ divisions: on ? [...divisions, div] : divisions.filter((x) => x !== div) });
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      {error && !isApiError(error, 'conflict') ? (
        <ErrorAlert>
          <p>{errorMessage(error, locale)}</p>
        </ErrorAlert>
      ) : null}
      <SelectField
        label={t('eng.municipality')}
        value={d.municipalityCode}
        onChange={(v) => set({ municipalityCode: v })}
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        emptyLabel={municipalities.length > 1 ? t('eng.form.chooseMunicipality') : undefined}
        error={fieldError('municipalityCode')}
        required
      />
      {kind !== 'support' && (
        <Fieldset legend={t('eng.form.status')}>
          {ENGAGEMENT_STATUSES.map((s: EngagementStatus) => (
            <label key={s} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="engagement-status"
                checked={d.status === s}
                onChange={() => set({ status: s })}
                className="size-6 accent-key-900"
              />
              {vocab(t, ENGAGEMENT_STATUS_LABELS, s)}
            </label>
          ))}
        </Fieldset>
      )}
      <TextField
        label={t('eng.form.date')}
        hint={t('eng.form.dateHint')}
        value={day}
        onChange={setDay}
        error={dayError ?? fieldError('occurredOn')}
        required
      />
      <TextField
        label={t('eng.form.subject')}
        hint={t(`eng.form.subjectHint.${kind}`)}
        value={d.subject}
        onChange={(v) => set({ subject: v })}
        error={fieldError('subject')}
        maxLength={200}
        required
      />
      <TextField
        label={t('eng.form.place')}
        value={d.place ?? ''}
        onChange={(v) => set({ place: v })}
        maxLength={200}
      />
      <Fieldset
        legend={t(kind === 'four_division' ? 'eng.form.divisionsAttended' : 'eng.form.divisions')}
        error={fieldError('divisions')}
      >
        {DIVISIONS.map((div) => (
          <Checkbox
            key={div}
            label={vocab(t, DIVISION_LABELS, div)}
            checked={divisions.includes(div)}
            onChange={(on) => toggleDivision(div, on)}
          />
        ))}
      </Fieldset>
      <TextField
        label={t('eng.form.attendees')}
        hint={t('eng.form.attendeesHint')}
        value={d.attendees ?? ''}
        onChange={(v) => set({ attendees: v })}
        maxLength={500}
      />
      {kind === 'hearing' && (
        <Fieldset legend={t('eng.form.hearingItems')} error={fieldError('hearing')}>
          {HEARING_ITEMS.map((item) => (
            <TextAreaField
              key={item}
              label={vocab(t, HEARING_ITEM_LABELS, item)}
              value={hearing[item] ?? ''}
              onChange={(v) => set({ hearing: { ...hearing, [item]: v } })}
            />
          ))}
        </Fieldset>
      )}
      {kind === 'support' &&
        SUPPORT_FIELDS.map((field: SupportField) => {
          const v = SUPPORT_FIELD_VOCAB[field];
          const required = field === 'lifeElement' || field === 'request';
          return (
            <Fieldset key={field} legend={vocab(t, SUPPORT_FIELD_LABELS, field)} required={required}>
              <SelectField
                label={t('eng.form.code', { field: vocab(t, SUPPORT_FIELD_LABELS, field) })}
                value={(d[field] as string | null | undefined) ?? ''}
                emptyLabel={t('eng.form.notRecorded')}
                onChange={(x) => set({ [field]: x || null } as Partial<EngagementDraft>)}
                options={vocabOptions(t, v.codes as readonly string[], v.labels as Labels<string>)}
                error={fieldError(field)}
                required={required}
              />
              <TextAreaField
                label={t('eng.form.note', { field: vocab(t, SUPPORT_FIELD_LABELS, field) })}
                value={notes[field] ?? ''}
                onChange={(x) => set({ analysisNotes: { ...notes, [field]: x } })}
                rows={2}
              />
            </Fieldset>
          );
        })}
      <TextAreaField
        label={t(kind === 'support' ? 'eng.form.notesSupport' : 'eng.form.notes')}
        value={d.notes ?? ''}
        onChange={(v) => set({ notes: v })}
        rows={5}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

export const todayInJapan = () => isoDateInJapan(new Date());
