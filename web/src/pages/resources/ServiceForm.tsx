import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { useMunicipalities } from '../../lib/queries/network';
import {
  SERVICE_TYPE_CODES,
  type Service,
  type ServiceInput,
  type ServiceType,
  useCreateOrganization,
  useOrganizations,
  useSaveService,
} from '../../lib/queries/resources';
import { typeLabel } from '../public/resources/display';
import {
  emptyProviderDraft,
  type ProviderDraft,
  providerDraftOf,
  providerEditOf,
} from '../public/resources/draft';
import { FieldGroup, ProviderFields } from '../public/resources/ProviderFields';
import { issueAt, SaveErrorAlert } from './SaveErrorAlert';

/** The staff form of a listing: what only staff set (organisation, type, location…) and the provider fields. */

export type StaffDraft = ProviderDraft & {
  organizationId: string;
  name: string;
  kana: string;
  type: ServiceType | '';
  officeNumber: string;
  locationName: string;
  postalCode: string;
  address: string;
  municipalityCode: string;
  latitude: string;
  longitude: string;
  serviceAreaCodes: string[];
};

export function staffDraftOf(s: Service | null): StaffDraft {
  if (!s) {
    return {
      ...emptyProviderDraft(),
      organizationId: '',
      name: '',
      kana: '',
      type: '',
      officeNumber: '',
      locationName: '',
      postalCode: '',
      address: '',
      municipalityCode: '',
      latitude: '',
      longitude: '',
      serviceAreaCodes: [],
    };
  }
  return {
    ...providerDraftOf(s),
    organizationId: s.organizationId,
    name: s.name,
    kana: s.kana ?? '',
    type: s.type,
    officeNumber: s.officeNumber ?? '',
    locationName: s.location.name ?? '',
    postalCode: s.location.postalCode ?? '',
    address: s.location.address,
    municipalityCode: s.location.municipalityCode,
    latitude: s.location.latitude === null ? '' : String(s.location.latitude),
    longitude: s.location.longitude === null ? '' : String(s.location.longitude),
    serviceAreaCodes: s.serviceAreas.map((a) => a.municipalityCode),
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const numOrNull = (v: string) => {
  const t = v.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : (t as unknown as number);
};

export function serviceInputOf(d: StaffDraft): ServiceInput {
  return {
    ...providerEditOf(d),
    serviceAreaCodes: d.serviceAreaCodes,
    organizationId: d.organizationId,
    name: d.name.trim(),
    kana: orNull(d.kana),
    type: d.type as ServiceType,
    officeNumber: orNull(d.officeNumber),
    location: {
      name: orNull(d.locationName),
      postalCode: orNull(d.postalCode),
      address: d.address.trim(),
      municipalityCode: orNull(d.municipalityCode),
      latitude: numOrNull(d.latitude),
      longitude: numOrNull(d.longitude),
    },
  };
}

function OrganizationField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | null;
}) {
  const t = useT();
  const orgs = useOrganizations('');
  const create = useCreateOrganization();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  return (
    <div className="mb-5">
      <SelectField
        label={t('resources.organization')}
        required
        value={value}
        onChange={onChange}
        emptyLabel={t('resources.staff.chooseOrganization')}
        options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        error={error}
        wrapperClassName="mb-2"
      />
      {adding ? (
        <div className="rounded-8 border border-solid-gray-420 p-3">
          <TextField
            label={t('resources.staff.newOrganizationName')}
            value={name}
            onChange={setName}
            maxLength={200}
          />
          <ApiErrorAlert error={create.error} />
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              disabled={!name.trim() || create.isPending}
              onClick={() =>
                create.mutate(
                  { name: name.trim() },
                  {
                    onSuccess: (org) => {
                      onChange(org.id);
                      setAdding(false);
                      setName('');
                    },
                  },
                )
              }
            >
              {t('resources.staff.addOrganization')}
            </Button>
            <Button variant="text" onClick={() => setAdding(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="text" onClick={() => setAdding(true)}>
          {t('resources.staff.newOrganization')}
        </Button>
      )}
    </div>
  );
}

export function ServiceForm({
  service,
  onSaved,
}: {
  service: Service | null;
  onSaved: (s: Service) => void;
}) {
  const t = useT();
  const municipalities = useMunicipalities();
  const save = useSaveService();
  const [draft, setDraft] = useState<StaffDraft>(() => staffDraftOf(service));
  const [version, setVersion] = useState(service?.version ?? 0);
  const set = <K extends keyof StaffDraft>(k: K, v: StaffDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const errorOf = (path: string) => issueAt(save.error, path);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = serviceInputOf(draft);
    save.mutate(
      { id: service?.id ?? null, body: service ? { ...body, version } : body },
      { onSuccess: (saved) => onSaved(saved) },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={service ? t('resources.staff.editForm') : t('resources.staff.newForm')}
    >
      <SaveErrorAlert
        mutation={save}
        onVersion={setVersion}
        onReload={(current) => setDraft(staffDraftOf(current))}
      />

      <FieldGroup title={t('resources.section.basic')}>
        <OrganizationField
          value={draft.organizationId}
          onChange={(v) => set('organizationId', v)}
          error={errorOf('organizationId')}
        />
        <TextField
          label={t('resources.name')}
          name="name"
          required
          value={draft.name}
          onChange={(v) => set('name', v)}
          error={errorOf('name')}
          maxLength={200}
        />
        <TextField
          label={t('resources.kana')}
          name="kana"
          value={draft.kana}
          onChange={(v) => set('kana', v)}
          error={errorOf('kana')}
        />
        <SelectField
          label={t('resources.type')}
          required
          value={draft.type}
          onChange={(v) => set('type', v as ServiceType)}
          emptyLabel={t('resources.staff.chooseType')}
          options={SERVICE_TYPE_CODES.map((c) => ({ value: c, label: typeLabel(t, c) }))}
          error={errorOf('type')}
        />
        <TextField
          label={t('resources.officeNumber')}
          hint={t('resources.officeNumberHint')}
          value={draft.officeNumber}
          onChange={(v) => set('officeNumber', v)}
          error={errorOf('officeNumber')}
        />
      </FieldGroup>

      <FieldGroup title={t('resources.section.location')}>
        <TextField
          label={t('resources.locationName')}
          value={draft.locationName}
          onChange={(v) => set('locationName', v)}
        />
        <TextField
          label={t('resources.postalCode')}
          value={draft.postalCode}
          onChange={(v) => set('postalCode', v)}
          error={errorOf('location.postalCode')}
          className="max-w-48"
          autoComplete="off"
        />
        <TextField
          label={t('resources.address')}
          name="address"
          required
          value={draft.address}
          onChange={(v) => set('address', v)}
          error={errorOf('location.address')}
          autoComplete="off"
        />
        <SelectField
          label={t('resources.municipality')}
          hint={t('resources.municipalityHint')}
          value={draft.municipalityCode}
          onChange={(v) => set('municipalityCode', v)}
          emptyLabel={t('resources.staff.fromAddress')}
          options={(municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
          error={errorOf('location.municipalityCode')}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            label={t('resources.latitude')}
            name="latitude"
            hint={t('resources.latitudeHint')}
            inputMode="decimal"
            value={draft.latitude}
            onChange={(v) => set('latitude', v)}
            error={errorOf('location.latitude')}
          />
          <TextField
            label={t('resources.longitude')}
            name="longitude"
            hint={t('resources.longitudeHint')}
            inputMode="decimal"
            value={draft.longitude}
            onChange={(v) => set('longitude', v)}
            error={errorOf('location.longitude')}
          />
        </div>
        <details className="mb-2">
          <summary className="min-h-11 cursor-pointer text-std-16B-170 text-key-900">
            {t('resources.serviceAreas')}（{draft.serviceAreaCodes.length}）
          </summary>
          <p className="my-2 text-std-16N-170 text-solid-gray-700">{t('resources.serviceAreasHint')}</p>
          <div className="grid sm:grid-cols-2 lg:grid-cols-3">
            {(municipalities.data ?? []).map((m) => (
              <Checkbox
                key={m.code}
                label={m.name}
                checked={draft.serviceAreaCodes.includes(m.code)}
                onChange={(on) =>
                  set(
                    'serviceAreaCodes',
                    on
                      ? [...draft.serviceAreaCodes, m.code]
                      : draft.serviceAreaCodes.filter((c) => c !== m.code),
                  )
                }
              />
            ))}
          </div>
        </details>
      </FieldGroup>

      <ProviderFields
        draft={draft}
        onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))}
        errorOf={errorOf}
      />

      <div className="mb-10 flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {service ? t('resources.staff.save') : t('resources.staff.create')}
        </Button>
      </div>
    </form>
  );
}
