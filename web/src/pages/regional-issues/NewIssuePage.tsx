import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import { ENGAGEMENT_KIND_LABELS } from '../../../../src/shared/vocab/engagements';
import { ISSUE_SOURCE_KIND_LABELS } from '../../../../src/shared/vocab/regional-issues';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import {
  type CreateIssueBody,
  useCreateIssue,
  useIssueOptions,
  useSourceConsultation,
  useSourceEngagement,
} from '../../lib/queries/regional-issues';
import { forTrainingRoles } from '../learning/courses/Guard';
import { raisesIssues } from './access';
import { parseNewIssueSearch } from './search';

const WHOLE = 'region:';

/** Raising an issue: where (a municipality, or a region as a whole), what, and who carries it. */
function NewIssuePageInner() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const from = useMemo(() => parseNewIssueSearch(raw), [raw]);
  const options = useIssueOptions();
  const create = useCreateIssue();
  const [place, setPlace] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [careItem, setCareItem] = useState('');
  const [owner, setOwner] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepOn, setNextStepOn] = useState('');
  const [missing, setMissing] = useState(false);
  const opts = options.data;
  const source = useSourceConsultation(from.sourceKind === 'consultation' ? from.sourceId : undefined).data;
  const engagement = useSourceEngagement(from.sourceKind === 'hearing' ? from.sourceId : undefined).data;
  const municipalOnly = !!opts && !opts.canManage;
  // Raised from a consultation or an engagement: the area defaults to its municipality.
  const sourceMunicipality = source?.municipalityCode ?? engagement?.municipalityCode;
  const fromSource =
    sourceMunicipality && opts?.municipalities.some((m) => m.code === sourceMunicipality)
      ? sourceMunicipality
      : '';
  const chosen =
    place || fromSource || (municipalOnly && opts.municipalities[0] ? opts.municipalities[0].code : '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !description.trim() || !chosen) {
      setMissing(true);
      return;
    }
    const body: CreateIssueBody = {
      title: title.trim(),
      description: description.trim(),
      careItem: careItem || null,
      nextStep: nextStep.trim() || null,
      nextStepOn: nextStepOn || null,
    };
    if (chosen.startsWith(WHOLE)) body.regionId = chosen.slice(WHOLE.length);
    else body.municipalityCode = chosen;
    if (owner) body.ownerUserId = owner;
    if (from.sourceKind && from.sourceId) {
      body.source = { kind: from.sourceKind as 'consultation', id: from.sourceId };
    }
    create.mutate(body, {
      onSuccess: (r) => void navigate({ to: '/regional-issues/$issueId', params: { issueId: r.id } }),
    });
  };
  const required = (v: string, label: string) =>
    missing && !v.trim() ? t('validation.required', { field: label }) : null;
  const placeOptions = opts
    ? [
        ...opts.municipalities.map((m) => ({
          value: m.code,
          label: `${m.name}（${opts.regions.find((r) => r.id === m.regionId)?.name ?? ''}）`,
        })),
        ...(opts.canManage
          ? opts.regions.map((r) => ({
              value: `${WHOLE}${r.id}`,
              label: t('ri.wholeRegionOf', { region: r.name }),
            }))
          : []),
      ]
    : [];
  return (
    <Page title={t('ri.newTitle')} intro={t('ri.newIntro')}>
      <form onSubmit={submit} noValidate className="max-w-2xl">
        {from.sourceKind && (
          <p className="mb-4 text-std-16B-170">
            {vocab(t, ISSUE_SOURCE_KIND_LABELS, from.sourceKind)}
            {source && `：${source.caseNumber} ${source.subject}`}
            {engagement &&
              `：${vocab(t, ENGAGEMENT_KIND_LABELS, engagement.kind)} ${engagement.subject}（${formatDate(engagement.occurredOn, locale)}）`}
          </p>
        )}
        {opts && (
          <SelectField
            label={t('ri.area')}
            hint={municipalOnly ? t('ri.f.area.municipal') : t('ri.f.area.hint')}
            value={chosen}
            onChange={setPlace}
            emptyLabel={municipalOnly ? undefined : '—'}
            required
            error={missing && !chosen ? t('validation.required', { field: t('ri.area') }) : null}
            options={placeOptions}
          />
        )}
        <TextField
          label={t('ri.f.title')}
          hint={t('ri.f.title.hint')}
          value={title}
          onChange={setTitle}
          required
          error={required(title, t('ri.f.title'))}
        />
        <TextAreaField
          label={t('ri.f.description')}
          hint={t('ri.f.description.hint')}
          value={description}
          onChange={setDescription}
          rows={5}
          required
          error={required(description, t('ri.f.description'))}
        />
        <SelectField
          label={t('ri.careItem')}
          hint={t('ri.f.careItem.hint')}
          value={careItem}
          onChange={setCareItem}
          emptyLabel={t('ri.f.noCareItem')}
          options={CARE_ITEM_CODES.map((c) => ({ value: c, label: careItemLabel(c, locale, true) }))}
        />
        {opts && opts.owners.length > 0 && (
          <SelectField
            label={t('ri.owner')}
            value={owner}
            onChange={setOwner}
            emptyLabel={t('ri.noOwner')}
            options={opts.owners.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <TextField label={t('ri.nextStep')} value={nextStep} onChange={setNextStep} />
        <TextField label={t('ri.f.nextStepOn')} type="date" value={nextStepOn} onChange={setNextStepOn} />
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        {options.error ? <ApiErrorAlert error={options.error} /> : null}
        <Button type="submit" disabled={create.isPending}>
          {t('ri.create')}
        </Button>
      </form>
    </Page>
  );
}

export const NewIssuePage = forTrainingRoles(raisesIssues, NewIssuePageInner);
