import { type FormEvent, useRef, useState } from 'react';
import { DIVISION_LABELS, ORGANISATION_KIND_LABELS } from '../../../../src/shared/vocab/network';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import {
  DIVISIONS,
  type Division,
  type Municipality,
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
  useSaveNetwork,
} from '../../lib/queries/network';
import { textOrNull } from '../../lib/use-editor';

type Props = {
  organisation: Organisation | null;
  municipalities: Municipality[];
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
};

/** Create or edit an organisation (関係機関); a municipal division also names its 担当分野. */
export function OrganisationForm({ organisation, municipalities, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const save = useSaveNetwork<Record<string, unknown>>('/organisations');
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? 'provider');
  const [division, setDivision] = useState<string>(organisation?.division ?? '');
  const [name, setName] = useState(organisation?.name ?? '');
  const [kana, setKana] = useState(organisation?.kana ?? '');
  const [municipalityCode, setMunicipalityCode] = useState(organisation?.municipalityCode ?? '');
  const [address, setAddress] = useState(organisation?.address ?? '');
  const [phone, setPhone] = useState(organisation?.phone ?? '');
  const [errors, setErrors] = useState<{ name?: string; division?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const needsDivision = kind === 'municipal_division';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      name: name.trim() ? undefined : t('validation.required', { field: t('organisations.name') }),
      division:
        needsDivision && !division
          ? t('validation.required', { field: t('organisations.division') })
          : undefined,
    };
    setErrors(next);
    if (next.name) return nameRef.current?.focus();
    if (next.division) return;
    const body = {
      kind,
      division: needsDivision ? (division as Division) : null,
      name: name.trim(),
      kana: textOrNull(kana),
      municipalityCode: municipalityCode || null,
      address: textOrNull(address),
      phone: textOrNull(phone),
      ...(organisation ? { version: organisation.version } : {}),
    };
    save.mutate(
      { id: organisation?.id, body },
      {
        onSuccess: () => onSaved(body.name),
        onError: (err) => {
          if (isApiError(err, 'conflict')) onConflict();
        },
      },
    );
  };

  return (
    <FormSection
      title={
        organisation
          ? t('organisations.editTitle', { name: organisation.name })
          : t('organisations.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        {!isApiError(save.error, 'conflict') && <ApiErrorAlert error={save.error} />}
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <SelectField
            label={t('organisations.kind')}
            required
            value={kind}
            onChange={(v) => setKind(v as OrganisationKind)}
            options={ORGANISATION_KINDS.map((k) => ({
              value: k,
              label: vocab(t, ORGANISATION_KIND_LABELS, k),
            }))}
          />
          {needsDivision && (
            <SelectField
              label={t('organisations.division')}
              required
              value={division}
              onChange={setDivision}
              emptyLabel="—"
              error={errors.division}
              options={DIVISIONS.map((d) => ({ value: d, label: vocab(t, DIVISION_LABELS, d) }))}
            />
          )}
          <TextField
            ref={nameRef}
            label={t('organisations.name')}
            required
            value={name}
            onChange={setName}
            error={errors.name}
          />
          <TextField label={t('organisations.kana')} value={kana} onChange={setKana} />
          <SelectField
            label={t('organisations.municipality')}
            value={municipalityCode}
            onChange={setMunicipalityCode}
            emptyLabel={t('common.none')}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
          <TextField label={t('organisations.address')} value={address} onChange={setAddress} />
          <TextField label={t('organisations.phone')} type="tel" value={phone} onChange={setPhone} />
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
