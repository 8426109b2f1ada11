import { type ReactNode, useId } from 'react';
import { DISASTER_SUPPORT_LABELS, DISASTER_SUPPORTS } from '../../../../../src/shared/vocab/disaster-events';
import { Button } from '../../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useLocale, useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import { ACCEPTANCE_CODES, SERVICE_STATUS_CODES, WEEKDAY_CODES } from '../../../lib/queries/resources-public';
import { acceptanceLabel, CARE_CODES, careLabel, statusLabel, weekdayLabel } from './display';
import {
  type CareDraft,
  nextScheduleKey,
  type ProviderDraft,
  type ScheduleDraft,
  type TriState,
} from './draft';

/**
 * The fields a provider may correct (and staff edit): what it accepts per care item, opening days, ages,
 * capacity and vacancy, transport, bathing, what it offers in a disaster, how to apply, contact. Used by the provider link page and the
 * staff form.
 */

/** A titled part of a long form (h2 + content). */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mb-8 rounded-12 border border-solid-gray-420 p-4 md:p-6">
      <h2 id={id} className="mb-4 text-std-20B-150 text-solid-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

type Change = <K extends keyof ProviderDraft>(key: K, value: ProviderDraft[K]) => void;

/** Accepted / with conditions / not accepted / unknown for every care item, with the condition text. */
export function CareAcceptanceFields({
  value,
  onChange,
}: {
  value: CareDraft;
  onChange: (next: CareDraft) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const set = (code: string, patch: Partial<CareDraft[string]>) =>
    onChange({ ...value, [code]: { acceptance: '', conditions: '', ...value[code], ...patch } });
  return (
    <div className="space-y-2">
      {CARE_CODES.map((code) => {
        const current = value[code] ?? { acceptance: '', conditions: '' };
        const name = `care-${code}`;
        const options = [...ACCEPTANCE_CODES, ''] as const;
        return (
          <fieldset key={code} className="rounded-8 border border-solid-gray-420 px-4 py-2">
            <legend className="px-1 text-std-16B-170 text-solid-gray-900">
              {careLabel(code, locale, true)}
            </legend>
            <div className="flex flex-wrap gap-x-5">
              {options.map((a) => {
                const id = `${name}-${a || 'unknown'}`;
                return (
                  <div key={id} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      id={id}
                      name={name}
                      value={a}
                      checked={current.acceptance === a}
                      onChange={() => set(code, { acceptance: a })}
                      className="size-6 accent-key-900"
                    />
                    <label htmlFor={id} className="text-std-16N-170">
                      {acceptanceLabel(t, a)}
                    </label>
                  </div>
                );
              })}
            </div>
            {current.acceptance === 'accepted_with_conditions' && (
              <TextField
                id={`${name}-conditions`}
                label={t('resources.conditions')}
                hint={t('resources.conditionsHint')}
                value={current.conditions}
                onChange={(v) => set(code, { conditions: v })}
                maxLength={500}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function ScheduleFields({
  value,
  onChange,
}: {
  value: ScheduleDraft[];
  onChange: (v: ScheduleDraft[]) => void;
}) {
  const t = useT();
  const update = (key: number, patch: Partial<ScheduleDraft>) =>
    onChange(value.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  return (
    <div>
      {value.map((s, i) => (
        <fieldset key={s.key} className="mb-4 rounded-8 border border-solid-gray-420 px-4 py-2">
          <legend className="px-1 text-std-16B-170">{t('resources.scheduleN', { n: i + 1 })}</legend>
          <div className="flex flex-wrap gap-x-4">
            {WEEKDAY_CODES.map((d) => (
              <Checkbox
                key={d}
                label={weekdayLabel(t, d)}
                checked={s.byday.includes(d)}
                onChange={(on) =>
                  update(s.key, {
                    byday: on
                      ? WEEKDAY_CODES.filter((x) => x === d || s.byday.includes(x))
                      : s.byday.filter((x) => x !== d),
                  })
                }
              />
            ))}
          </div>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              type="time"
              label={t('resources.opensAt')}
              value={s.opensAt}
              onChange={(v) => update(s.key, { opensAt: v })}
            />
            <TextField
              type="time"
              label={t('resources.closesAt')}
              value={s.closesAt}
              onChange={(v) => update(s.key, { closesAt: v })}
            />
          </div>
          <TextField
            label={t('resources.scheduleNote')}
            value={s.note}
            onChange={(v) => update(s.key, { note: v })}
            maxLength={200}
          />
          <Button variant="text" onClick={() => onChange(value.filter((x) => x.key !== s.key))}>
            {t('resources.removeSchedule', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          onChange([
            ...value,
            {
              key: nextScheduleKey(),
              byday: ['MO', 'TU', 'WE', 'TH', 'FR'],
              opensAt: '',
              closesAt: '',
              note: '',
            },
          ])
        }
      >
        {t('resources.addSchedule')}
      </Button>
    </div>
  );
}

function TriSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: TriState;
  onChange: (v: TriState) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(v) => onChange(v as TriState)}
      options={[
        { value: '', label: t('resources.unknown') },
        { value: 'yes', label: t('resources.yes') },
        { value: 'no', label: t('resources.no') },
      ]}
    />
  );
}

export function ProviderFields({
  draft,
  onChange,
  errorOf,
}: {
  draft: ProviderDraft;
  onChange: Change;
  /** The server's validation message for a field path, if any. */
  errorOf?: (path: string) => string | null;
}) {
  const t = useT();
  const err = errorOf ?? (() => null);
  return (
    <>
      <FieldGroup title={t('resources.section.care')}>
        <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('resources.careHint')}</p>
        <CareAcceptanceFields value={draft.careItems} onChange={(v) => onChange('careItems', v)} />
      </FieldGroup>

      <FieldGroup title={t('resources.section.use')}>
        <TextAreaField
          label={t('resources.howToApply')}
          hint={t('resources.howToApplyHint')}
          value={draft.howToApply}
          onChange={(v) => onChange('howToApply', v)}
          error={err('howToApply')}
        />
        <TextAreaField
          label={t('resources.eligibility')}
          value={draft.eligibilityDescription}
          onChange={(v) => onChange('eligibilityDescription', v)}
          error={err('eligibilityDescription')}
        />
        <TextAreaField
          label={t('resources.fees')}
          value={draft.feesDescription}
          onChange={(v) => onChange('feesDescription', v)}
          error={err('feesDescription')}
        />
        <TextAreaField
          label={t('resources.description')}
          value={draft.description}
          onChange={(v) => onChange('description', v)}
          error={err('description')}
        />
      </FieldGroup>

      <FieldGroup title={t('resources.section.schedule')}>
        <ScheduleFields value={draft.schedules} onChange={(v) => onChange('schedules', v)} />
      </FieldGroup>

      <FieldGroup title={t('resources.section.capacity')}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            label={t('resources.minAge')}
            inputMode="numeric"
            value={draft.minAge}
            onChange={(v) => onChange('minAge', v)}
            error={err('minAge')}
            className="max-w-40"
          />
          <TextField
            label={t('resources.maxAge')}
            inputMode="numeric"
            value={draft.maxAge}
            onChange={(v) => onChange('maxAge', v)}
            error={err('maxAge')}
            className="max-w-40"
          />
          <TextField
            label={t('resources.capacity')}
            hint={t('resources.capacityHint')}
            inputMode="numeric"
            value={draft.capacity}
            onChange={(v) => onChange('capacity', v)}
            error={err('capacity')}
            className="max-w-40"
          />
          <TextField
            label={t('resources.vacancy')}
            hint={t('resources.vacancyHint')}
            inputMode="numeric"
            value={draft.vacancy}
            onChange={(v) => onChange('vacancy', v)}
            error={err('vacancy')}
            className="max-w-40"
          />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TriSelect
            label={t('resources.transport')}
            value={draft.transport}
            onChange={(v) => onChange('transport', v)}
          />
          <TextField
            label={t('resources.transportNote')}
            value={draft.transportNote}
            onChange={(v) => onChange('transportNote', v)}
            maxLength={500}
          />
          <TriSelect
            label={t('resources.bathing')}
            value={draft.bathing}
            onChange={(v) => onChange('bathing', v)}
          />
          <TextField
            label={t('resources.bathingNote')}
            value={draft.bathingNote}
            onChange={(v) => onChange('bathingNote', v)}
            maxLength={500}
          />
        </div>
      </FieldGroup>

      <FieldGroup title={t('resources.section.disaster')}>
        <fieldset className="mb-4">
          <legend className="mb-1 text-std-16B-170 text-solid-gray-900">
            {t('resources.disasterSupport')}
          </legend>
          <p className="mb-2 text-std-16N-170 text-solid-gray-700">{t('resources.disasterSupportHint')}</p>
          {vocabOptions(t, DISASTER_SUPPORTS, DISASTER_SUPPORT_LABELS).map((o) => (
            <Checkbox
              key={o.value}
              label={o.label}
              checked={draft.disasterSupport.includes(o.value)}
              onChange={(on) =>
                onChange(
                  'disasterSupport',
                  on
                    ? [...draft.disasterSupport, o.value]
                    : draft.disasterSupport.filter((c) => c !== o.value),
                )
              }
            />
          ))}
        </fieldset>
        <TextField
          label={t('resources.disasterNote')}
          hint={t('resources.disasterNoteHint')}
          value={draft.disasterNote}
          onChange={(v) => onChange('disasterNote', v)}
          error={err('disasterNote')}
          maxLength={500}
        />
      </FieldGroup>

      <FieldGroup title={t('resources.section.contact')}>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            type="tel"
            autoComplete="off"
            label={t('resources.phone')}
            value={draft.phone}
            onChange={(v) => onChange('phone', v)}
            error={err('phone')}
          />
          <TextField
            type="email"
            autoComplete="off"
            label={t('resources.email')}
            value={draft.email}
            onChange={(v) => onChange('email', v)}
            error={err('email')}
          />
        </div>
        <TextField
          type="url"
          label={t('resources.website')}
          value={draft.website}
          onChange={(v) => onChange('website', v)}
          error={err('website')}
        />
        <SelectField
          label={t('resources.statusLabel')}
          value={draft.status}
          onChange={(v) => onChange('status', v as ProviderDraft['status'])}
          options={SERVICE_STATUS_CODES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        />
      </FieldGroup>
    </>
  );
}
