import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS } from '../../../../src/shared/vocab/regional-issues';
import { StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import {
  type DevelopmentProject,
  useProject,
  useStopProject,
  useUpdateProject,
} from '../../lib/queries/regional-issues';
import { forTrainingRoles } from '../learning/courses/Guard';
import { Fact, SaveError } from '../learning/courses/shared';
import { NotFoundPage } from '../NotFoundPage';
import { readsIssues } from './access';
import { ProjectFields, type ProjectFormValues, projectBody } from './ProjectForm';
import { areaText, LINK, StageSteps } from './shared';

function valuesOf(p: DevelopmentProject): ProjectFormValues {
  return {
    title: p.title,
    kind: p.kind,
    stage: p.stage,
    advisedOn: p.advisedOn ?? '',
    paperworkOn: p.paperworkOn ?? '',
    designatedOn: p.designatedOn ?? '',
    openedOn: p.openedOn ?? '',
    places: p.places === null ? '' : String(p.places),
    operatorOrganisationId: p.operatorOrganisationId ?? '',
    operatorName: p.operatorName ?? '',
    resourceServiceId: p.listing?.id ?? '',
    nextStep: p.nextStep ?? '',
    nextStepOn: p.nextStepOn ?? '',
    note: p.note ?? '',
  };
}

function EditForm({ p, onDone }: { p: DevelopmentProject; onDone: () => void }) {
  const t = useT();
  const update = useUpdateProject(p.id, onDone);
  const [values, setValues] = useState(() => valuesOf(p));
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = projectBody(values);
    const stageDate = {
      operator_advised: body.advisedOn,
      paperwork: body.paperworkOn,
      designated: body.designatedOn,
      opened: body.openedOn,
    }[values.stage];
    if (!body.title || !stageDate) {
      setMissing(true);
      return;
    }
    update.mutate({
      ...body,
      version: p.version,
      resourceServiceId: values.stage === 'opened' ? values.resourceServiceId || null : null,
    });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      <ProjectFields
        values={values}
        set={(patch) => setValues((v) => ({ ...v, ...patch }))}
        missing={missing}
        regionId={p.region.id}
        listing={p.listing}
      />
      <SaveError<DevelopmentProject> mutation={update} onReload={(current) => setValues(valuesOf(current))} />
      <Button type="submit" disabled={update.isPending}>
        {t('ri.save')}
      </Button>
    </form>
  );
}

function StopForm({ p, onDone }: { p: DevelopmentProject; onDone: () => void }) {
  const t = useT();
  const stop = useStopProject(p.id, onDone);
  const [note, setNote] = useState('');
  const stopping = p.status === 'active';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        stop.mutate({ version: p.version, stop: stopping, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
      noValidate
      className="max-w-2xl"
    >
      <TextAreaField label={t('ri.f.note')} value={note} onChange={setNote} rows={3} />
      <SaveError<DevelopmentProject> mutation={stop} onReload={() => undefined} />
      <Button type="submit" variant={stopping ? 'danger' : 'primary'} disabled={stop.isPending}>
        {stopping ? t('dp.stop') : t('dp.resume')}
      </Button>
    </form>
  );
}

function ProjectPageInner() {
  const t = useT();
  const { locale } = useLocale();
  const { projectId } = useParams({ strict: false }) as { projectId: string };
  const project = useProject(projectId);
  const [open, setOpen] = useState<'edit' | 'stop' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (isApiError(project.error, 'not_found')) return <NotFoundPage />;
  const done = () => {
    setMessage(t('ri.saved'));
    setOpen(null);
  };
  return (
    <QueryState query={project}>
      {(p) => (
        <Page title={p.title}>
          <p className="mb-4">
            <Link to="/development-projects" search={{}} className={LINK}>
              {t('dp.title')}
            </Link>
          </p>
          <StageSteps
            stage={p.stage}
            dates={{
              operator_advised: p.advisedOn,
              paperwork: p.paperworkOn,
              designated: p.designatedOn,
              opened: p.openedOn,
            }}
          />
          <section aria-label={t('ri.summary')} className="mb-8 rounded-8 border border-solid-gray-300 p-4">
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
              <Fact label={t('dp.kind')}>
                {vocab(t, PROJECT_KIND_LABELS, p.kind)}
                {p.status === 'stopped' && (
                  <span className="block text-std-16B-170">
                    {vocab(t, PROJECT_STATUS_LABELS, p.status)}（{formatDate(p.stoppedOn, locale)}）
                  </span>
                )}
              </Fact>
              <Fact label={t('ri.area')}>{areaText(t, p.region, p.municipality)}</Fact>
              <Fact label={t('dp.operator')}>{p.operator ?? t('dp.noOperator')}</Fact>
              <Fact label={t('dp.f.places')}>
                {p.places === null ? t('common.none') : formatNumber(p.places, locale)}
              </Fact>
              <Fact label={t('dp.f.listing')}>
                {p.listing ? (
                  <Link to="/resources" search={{ q: p.listing.name }} className={LINK}>
                    {p.listing.name}（{p.listing.organizationName}）
                  </Link>
                ) : (
                  t('dp.noListing')
                )}
              </Fact>
              <Fact label={t('ri.owner')}>{p.owner?.name ?? t('ri.noOwner')}</Fact>
              <Fact label={t('ri.nextStep')}>
                {p.nextStep ?? t('ri.noNextStep')}
                {p.nextStepOn && (
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {formatDate(p.nextStepOn, locale)}
                  </span>
                )}
              </Fact>
              {p.issue && (
                <Fact label={t('dp.issue')}>
                  <Link to="/regional-issues/$issueId" params={{ issueId: p.issue.id }} className={LINK}>
                    {p.issue.number} {p.issue.title}
                  </Link>
                </Fact>
              )}
            </dl>
            {p.note && <p className="mt-4 whitespace-pre-line">{p.note}</p>}
          </section>
          {p.canManage && (
            <Section id="project-actions" title={t('ri.actions')}>
              {message && <StatusMessage>{message}</StatusMessage>}
              <div className="mb-4 flex flex-wrap gap-3">
                {p.status === 'active' && (
                  <Button
                    variant={open === 'edit' ? 'primary' : 'secondary'}
                    aria-pressed={open === 'edit'}
                    onClick={() => setOpen('edit')}
                  >
                    {t('dp.edit')}
                  </Button>
                )}
                <Button
                  variant={open === 'stop' ? 'primary' : 'secondary'}
                  aria-pressed={open === 'stop'}
                  onClick={() => setOpen('stop')}
                >
                  {p.status === 'active' ? t('dp.stop') : t('dp.resume')}
                </Button>
              </div>
              {open === 'edit' && <EditForm key={p.version} p={p} onDone={done} />}
              {open === 'stop' && <StopForm key={p.version} p={p} onDone={done} />}
            </Section>
          )}
        </Page>
      )}
    </QueryState>
  );
}

export const ProjectPage = forTrainingRoles(readsIssues, ProjectPageInner);
