import { type FormEvent, useRef, useState } from 'react';
import { COORDINATOR_TIER_LABELS } from '../../../../src/shared/vocab/network';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { type Option, SelectField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { fullName } from '../../lib/format';
import {
  COORDINATOR_TIERS,
  type CoordinatorTier,
  type Person,
  useSaveNetwork,
} from '../../lib/queries/network';
import { textOrNull } from '../../lib/use-editor';

type Props = {
  person: Person | null;
  organisationOptions: Option[];
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
};

/** Create or edit a professional contact (関係者): coordinator, nurse, teacher … */
export function PersonForm({ person, organisationOptions, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const save = useSaveNetwork<Record<string, unknown>>('/people');
  const [familyName, setFamilyName] = useState(person?.familyName ?? '');
  const [givenName, setGivenName] = useState(person?.givenName ?? '');
  const [familyKana, setFamilyKana] = useState(person?.familyKana ?? '');
  const [givenKana, setGivenKana] = useState(person?.givenKana ?? '');
  const [organisationId, setOrganisationId] = useState(person?.organisationId ?? '');
  const [profession, setProfession] = useState(person?.profession ?? '');
  const [tier, setTier] = useState<string>(person?.coordinatorTier ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [errors, setErrors] = useState<{ familyName?: string; givenName?: string }>({});
  const familyRef = useRef<HTMLInputElement>(null);
  const givenRef = useRef<HTMLInputElement>(null);
  // Keep the current organisation selectable even when it is not in the loaded list.
  const options =
    person?.organisationId && !organisationOptions.some((o) => o.value === person.organisationId)
      ? [
          ...organisationOptions,
          { value: person.organisationId, label: person.organisationName ?? person.organisationId },
        ]
      : organisationOptions;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      familyName: familyName.trim() ? undefined : t('validation.required', { field: t('people.familyName') }),
      givenName: givenName.trim() ? undefined : t('validation.required', { field: t('people.givenName') }),
    };
    setErrors(next);
    if (next.familyName) return familyRef.current?.focus();
    if (next.givenName) return givenRef.current?.focus();
    const body = {
      familyName: familyName.trim(),
      givenName: givenName.trim(),
      familyKana: textOrNull(familyKana),
      givenKana: textOrNull(givenKana),
      organisationId: organisationId || null,
      profession: textOrNull(profession),
      coordinatorTier: (tier || null) as CoordinatorTier | null,
      email: textOrNull(email),
      phone: textOrNull(phone),
      ...(person ? { version: person.version } : {}),
    };
    save.mutate(
      { id: person?.id, body },
      {
        onSuccess: () => onSaved(fullName(body.familyName, body.givenName)),
        onError: (err) => {
          if (isApiError(err, 'conflict')) onConflict();
        },
      },
    );
  };

  return (
    <FormSection
      title={
        person
          ? t('people.editTitle', { name: fullName(person.familyName, person.givenName) })
          : t('people.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        {!isApiError(save.error, 'conflict') && <ApiErrorAlert error={save.error} />}
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <TextField
            ref={familyRef}
            label={t('people.familyName')}
            required
            value={familyName}
            onChange={setFamilyName}
            error={errors.familyName}
            autoComplete="off"
          />
          <TextField
            ref={givenRef}
            label={t('people.givenName')}
            required
            value={givenName}
            onChange={setGivenName}
            error={errors.givenName}
            autoComplete="off"
          />
          <TextField
            label={t('people.familyKana')}
            value={familyKana}
            onChange={setFamilyKana}
            autoComplete="off"
          />
          <TextField
            label={t('people.givenKana')}
            value={givenKana}
            onChange={setGivenKana}
            autoComplete="off"
          />
          <SelectField
            label={t('people.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            emptyLabel={t('people.noOrganisation')}
            options={options}
          />
          <TextField label={t('people.profession')} value={profession} onChange={setProfession} />
          <SelectField
            label={t('people.tier')}
            value={tier}
            onChange={setTier}
            emptyLabel={t('common.none')}
            options={COORDINATOR_TIERS.map((c) => ({
              value: c,
              label: vocab(t, COORDINATOR_TIER_LABELS, c),
            }))}
          />
          <TextField
            label={t('people.email')}
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="off"
          />
          <TextField
            label={t('people.phone')}
            type="tel"
            value={phone}
            onChange={setPhone}
            autoComplete="off"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </FormSection>
  );
}
