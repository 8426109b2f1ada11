import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import { TOPIC_LABELS, TOPICS } from '../../../../src/shared/vocab/consultations';
import {
  LIFE_ELEMENT_LABELS,
  LIFE_ELEMENTS,
  MUNICIPAL_ACTION_LABELS,
  MUNICIPAL_ACTIONS,
  MUNICIPAL_REQUEST_LABELS,
  MUNICIPAL_REQUESTS,
} from '../../../../src/shared/vocab/engagements';
import { LIFE_STAGE_LABELS, LIFE_STAGES } from '../../../../src/shared/vocab/registry';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useLocale, useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { api } from '../../lib/api';
import type { StoryOptions, UpdateStoryBody } from '../../lib/queries/good-practices';

/** What the form edits: the story's fields without its version and source. */
export type StoryFields = Omit<UpdateStoryBody, 'version'> & {
  solverOrganisationName?: string | null;
  contactName?: string | null;
};

type Props = {
  initial: StoryFields;
  options: StoryOptions;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: StoryFields) => void;
};

function Tags({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: readonly string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <Fieldset legend={legend}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(on) => onChange(on ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

type Found = { id: string; label: string };

/** A search box over the network directory (/api/network/...) with the results to choose from. */
function NetworkPicker({
  label,
  searchLabel,
  hint,
  path,
  chosen,
  onChoose,
  toOption,
}: {
  label: string;
  searchLabel: string;
  hint?: string;
  path: '/api/network/organisations' | '/api/network/people';
  chosen: Found | null;
  onChoose: (f: Found | null) => void;
  toOption: (row: Record<string, string | null>) => Found;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    enabled: q.trim().length >= 1,
    queryKey: ['network-picker', path, q.trim()],
    queryFn: ({ signal }) =>
      api.get<{ items: Record<string, string | null>[] }>(path, { q: q.trim(), pageSize: 20 }, signal),
  });
  const rows = (found.data?.items ?? []).map(toOption);
  const options = [...(chosen ? [chosen] : []), ...rows.filter((r) => r.id !== chosen?.id)];
  return (
    <div className="grid gap-x-4 md:grid-cols-2">
      <TextField label={searchLabel} value={q} onChange={setQ} />
      <SelectField
        label={label}
        hint={hint ?? (q && !rows.length && found.isSuccess ? t('gp.f.noMatch') : undefined)}
        value={chosen?.id ?? ''}
        onChange={(v) => onChoose(options.find((o) => o.id === v) ?? null)}
        emptyLabel={t('gp.f.none')}
        options={options.map((o) => ({ value: o.id, label: o.label }))}
      />
    </div>
  );
}

/** The story's form, for writing and editing; the page decides what a submit does. */
export function StoryForm({ initial, options, pending, error, onSubmit }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [f, setF] = useState<StoryFields>(initial);
  const [missing, setMissing] = useState(false);
  const set =
    <K extends keyof StoryFields>(k: K) =>
    (v: StoryFields[K]) =>
      setF((s) => ({ ...s, [k]: v }));
  const regions = options.regions;
  const regionId = f.regionId || (regions.length === 1 ? regions[0]!.id : '');
  const municipalities = options.municipalities.filter((m) => m.regionId === regionId);
  const wholeRegionAllowed = regions.some((r) => r.id === regionId) && options.municipalities.length !== 1;
  // Without "the whole region" the select shows its first municipality: that is the story's.
  const municipalityCode =
    f.municipalityCode ?? (wholeRegionAllowed ? null : (municipalities[0]?.code ?? null));
  const solverGiven = !!(f.solverMunicipalityCode || f.solverOrganisationId || f.solverText?.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!f.title.trim() || !f.summary.trim() || !f.body.trim() || !regionId || !solverGiven) {
      setMissing(true);
      return;
    }
    if (f.contactPersonId && !f.contactConsentOn) {
      setMissing(true);
      return;
    }
    onSubmit({
      ...f,
      regionId,
      solverText: f.solverText?.trim() || null,
      contactNote: f.contactNote?.trim() || null,
    });
  };
  const required = (v: string | null | undefined, label: string) =>
    missing && !v?.trim() ? t('validation.required', { field: label }) : null;
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <TextField
        label={t('gp.f.title')}
        hint={t('gp.f.title.hint')}
        value={f.title}
        onChange={set('title')}
        required
        maxLength={120}
        error={required(f.title, t('gp.f.title'))}
      />
      <TextAreaField
        label={t('gp.f.summary')}
        hint={t('gp.f.summary.hint')}
        value={f.summary}
        onChange={set('summary')}
        required
        rows={3}
        error={required(f.summary, t('gp.f.summary'))}
      />
      <TextAreaField
        label={t('gp.f.body')}
        hint={t('gp.f.body.hint')}
        value={f.body}
        onChange={set('body')}
        required
        rows={16}
        error={required(f.body, t('gp.f.body'))}
      />
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('gp.f.region')}
          value={regionId}
          onChange={(v) => setF((s) => ({ ...s, regionId: v, municipalityCode: null }))}
          emptyLabel={regions.length === 1 ? undefined : '—'}
          required
          error={missing && !regionId ? t('validation.required', { field: t('gp.f.region') }) : null}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={t('gp.f.municipality')}
          value={municipalityCode ?? ''}
          onChange={(v) => set('municipalityCode')(v || null)}
          emptyLabel={wholeRegionAllowed ? t('gp.f.municipality.whole') : undefined}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      </div>
      <Tags
        legend={t('gp.topic')}
        options={vocabOptions(t, TOPICS, TOPIC_LABELS)}
        value={f.topics ?? []}
        onChange={(v) => set('topics')(v as never)}
      />
      <Tags
        legend={t('gp.lifeElement')}
        options={vocabOptions(t, LIFE_ELEMENTS, LIFE_ELEMENT_LABELS)}
        value={f.lifeElements ?? []}
        onChange={(v) => set('lifeElements')(v as never)}
      />
      <Tags
        legend={t('gp.request')}
        options={vocabOptions(t, MUNICIPAL_REQUESTS, MUNICIPAL_REQUEST_LABELS)}
        value={f.requests ?? []}
        onChange={(v) => set('requests')(v as never)}
      />
      <Tags
        legend={t('gp.municipalAction')}
        options={vocabOptions(t, MUNICIPAL_ACTIONS, MUNICIPAL_ACTION_LABELS)}
        value={f.municipalActions ?? []}
        onChange={(v) => set('municipalActions')(v as never)}
      />
      <Tags
        legend={t('gp.lifeStage')}
        options={vocabOptions(t, LIFE_STAGES, LIFE_STAGE_LABELS)}
        value={f.lifeStages ?? []}
        onChange={(v) => set('lifeStages')(v as never)}
      />
      <Tags
        legend={t('gp.careItem')}
        options={CARE_ITEM_CODES.map((c) => ({ value: c, label: careItemLabel(c, locale) }))}
        value={f.careItems ?? []}
        onChange={(v) => set('careItems')(v as never)}
      />
      <Fieldset
        legend={t('gp.solver')}
        required
        error={missing && !solverGiven ? t('validation.required', { field: t('gp.solver') }) : null}
      >
        <SelectField
          label={t('gp.f.solverMunicipality')}
          value={f.solverMunicipalityCode ?? ''}
          onChange={(v) => set('solverMunicipalityCode')(v || null)}
          emptyLabel={t('gp.f.none')}
          options={options.allMunicipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
        <NetworkPicker
          label={t('gp.f.solverOrganisation')}
          searchLabel={t('gp.f.solverOrganisation.search')}
          path="/api/network/organisations"
          chosen={
            f.solverOrganisationId
              ? { id: f.solverOrganisationId, label: f.solverOrganisationName ?? '' }
              : null
          }
          onChoose={(o) =>
            setF((s) => ({ ...s, solverOrganisationId: o?.id ?? null, solverOrganisationName: o?.label }))
          }
          toOption={(r) => ({ id: r.id!, label: r.name ?? '' })}
        />
        <TextField
          label={t('gp.f.solverText')}
          hint={t('gp.f.solverText.hint')}
          value={f.solverText ?? ''}
          onChange={set('solverText')}
          maxLength={200}
        />
      </Fieldset>
      <Fieldset legend={t('gp.contact')}>
        <NetworkPicker
          label={t('gp.f.contact')}
          searchLabel={t('gp.f.contact.search')}
          hint={t('gp.f.contact.hint')}
          path="/api/network/people"
          chosen={f.contactPersonId ? { id: f.contactPersonId, label: f.contactName ?? '' } : null}
          onChoose={(p) => setF((s) => ({ ...s, contactPersonId: p?.id ?? null, contactName: p?.label }))}
          toOption={(r) => ({
            id: r.id!,
            label: [`${r.familyName} ${r.givenName}`, r.organisationName, r.profession]
              .filter(Boolean)
              .join('・'),
          })}
        />
        {f.contactPersonId && (
          <div className="grid gap-x-4 md:grid-cols-2">
            <TextField
              type="date"
              label={t('gp.f.contactConsentOn')}
              value={f.contactConsentOn ?? ''}
              onChange={(v) => set('contactConsentOn')(v || null)}
              required
              error={
                missing && !f.contactConsentOn
                  ? t('validation.required', { field: t('gp.f.contactConsentOn') })
                  : null
              }
            />
            <TextField
              label={t('gp.f.contactNote')}
              value={f.contactNote ?? ''}
              onChange={set('contactNote')}
              maxLength={300}
            />
          </div>
        )}
      </Fieldset>
      <TextField
        type="date"
        label={t('gp.f.solvedOn')}
        value={f.solvedOn ?? ''}
        onChange={(v) => set('solvedOn')(v || null)}
        wrapperClassName="max-w-xs"
      />
      <ApiErrorAlert error={error} />
      <Button type="submit" disabled={pending}>
        {t('gp.f.save')}
      </Button>
    </form>
  );
}

/** An empty story for the form. */
export function emptyStory(): StoryFields {
  return {
    title: '',
    summary: '',
    body: '',
    topics: [],
    lifeElements: [],
    requests: [],
    municipalActions: [],
    lifeStages: [],
    careItems: [],
    regionId: '',
    municipalityCode: null,
    solverMunicipalityCode: null,
    solverOrganisationId: null,
    solverText: null,
    contactPersonId: null,
    contactConsentOn: null,
    contactNote: null,
    solvedOn: null,
  };
}

/** The body the API takes from the form's fields. */
export function toBody(f: StoryFields): Omit<UpdateStoryBody, 'version'> {
  const { solverOrganisationName: _o, contactName: _c, ...body } = f;
  return body;
}
