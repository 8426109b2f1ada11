import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { type Survey, useSurvey, useUpdateSurvey } from '../../lib/queries/surveys';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { managesSurveys } from './access';
import { SurveyForm } from './SurveyForm';
import { LINK } from './shared';

function EditForm({ survey }: { survey: Survey }) {
  const t = useT();
  const update = useUpdateSurvey(survey.id);
  const navigate = useNavigate();
  const back = () => void navigate({ to: '/surveys/$surveyId', params: { surveyId: survey.id } });
  if (!survey.canManage) return <NotFoundPage />;
  return (
    <Page title={t('sv.form.editTitle', { title: survey.title })}>
      <p className="mb-6">
        <Link to="/surveys/$surveyId" params={{ surveyId: survey.id }} className={LINK}>
          {t('sv.backToSurvey')}
        </Link>
      </p>
      <SurveyForm
        survey={survey}
        pending={update.isPending}
        error={update.error}
        onCancel={back}
        onSubmit={(v) => {
          const { anonymous, definition, ...rest } = v;
          update.mutate(
            {
              version: survey.version,
              ...rest,
              ...(survey.definitionLocked ? {} : { anonymous, definition }),
            },
            { onSuccess: back },
          );
        }}
      />
    </Page>
  );
}

function EditSurveyPageInner() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useSurvey(surveyId);
  return <QueryState query={survey}>{(data) => <EditForm survey={data} />}</QueryState>;
}

export const EditSurveyPage = forTrainingRoles(managesSurveys, EditSurveyPageInner);
