import { type FormEvent, useMemo, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, TextAreaField, TextField } from '../../components/Field';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { type Municipality, type Region, useSaveNetwork } from '../../lib/queries/network';

type Group = { key: string; name: string; municipalities: Municipality[] };

/** Municipalities grouped by the region they are in now (unassigned last), in the regions' order. */
export function groupByRegion(
  municipalities: Municipality[],
  regions: Region[],
  unassigned: string,
): Group[] {
  const groups = new Map<string, Group>();
  for (const r of [...regions].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'),
  )) {
    groups.set(r.id, { key: r.id, name: r.name, municipalities: [] });
  }
  const none: Group = { key: 'none', name: unassigned, municipalities: [] };
  for (const m of municipalities) {
    const group = (m.regionId && groups.get(m.regionId)) || none;
    group.municipalities.push(m);
  }
  return [...groups.values(), none].filter((g) => g.municipalities.length > 0);
}

type Props = {
  region: Region | null;
  regions: Region[];
  municipalities: Municipality[];
  onSaved: (name: string, created: boolean) => void;
  onConflict: () => void;
  onCancel: () => void;
};

/** Create or edit a region; saving sends the version read, so a concurrent change answers 409. */
export function RegionForm({ region, regions, municipalities, onSaved, onConflict, onCancel }: Props) {
  const t = useT();
  const save = useSaveNetwork<Record<string, unknown>>('/regions');
  const [name, setName] = useState(region?.name ?? '');
  const [nameEn, setNameEn] = useState(region?.nameEn ?? '');
  const [sortOrder, setSortOrder] = useState(String(region?.sortOrder ?? regions.length + 1));
  const [note, setNote] = useState(region?.note ?? '');
  const [codes, setCodes] = useState<Set<string>>(() => new Set(region?.municipalityCodes ?? []));
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const groups = useMemo(
    () => groupByRegion(municipalities, regions, t('regions.unassigned')),
    [municipalities, regions, t],
  );

  const toggle = (code: string, on: boolean) =>
    setCodes((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t('validation.required', { field: t('regions.name') }));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    const body = {
      name: name.trim(),
      nameEn: nameEn.trim() || null,
      note: note.trim() || null,
      sortOrder: Number.parseInt(sortOrder, 10) || 0,
      municipalityCodes: [...codes].sort(),
      ...(region ? { version: region.version } : {}),
    };
    save.mutate(
      { id: region?.id, body },
      {
        onSuccess: () => onSaved(body.name, !region),
        onError: (err) => {
          if (isApiError(err, 'conflict')) onConflict();
        },
      },
    );
  };

  return (
    <FormSection title={region ? t('regions.editTitle', { name: region.name }) : t('regions.createTitle')}>
      <form onSubmit={submit} noValidate>
        {!isApiError(save.error, 'conflict') && <ApiErrorAlert error={save.error} />}
        <div className="grid grid-cols-1 gap-x-6 md:grid-cols-2">
          <TextField
            ref={nameRef}
            label={t('regions.name')}
            required
            value={name}
            onChange={setName}
            error={nameError}
          />
          <TextField label={t('regions.nameEn')} value={nameEn} onChange={setNameEn} lang="en" />
          <TextField
            label={t('regions.sortOrder')}
            type="number"
            inputMode="numeric"
            min={0}
            value={sortOrder}
            onChange={setSortOrder}
          />
        </div>
        <TextAreaField label={t('regions.note')} value={note} onChange={setNote} rows={2} />
        <Fieldset legend={t('regions.municipalities')}>
          <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
            {groups.map((g) => (
              <fieldset key={g.key} className="rounded-8 border border-solid-gray-300 px-3 pb-2">
                <legend className="px-1 text-std-16B-170">{g.name}</legend>
                {g.municipalities.map((m) => (
                  <Checkbox
                    key={m.code}
                    label={m.name}
                    checked={codes.has(m.code)}
                    onChange={(on) => toggle(m.code, on)}
                  />
                ))}
              </fieldset>
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
