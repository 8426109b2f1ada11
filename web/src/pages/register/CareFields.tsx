import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import type { RegistrationOptions, WatchLevel } from '../../lib/queries/registrations';
import type { DeviceDraft, DiagnosisDraft, FieldErrors, FormDraft } from './form';
import { Part } from './Steps';

type Props = {
  draft: FormDraft;
  setDraft: (update: (d: FormDraft) => FormDraft) => void;
  errors: FieldErrors;
  options: RegistrationOptions;
};

const MAX_DIAGNOSES = 10;
const MAX_DEVICES = 15;

function replaceAt<T>(list: T[], index: number, patch: Partial<T>): T[] {
  return list.map((x, i) => (i === index ? { ...x, ...patch } : x));
}

/** Diseases: free text with an optional ICD-10 code; blank rows are not sent. */
export function DiagnosisFields({ draft, setDraft, errors }: Omit<Props, 'options'>) {
  const t = useT();
  const set = (i: number, patch: Partial<DiagnosisDraft>) =>
    setDraft((d) => ({ ...d, diagnoses: replaceAt(d.diagnoses, i, patch) }));
  return (
    <Part id="register-disease" title={t('register.disease')}>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.diseaseIntro')}</p>
      {draft.diagnoses.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <div key={i} className="mb-4 rounded-8 border border-solid-gray-300 p-4">
          <TextField
            name={`child.diagnoses.${i}.name`}
            label={t('register.diagnosis', { n: i + 1 })}
            value={x.name}
            onChange={(v) => set(i, { name: v })}
            error={errors[`child.diagnoses.${i}.name`]}
            autoComplete="off"
          />
          <TextField
            name={`child.diagnoses.${i}.icd10`}
            label={t('register.icd10')}
            value={x.icd10}
            onChange={(v) => set(i, { icd10: v })}
            error={errors[`child.diagnoses.${i}.icd10`]}
            hint={t('register.icd10Hint')}
            autoComplete="off"
          />
          {draft.diagnoses.length > 1 && (
            <Button
              variant="text"
              onClick={() => setDraft((d) => ({ ...d, diagnoses: d.diagnoses.filter((_, j) => j !== i) }))}
            >
              {t('register.removeDiagnosis', { n: i + 1 })}
            </Button>
          )}
        </div>
      ))}
      {draft.diagnoses.length < MAX_DIAGNOSES && (
        <Button
          variant="secondary"
          onClick={() => setDraft((d) => ({ ...d, diagnoses: [...d.diagnoses, { name: '', icd10: '' }] }))}
        >
          {t('register.addDiagnosis')}
        </Button>
      )}
    </Part>
  );
}

/** Care items of the score table: a checkbox each, and the watch level when the item has one. */
export function CareItemFields({ draft, setDraft, options }: Omit<Props, 'errors'>) {
  const t = useT();
  const { locale } = useLocale();
  const toggle = (code: string, on: boolean) =>
    setDraft((d) => {
      const next = { ...d.careItems };
      if (on) next[code] = 'low';
      else delete next[code];
      return { ...d, careItems: next };
    });
  return (
    <Part id="register-care" title={t('register.care')}>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.careIntro')}</p>
      <Fieldset legend={t('register.careItems')}>
        {options.careItems.map((item) => {
          const watch = draft.careItems[item.code];
          return (
            <div key={item.code} className="border-b border-solid-gray-200 py-1">
              <Checkbox
                label={item[locale]}
                checked={watch !== undefined}
                onChange={(on) => toggle(item.code, on)}
              />
              {watch !== undefined && item.watchLevels.length > 1 && (
                <SelectField
                  label={t('register.watchFor', { item: item[locale] })}
                  value={watch}
                  onChange={(v) =>
                    setDraft((d) => ({ ...d, careItems: { ...d.careItems, [item.code]: v as WatchLevel } }))
                  }
                  options={item.watchLevels.map((l) => ({ value: l, label: t(`register.watch.${l}`) }))}
                  hint={t('register.watchHint')}
                  wrapperClassName="ml-9 mt-2"
                />
              )}
            </div>
          );
        })}
      </Fieldset>
    </Part>
  );
}

/** Medical devices and what they need when the power fails (used for disaster planning). */
export function DeviceFields({ draft, setDraft, errors, options }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const set = (i: number, patch: Partial<DeviceDraft>) =>
    setDraft((d) => ({ ...d, devices: replaceAt(d.devices, i, patch) }));
  return (
    <Part id="register-devices" title={t('register.devices')}>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.devicesIntro')}</p>
      {draft.devices.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <div key={i} className="mb-4 rounded-8 border border-solid-gray-300 p-4">
          <SelectField
            name={`child.devices.${i}.kind`}
            label={t('register.deviceKind', { n: i + 1 })}
            value={x.kind}
            onChange={(v) => set(i, { kind: v })}
            emptyLabel={t('register.choose')}
            options={options.deviceKinds.map((k) => ({ value: k.code, label: k[locale] }))}
            error={errors[`child.devices.${i}.kind`]}
            required
          />
          <Checkbox
            label={t('register.needsMains')}
            checked={x.needsMains}
            onChange={(v) => set(i, { needsMains: v })}
          />
          <TextField
            name={`child.devices.${i}.batteryHours`}
            label={t('register.batteryHours')}
            value={x.batteryHours}
            onChange={(v) => set(i, { batteryHours: v })}
            error={errors[`child.devices.${i}.batteryHours`]}
            hint={t('register.batteryHoursHint')}
            inputMode="decimal"
            wrapperClassName="mt-3"
          />
          <Button
            variant="text"
            onClick={() => setDraft((d) => ({ ...d, devices: d.devices.filter((_, j) => j !== i) }))}
          >
            {t('register.removeDevice', { n: i + 1 })}
          </Button>
        </div>
      ))}
      {draft.devices.length < MAX_DEVICES && (
        <Button
          variant="secondary"
          onClick={() =>
            setDraft((d) => ({
              ...d,
              devices: [...d.devices, { kind: '', needsMains: false, batteryHours: '' }],
            }))
          }
        >
          {t('register.addDevice')}
        </Button>
      )}
    </Part>
  );
}

/** Living situation in the family's own words. */
export function LivingFields({ draft, setDraft, errors }: Omit<Props, 'options'>) {
  const t = useT();
  return (
    <Part id="register-living" title={t('register.living')}>
      <TextAreaField
        label={t('register.livingSituation')}
        value={draft.child.livingSituation}
        onChange={(v) => setDraft((d) => ({ ...d, child: { ...d.child, livingSituation: v } }))}
        hint={t('register.livingHint')}
        error={errors['child.livingSituation']}
        rows={4}
      />
    </Part>
  );
}
