import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import {
  type CreateProjectBody,
  useCreateProject,
  useIssue,
  useIssueOptions,
} from '../../lib/queries/regional-issues';
import { forTrainingRoles } from '../learning/courses/Guard';
import { keepsProjects } from './access';
import { ProjectFields, type ProjectFormValues, projectBody, STAGE_FIELDS } from './ProjectForm';
import { parseNewProjectSearch } from './search';

const WHOLE = 'region:';

const EMPTY: ProjectFormValues = {
  title: '',
  kind: 'medical_short_stay',
  stage: 'operator_advised',
  advisedOn: '',
  paperworkOn: '',
  designatedOn: '',
  openedOn: '',
  places: '',
  operatorOrganisationId: '',
  operatorName: '',
  resourceServiceId: '',
  nextStep: '',
  nextStepOn: '',
  note: '',
};

function FromIssue({ issueId }: { issueId: string }) {
  const t = useT();
  const issue = useIssue(issueId);
  if (!issue.data) return null;
  return <p className="mb-4">{t('dp.fromIssue', { number: issue.data.number, title: issue.data.title })}</p>;
}

/** Starting a project, on its own or from an issue (the issue then ends in development). */
function NewProjectPageInner() {
  const t = useT();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const from = useMemo(() => parseNewProjectSearch(raw), [raw]);
  const options = useIssueOptions();
  const create = useCreateProject();
  const [values, setValues] = useState<ProjectFormValues>(EMPTY);
  const [place, setPlace] = useState('');
  const [missing, setMissing] = useState(false);
  const opts = options.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.title.trim() || !values[STAGE_FIELDS[values.stage]] || (!from.issueId && !place)) {
      setMissing(true);
      return;
    }
    const body: CreateProjectBody = projectBody(values);
    if (from.issueId) body.issueId = from.issueId;
    else if (place.startsWith(WHOLE)) body.regionId = place.slice(WHOLE.length);
    else body.municipalityCode = place;
    create.mutate(body, {
      onSuccess: (p) =>
        void navigate({ to: '/development-projects/$projectId', params: { projectId: p.id } }),
    });
  };
  return (
    <Page title={t('dp.newTitle')} intro={t('dp.newIntro')}>
      <form onSubmit={submit} noValidate className="max-w-2xl">
        {from.issueId && <FromIssue issueId={from.issueId} />}
        {!from.issueId && opts && (
          <SelectField
            label={t('ri.area')}
            value={place}
            onChange={setPlace}
            emptyLabel="—"
            required
            error={missing && !place ? t('validation.required', { field: t('ri.area') }) : null}
            options={[
              ...opts.municipalities.map((m) => ({
                value: m.code,
                label: `${m.name}（${opts.regions.find((r) => r.id === m.regionId)?.name ?? ''}）`,
              })),
              ...opts.regions.map((r) => ({
                value: `${WHOLE}${r.id}`,
                label: t('ri.wholeRegionOf', { region: r.name }),
              })),
            ]}
          />
        )}
        <ProjectFields
          values={values}
          set={(patch) => setValues((v) => ({ ...v, ...patch }))}
          missing={missing}
          regionId={null}
        />
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        <Button type="submit" disabled={create.isPending}>
          {t('dp.create')}
        </Button>
      </form>
    </Page>
  );
}

export const NewProjectPage = forTrainingRoles(keepsProjects, NewProjectPageInner);
