import { SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { SelectField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import type { RegistrationOptions } from '../../lib/queries/registrations';
import type { FieldErrors, FormDraft } from './form';
import { Part } from './Steps';

type Props = {
  draft: FormDraft;
  onChange: (patch: Partial<FormDraft['child']>) => void;
  errors: FieldErrors;
  options: RegistrationOptions;
};

/** The child: name and reading, date of birth (西暦 or 和暦), sex. */
export function ChildFields({ draft, onChange, errors }: Omit<Props, 'options'>) {
  const t = useT();
  const { locale } = useLocale();
  const c = draft.child;
  const parsed = c.birthDate.trim() ? parseJapaneseDate(c.birthDate) : null;
  return (
    <Part id="register-child" title={t('register.childName')}>
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <TextField
          name="child.familyName"
          label={t('register.familyName')}
          value={c.familyName}
          onChange={(v) => onChange({ familyName: v })}
          error={errors['child.familyName']}
          required
          autoComplete="off"
        />
        <TextField
          name="child.givenName"
          label={t('register.givenName')}
          value={c.givenName}
          onChange={(v) => onChange({ givenName: v })}
          error={errors['child.givenName']}
          required
          autoComplete="off"
        />
        <TextField
          name="child.familyKana"
          label={t('register.familyKana')}
          value={c.familyKana}
          onChange={(v) => onChange({ familyKana: v })}
          error={errors['child.familyKana']}
          hint={t('register.kanaHint')}
          required
          autoComplete="off"
        />
        <TextField
          name="child.givenKana"
          label={t('register.givenKana')}
          value={c.givenKana}
          onChange={(v) => onChange({ givenKana: v })}
          error={errors['child.givenKana']}
          hint={t('register.kanaHint')}
          required
          autoComplete="off"
        />
      </div>
      <TextField
        name="child.birthDate"
        label={t('register.birthDate')}
        value={c.birthDate}
        onChange={(v) => onChange({ birthDate: v })}
        error={errors['child.birthDate']}
        hint={t('register.birthDateHint')}
        required
        autoComplete="off"
        inputMode="text"
        wrapperClassName="mb-1"
      />
      <p className="mb-5 min-h-7 text-std-16N-170 text-solid-gray-700" aria-live="polite">
        {parsed ? t('register.birthDateRead', { date: formatDate(parsed, locale, { western: true }) }) : ''}
      </p>
      <SelectField
        name="child.sex"
        label={t('register.sex')}
        value={c.sex}
        onChange={(v) => onChange({ sex: v as FormDraft['child']['sex'] })}
        emptyLabel={t('register.choose')}
        options={(['female', 'male', 'unknown'] as const).map((s) => ({
          value: s,
          label: vocab(t, SEX_LABELS, s),
        }))}
        error={errors['child.sex']}
        required
      />
    </Part>
  );
}

/** Where the child lives: municipality (of the prefectures served) and street address. */
export function AddressFields({ draft, onChange, errors, options }: Props) {
  const t = useT();
  const c = draft.child;
  const many = options.prefectures.length > 1;
  const prefName = new Map(options.prefectures.map((p) => [p.code, p.name]));
  return (
    <Part id="register-address" title={t('register.address')}>
      <SelectField
        name="child.municipalityCode"
        label={t('register.municipality')}
        value={c.municipalityCode}
        onChange={(v) => onChange({ municipalityCode: v })}
        emptyLabel={t('register.choose')}
        options={options.municipalities.map((m) => ({
          value: m.code,
          label: many ? `${prefName.get(m.prefectureCode) ?? ''} ${m.name}` : m.name,
        }))}
        hint={t('register.municipalityHint', {
          prefectures: options.prefectures.map((p) => p.name).join('・'),
        })}
        error={errors['child.municipalityCode']}
        required
      />
      <TextField
        name="child.address"
        label={t('register.street')}
        value={c.address}
        onChange={(v) => onChange({ address: v })}
        error={errors['child.address']}
        hint={t('register.streetHint')}
        required
        autoComplete="off"
      />
    </Part>
  );
}
