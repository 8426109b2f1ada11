import { useNavigate } from '@tanstack/react-router';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { useCreateSurvey } from '../../lib/queries/surveys';
import { forTrainingRoles } from '../learning/courses/Guard';
import { managesSurveys } from './access';
import { SurveyForm } from './SurveyForm';

function NewSurveyPageInner() {
  const t = useT();
  const create = useCreateSurvey();
  const navigate = useNavigate();
  return (
    <Page title={t('sv.form.newTitle')} intro={t('sv.form.newIntro')}>
      <SurveyForm
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate({ to: '/surveys' })}
        onSubmit={(v) =>
          create.mutate(
            { ...v, definition: v.definition ?? { questions: [] } },
            { onSuccess: (s) => void navigate({ to: '/surveys/$surveyId', params: { surveyId: s.id } }) },
          )
        }
      />
    </Page>
  );
}

export const NewSurveyPage = forTrainingRoles(managesSurveys, NewSurveyPageInner);
