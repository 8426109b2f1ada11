import { type FormEvent, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { type Centre, type Region, useSaveNetwork } from '../../lib/queries/network';
import { textOrNull } from '../../lib/use-editor';

type Props = {
  centre: Centre | null;
  centres: Centre[];
  regions: Region[];
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
};

/** Create or edit a centre (本部) or branch (支部) and the regions a branch covers. */
export function CentreForm({ centre, centres, regions, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const save = useSaveNetwork<Record<string, unknown>>('/centres');
  const [kind, setKind] = useState<'hq' | 'branch'>(centre?.kind ?? (centres.length ? 'branch' : 'hq'));
  const [parentId, setParentId] = useState(
    centre?.parentId ?? centres.find((c) => c.kind === 'hq')?.id ?? '',
  );
  const [name, setName] = useState(centre?.name ?? '');
  const [operator, setOperator] = useState(centre?.operator ?? '');
  const [address, setAddress] = useState(centre?.address ?? '');
  const [phone, setPhone] = useState(centre?.phone ?? '');
  const [regionIds, setRegionIds] = useState<Set<string>>(() => new Set(centre?.regionIds ?? []));
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const headquarters = centres.filter((c) => c.kind === 'hq' && c.id !== centre?.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('validation.required', { field: t('centres.name') }));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    const common = {
      parentId: kind === 'branch' && parentId ? parentId : null,
      name: name.trim(),
      operator: textOrNull(operator),
      address: textOrNull(address),
      phone: textOrNull(phone),
      regionIds: [...regionIds],
    };
    const body = centre ? { ...common, version: centre.version } : { ...common, kind };
    save.mutate(
      { id: centre?.id, body },
      {
        onSuccess: () => onSaved(common.name),
        onError: (err) => {
          if (isApiError(err, 'conflict')) onConflict();
        },
      },
    );
  };

  return (
    <FormSection title={centre ? t('centres.editTitle', { name: centre.name }) : t('centres.createTitle')}>
      <form onSubmit={submit} noValidate>
        {!isApiError(save.error, 'conflict') && <ApiErrorAlert error={save.error} />}
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <SelectField
            label={t('centres.kind')}
            required
            value={kind}
            onChange={(v) => setKind(v === 'hq' ? 'hq' : 'branch')}
            disabled={Boolean(centre)}
            options={[
              { value: 'hq', label: t('centres.kind.hq') },
              { value: 'branch', label: t('centres.kind.branch') },
            ]}
          />
          {kind === 'branch' && (
            <SelectField
              label={t('centres.parent')}
              value={parentId}
              onChange={setParentId}
              emptyLabel={t('common.none')}
              options={headquarters.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          <TextField
            ref={nameRef}
            label={t('centres.name')}
            required
            value={name}
            onChange={setName}
            error={nameError}
          />
          <TextField label={t('centres.operator')} value={operator} onChange={setOperator} />
          <TextField
            label={t('centres.address')}
            value={address}
            onChange={setAddress}
            autoComplete="street-address"
          />
          <TextField label={t('centres.phone')} type="tel" value={phone} onChange={setPhone} />
        </div>
        <Fieldset legend={t('centres.regions')}>
          <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2 xl:grid-cols-3">
            {regions.map((r) => (
              <Checkbox
                key={r.id}
                label={r.name}
                checked={regionIds.has(r.id)}
                onChange={(on) =>
                  setRegionIds((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(r.id);
                    else next.delete(r.id);
                    return next;
                  })
                }
              />
            ))}
          </div>
        </Fieldset>
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
