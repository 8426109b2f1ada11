import { useState } from 'react';
import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectKind,
  type ProjectStage,
} from '../../../../src/shared/vocab/regional-issues';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { type MessageKey, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { useOrganisations } from '../../lib/queries/network';
import { useServices } from '../../lib/queries/resources';

/** The fields of a project a form edits (create and change share them). */
export type ProjectFormValues = {
  title: string;
  kind: ProjectKind;
  stage: ProjectStage;
  advisedOn: string;
  paperworkOn: string;
  designatedOn: string;
  openedOn: string;
  places: string;
  operatorOrganisationId: string;
  operatorName: string;
  resourceServiceId: string;
  nextStep: string;
  nextStepOn: string;
  note: string;
};

export const STAGE_FIELDS: Record<ProjectStage, 'advisedOn' | 'paperworkOn' | 'designatedOn' | 'openedOn'> = {
  operator_advised: 'advisedOn',
  paperwork: 'paperworkOn',
  designated: 'designatedOn',
  opened: 'openedOn',
};

/** The request body of the values (empty texts and dates as null; later stages' dates dropped). */
export function projectBody(v: ProjectFormValues) {
  const at = PROJECT_STAGES.indexOf(v.stage);
  const date = (s: ProjectStage) => (PROJECT_STAGES.indexOf(s) <= at ? v[STAGE_FIELDS[s]] || null : null);
  return {
    title: v.title.trim(),
    kind: v.kind,
    stage: v.stage,
    advisedOn: date('operator_advised'),
    paperworkOn: date('paperwork'),
    designatedOn: date('designated'),
    openedOn: date('opened'),
    places: v.places.trim() ? Number(v.places) : null,
    operatorOrganisationId: v.operatorOrganisationId || null,
    operatorName: v.operatorName.trim() || null,
    nextStep: v.nextStep.trim() || null,
    nextStepOn: v.nextStepOn || null,
    note: v.note.trim() || null,
  };
}

const LISTING_TYPES: Partial<Record<ProjectKind, 'medical_short_stay' | 'home_visit_nursing'>> = {
  medical_short_stay: 'medical_short_stay',
  home_visit_nursing: 'home_visit_nursing',
};

/** The directory listing once open: a search of the directory within the project's region. */
function ListingPicker({
  regionId,
  kind,
  value,
  current,
  onChange,
}: {
  regionId: string | null;
  kind: ProjectKind;
  value: string;
  current: { id: string; name: string; organizationName: string } | null;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  // A short-stay or nursing project lists services of its own type; the other kinds search the whole directory.
  const type = LISTING_TYPES[kind];
  const services = useServices({
    q: q.trim() || undefined,
    regionId: regionId ?? undefined,
    ...(type ? { type } : {}),
    pageSize: 50,
  });
  const items = services.data?.items ?? [];
  const options = items.map((s) => ({ value: s.id, label: `${s.name}（${s.organizationName}）` }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: `${current.name}（${current.organizationName}）` });
  }
  return (
    <>
      <TextField label={t('dp.f.listingSearch')} value={q} onChange={setQ} />
      <SelectField
        label={t('dp.f.listing')}
        hint={t('dp.f.listing.hint')}
        value={value}
        onChange={onChange}
        emptyLabel={t('dp.noListing')}
        options={options}
      />
    </>
  );
}

export function ProjectFields({
  values,
  set,
  missing,
  regionId,
  listing,
}: {
  values: ProjectFormValues;
  set: (patch: Partial<ProjectFormValues>) => void;
  missing: boolean;
  regionId: string | null;
  listing?: { id: string; name: string; organizationName: string } | null;
}) {
  const t = useT();
  const [operatorQ, setOperatorQ] = useState('');
  const operators = useOrganisations({ q: operatorQ.trim() || undefined, pageSize: 50 });
  const at = PROJECT_STAGES.indexOf(values.stage);
  const operatorOptions = (operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <TextField
        label={t('dp.f.title')}
        value={values.title}
        onChange={(title) => set({ title })}
        required
        error={missing && !values.title.trim() ? t('validation.required', { field: t('dp.f.title') }) : null}
      />
      <SelectField
        label={t('dp.kind')}
        value={values.kind}
        onChange={(kind) => set({ kind: kind as ProjectKind })}
        options={vocabOptions(t, PROJECT_KINDS, PROJECT_KIND_LABELS)}
      />
      <SelectField
        label={t('dp.stage')}
        hint={t('dp.f.stage.hint')}
        value={values.stage}
        onChange={(stage) => set({ stage: stage as ProjectStage })}
        options={vocabOptions(t, PROJECT_STAGES, PROJECT_STAGE_LABELS)}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {PROJECT_STAGES.filter((_, i) => i <= at).map((s) => {
          const field = STAGE_FIELDS[s];
          const label = t(`dp.f.${field}` as MessageKey);
          const needed = s === values.stage;
          return (
            <TextField
              key={s}
              label={label}
              type="date"
              value={values[field]}
              onChange={(d) => set({ [field]: d })}
              required={needed}
              error={missing && needed && !values[field] ? t('validation.required', { field: label }) : null}
            />
          );
        })}
      </div>
      <TextField
        label={t('dp.f.places')}
        hint={t('dp.f.places.hint')}
        type="number"
        min={0}
        value={values.places}
        onChange={(places) => set({ places })}
      />
      <TextField label={t('dp.f.operatorSearch')} value={operatorQ} onChange={setOperatorQ} />
      <SelectField
        label={t('dp.f.operatorOrg')}
        value={values.operatorOrganisationId}
        onChange={(operatorOrganisationId) => set({ operatorOrganisationId })}
        emptyLabel={t('dp.f.operatorNone')}
        options={operatorOptions}
      />
      <TextField
        label={t('dp.f.operatorName')}
        hint={t('dp.f.operatorName.hint')}
        value={values.operatorName}
        onChange={(operatorName) => set({ operatorName })}
      />
      {values.stage === 'opened' && listing !== undefined && (
        <ListingPicker
          regionId={regionId}
          kind={values.kind}
          value={values.resourceServiceId}
          current={listing}
          onChange={(resourceServiceId) => set({ resourceServiceId })}
        />
      )}
      <TextField
        label={t('ri.nextStep')}
        value={values.nextStep}
        onChange={(nextStep) => set({ nextStep })}
      />
      <TextField
        label={t('ri.f.nextStepOn')}
        type="date"
        value={values.nextStepOn}
        onChange={(nextStepOn) => set({ nextStepOn })}
      />
      <TextAreaField label={t('dp.f.note')} value={values.note} onChange={(note) => set({ note })} rows={3} />
    </>
  );
}
