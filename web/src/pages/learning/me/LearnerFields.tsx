import { useId, useState } from 'react';
import {
  PROFESSION_GROUP_LABELS,
  PROFESSION_GROUP_OF,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from '../../../../../src/shared/vocab/learning';
import { Fieldset, SelectField, TextField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { useWorkplaceSearch, type WorkplaceInput } from '../../../lib/queries/learning-learners';

export type LearnerFieldValues = {
  profession: Profession | '';
  workplace: WorkplaceInput & { label?: string };
  municipalityCode: string;
};
export type LearnerFieldErrors = Partial<Record<'profession' | 'workplace' | 'municipalityCode', string>>;

/**
 * The profile fields a learner gives at sign-up and changes later: profession from the fixed list (its group
 * shown with it), workplace picked among the network's organisations by name or written as free text, and the
 * municipality of the workplace.
 */
export function LearnerFields({
  prefectureCode,
  municipalities,
  value,
  onChange,
  errors,
}: {
  prefectureCode: string;
  municipalities: { code: string; name: string }[];
  value: LearnerFieldValues;
  onChange: (v: LearnerFieldValues) => void;
  errors: LearnerFieldErrors;
}) {
  const t = useT();
  const set = (patch: Partial<LearnerFieldValues>) => onChange({ ...value, ...patch });
  const professionOptions = PROFESSIONS.map((p) => ({
    value: p,
    label: `${PROFESSION_LABELS[p][t.locale]}（${PROFESSION_GROUP_LABELS[PROFESSION_GROUP_OF[p]][t.locale]}）`,
  }));
  return (
    <>
      <SelectField
        label={t('learners.profession')}
        required
        value={value.profession}
        onChange={(v) => set({ profession: v as Profession })}
        options={professionOptions}
        emptyLabel={t('learners.choose')}
        hint={t('learners.professionHint')}
        error={errors.profession}
      />
      <WorkplacePicker
        prefectureCode={prefectureCode}
        value={value.workplace}
        onChange={(workplace) => set({ workplace })}
        error={errors.workplace}
      />
      <SelectField
        label={t('learners.municipality')}
        required
        value={value.municipalityCode}
        onChange={(municipalityCode) => set({ municipalityCode })}
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        emptyLabel={t('learners.choose')}
        hint={t('learners.municipalityHint')}
        error={errors.municipalityCode}
      />
    </>
  );
}

function WorkplacePicker({
  prefectureCode,
  value,
  onChange,
  error,
}: {
  prefectureCode: string;
  value: LearnerFieldValues['workplace'];
  onChange: (w: LearnerFieldValues['workplace']) => void;
  error?: string;
}) {
  const t = useT();
  const name = useId();
  const [mode, setMode] = useState<'network' | 'text'>(
    value.name && !value.organisationId ? 'text' : 'network',
  );
  const [q, setQ] = useState('');
  const found = useWorkplaceSearch(prefectureCode, q);
  const items = found.data?.items ?? [];
  return (
    <Fieldset legend={t('learners.workplace')} required error={error}>
      <div className="mb-3 flex flex-wrap gap-x-6 gap-y-2">
        {(['network', 'text'] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-2 text-std-16N-170">
            <input
              type="radio"
              name={name}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                onChange({});
              }}
              className="size-5"
            />
            {t(m === 'network' ? 'learners.workplaceFromNetwork' : 'learners.workplaceAsText')}
          </label>
        ))}
      </div>
      {mode === 'network' ? (
        <>
          {value.organisationId && (
            <p className="mb-2 text-std-16B-170" data-testid="picked-workplace">
              {t('learners.workplacePicked', { name: value.label ?? '' })}
            </p>
          )}
          <TextField
            label={t('learners.workplaceSearch')}
            value={q}
            onChange={setQ}
            hint={t('learners.workplaceSearchHint')}
            autoComplete="organization"
          />
          {q.trim().length >= 2 && (
            <ul aria-live="polite" className="mb-4 space-y-1">
              {items.length === 0 && !found.isPending && (
                <li className="text-std-16N-170 text-solid-gray-700">{t('learners.workplaceNone')}</li>
              )}
              {items.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="min-h-11 text-left text-std-16N-170 text-key-900 underline underline-offset-4"
                    aria-pressed={value.organisationId === o.id}
                    onClick={() => onChange({ organisationId: o.id, label: o.name })}
                  >
                    {o.name}
                    {o.municipalityName ? `（${o.municipalityName}）` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <TextField
          label={t('learners.workplaceName')}
          value={value.name ?? ''}
          onChange={(v) => onChange({ name: v })}
          maxLength={200}
          autoComplete="organization"
        />
      )}
    </Fieldset>
  );
}

/** Client-side checks of the fields (the server checks again): the message of each missing one. */
export function learnerFieldErrors(v: LearnerFieldValues, t: ReturnType<typeof useT>): LearnerFieldErrors {
  return {
    profession: v.profession ? undefined : t('validation.required', { field: t('learners.profession') }),
    workplace:
      v.workplace.organisationId || v.workplace.name?.trim()
        ? undefined
        : t('validation.required', { field: t('learners.workplace') }),
    municipalityCode: v.municipalityCode
      ? undefined
      : t('validation.required', { field: t('learners.municipality') }),
  };
}

/** The workplace as the API takes it (the picked label is only for the screen). */
export function workplaceBody(w: LearnerFieldValues['workplace']): WorkplaceInput {
  return w.organisationId ? { organisationId: w.organisationId } : { name: w.name?.trim() ?? '' };
}
