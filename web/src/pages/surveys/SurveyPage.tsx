import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type Survey, useMoveSurvey, useSurvey } from '../../lib/queries/surveys';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsSurveys } from './access';
import { LinksPanel } from './LinksPanel';
import { QuestionList } from './SurveyForm';
import { AnonymousMark, audienceText, closesText, LINK, StatusBadge } from './shared';

type Move = 'open' | 'closed' | 'draft';

/** The moves the page offers: publish a draft, close an open survey, reopen a closed one. */
function Actions({ survey }: { survey: Survey }) {
  const t = useT();
  const move = useMoveSurvey(survey.id);
  const [asking, setAsking] = useState<Move | null>(null);
  const [done, setDone] = useState<Move | null>(null);
  const closingPassed = survey.closesAt !== null && new Date(survey.closesAt).getTime() <= Date.now();
  const label: Record<Move, string> = {
    open: survey.status === 'closed' ? t('sv.action.reopen') : t('sv.action.publish'),
    closed: t('sv.action.close'),
    draft: t('sv.action.unpublish'),
  };
  const ask = (m: Move) => {
    setDone(null);
    setAsking(m);
  };
  return (
    <>
      <div className="mb-4 flex flex-wrap gap-3">
        {survey.status === 'draft' && <Button onClick={() => ask('open')}>{label.open}</Button>}
        {survey.status === 'open' && <Button onClick={() => ask('closed')}>{label.closed}</Button>}
        {survey.status === 'closed' && (
          <Button
            disabled={closingPassed}
            aria-describedby={closingPassed ? 'survey-reopen-hint' : undefined}
            onClick={() => ask('open')}
          >
            {label.open}
          </Button>
        )}
        <Link
          to="/surveys/$surveyId/edit"
          params={{ surveyId: survey.id }}
          className={buttonClass('secondary', 'no-underline')}
        >
          {t('sv.action.edit')}
        </Link>
        {survey.status === 'open' && survey.answers === 0 && (
          <Button variant="secondary" onClick={() => ask('draft')}>
            {label.draft}
          </Button>
        )}
      </div>
      {survey.status === 'closed' && closingPassed && (
        <p id="survey-reopen-hint" className="mb-4 text-std-16N-170 text-solid-gray-700">
          {t('sv.action.reopenHint')}
        </p>
      )}
      <ApiErrorAlert error={move.error} />
      <StatusMessage>{done ? t(`sv.action.done.${done}`) : null}</StatusMessage>
      <ConfirmDialog
        open={asking !== null}
        message={asking ? t(`sv.action.confirm.${asking}`) : ''}
        confirmLabel={asking ? label[asking] : undefined}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const to = asking;
          setAsking(null);
          if (to) move.mutate({ version: survey.version, status: to }, { onSuccess: () => setDone(to) });
        }}
      />
    </>
  );
}

function SurveyView({ survey }: { survey: Survey }) {
  const t = useT();
  const { locale } = useLocale();
  const openUrl = survey.openPath ? `${window.location.origin}${survey.openPath}` : null;
  return (
    <Page title={survey.title}>
      <p className="mb-4">
        <Link to="/surveys" className={LINK}>
          {t('sv.backToList')}
        </Link>
      </p>
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
        <dt className="font-bold">{t('sv.status')}</dt>
        <dd>
          <StatusBadge status={survey.status} />
          <AnonymousMark anonymous={survey.anonymous} />
        </dd>
        <dt className="font-bold">{t('sv.audience')}</dt>
        <dd>{audienceText(t, survey)}</dd>
        <dt className="font-bold">{t('sv.closesAt')}</dt>
        <dd>{closesText(t, locale, survey.closesAt)}</dd>
        <dt className="font-bold">{t('sv.publishedAt')}</dt>
        <dd>{survey.publishedAt ? formatDateTime(survey.publishedAt, locale) : t('sv.notPublished')}</dd>
        <dt className="font-bold">{t('sv.answers')}</dt>
        <dd>
          {t('sv.answersN', { n: formatNumber(survey.answers, locale) })}
          {survey.invited > 0 &&
            ` ・ ${t('sv.invitedSummary', {
              n: formatNumber(survey.invited, locale),
              waiting: formatNumber(survey.notAnswered, locale),
            })}`}
        </dd>
        <dt className="font-bold">{t('sv.questions')}</dt>
        <dd>{t('sv.questionsN', { n: survey.definition.questions.length })}</dd>
      </dl>
      {survey.canManage && <Actions survey={survey} />}
      <div className="mb-8 flex flex-wrap gap-3">
        <Link
          to="/surveys/$surveyId/results"
          params={{ surveyId: survey.id }}
          className={buttonClass(survey.canManage ? 'secondary' : 'primary', 'no-underline')}
        >
          {t('sv.action.results')}
        </Link>
        {survey.definition.questions.some((q) => q.maps === 'accepted_care') && !survey.anonymous && (
          <Link
            to="/surveys/$surveyId/care"
            params={{ surveyId: survey.id }}
            className={buttonClass('secondary', 'no-underline')}
          >
            {t('sv.action.care')}
          </Link>
        )}
        {survey.definition.questions.some((q) => q.maps === 'census_children') && !survey.anonymous && (
          <Link
            to="/surveys/$surveyId/census"
            params={{ surveyId: survey.id }}
            className={buttonClass('secondary', 'no-underline')}
          >
            {t('sv.census.action')}
          </Link>
        )}
      </div>
      {survey.description && <p className="mb-8 max-w-3xl whitespace-pre-wrap">{survey.description}</p>}
      <Section id="survey-open-link" title={t('sv.openLink.title')}>
        {openUrl ? (
          <div className="max-w-3xl">
            <CopyField label={t('sv.openLink.label')} value={openUrl} />
          </div>
        ) : (
          <p>{survey.openLink ? t('sv.openLink.draft') : t('sv.openLink.off')}</p>
        )}
      </Section>
      <Section id="survey-links" title={t('sv.links.title')}>
        <LinksPanel survey={survey} />
      </Section>
      <Section id="survey-questions" title={t('sv.questions')}>
        <QuestionList questions={survey.definition.questions} />
      </Section>
    </Page>
  );
}

function SurveyPageInner() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useSurvey(surveyId);
  return <QueryState query={survey}>{(data) => <SurveyView survey={data} />}</QueryState>;
}

export const SurveyPage = forTrainingRoles(readsSurveys, SurveyPageInner);
