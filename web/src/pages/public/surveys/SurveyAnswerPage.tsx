import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import type { ZPublicSurvey } from '../../../../../src/modules/surveys/schemas';
import { Button } from '../../../components/Button';
import { INPUT_CLASS } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { addDictionaries, useLocale, useT } from '../../../i18n';
import { enPublicSurveys } from '../../../i18n/en/public-surveys';
import { jaPublicSurveys } from '../../../i18n/ja/public-surveys';
import { ApiError, api, errorMessage, isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { usePublicFirstWindows } from '../site/site-api';
import {
  checkDraft,
  type Draft,
  type FormProblem,
  problemsFromIssues,
  visibleQuestions,
} from './answer-form';
import { problemText, QuestionField, questionAnchor } from './QuestionField';

// This page's strings come with its own chunk, not with the light entry (decision 0009).
addDictionaries({ ja: jaPublicSurveys, en: enPublicSurveys });

type PublicSurvey = z.infer<typeof ZPublicSurvey>;
type Ending = 'thanks' | 'closed' | 'used' | 'invalid';

const BOX = 'mb-6 rounded-8 border-2 px-4 py-3 text-std-16N-170';

/** A page that ends the visit: thanks, closed, used link, unknown link (headed, announced politely). */
function Ended({ ending, anonymous }: { ending: Ending; anonymous: boolean }) {
  const t = useT();
  const titles = {
    thanks: t('publicSurvey.thanksTitle'),
    closed: t('publicSurvey.closedTitle'),
    used: t('publicSurvey.usedTitle'),
    invalid: t('publicSurvey.invalidTitle'),
  } as const;
  const bodies = {
    thanks: t('publicSurvey.thanksBody'),
    closed: t('publicSurvey.closedBody'),
    used: t('publicSurvey.usedBody'),
    invalid: t('publicSurvey.invalidBody'),
  } as const;
  return (
    <Page title={titles[ending]}>
      <div
        role="status"
        className={`${BOX} ${ending === 'thanks' ? 'border-success-2 bg-green-50 text-green-900' : 'border-key-900 bg-key-50 text-key-1000'}`}
      >
        <p>{bodies[ending]}</p>
        {ending === 'thanks' && anonymous && <p className="mt-2">{t('publicSurvey.thanksAnonymous')}</p>}
      </div>
    </Page>
  );
}

/** The open link's optional question of where the answerer lives (the prefecture's municipalities by region). */
function MunicipalityField({
  prefectureCode,
  value,
  onChange,
}: {
  prefectureCode: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const windows = usePublicFirstWindows(prefectureCode);
  const regions = windows.data?.regions ?? [];
  if (regions.length === 0) return null;
  return (
    <div className="mb-8">
      <label htmlFor="survey-municipality" className="mb-1 block text-std-17B-170 text-solid-gray-900">
        {t('publicSurvey.municipality')}
      </label>
      <p id="survey-municipality-hint" className="mb-2 text-std-16N-170 text-solid-gray-700">
        {t('publicSurvey.municipalityHint')}
      </p>
      <select
        id="survey-municipality"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="survey-municipality-hint"
        className={INPUT_CLASS}
      >
        <option value="">{t('publicSurvey.municipalityNone')}</option>
        {regions.map((r) => (
          <optgroup key={r.name} label={r.name}>
            {r.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function SurveyForm({
  token,
  survey,
  onEnd,
}: {
  token: string;
  survey: PublicSurvey;
  onEnd: (e: Ending) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<Draft>({});
  const [municipality, setMunicipality] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const def = survey.definition;
  const send = useMutation({
    mutationFn: (body: { answers: Record<string, unknown>; municipalityCode?: string }) =>
      api.post(`/api/public/surveys/${encodeURIComponent(token)}/answers`, body),
    onSuccess: () => onEnd('thanks'),
    onError: (error) => {
      if (isApiError(error, 'survey_closed')) onEnd('closed');
      else if (isApiError(error, 'survey_link_used')) onEnd('used');
      else if (isApiError(error, 'survey_link_invalid')) onEnd('invalid');
      else if (isApiError(error, 'survey_answers_invalid')) {
        showProblems(problemsFromIssues((error as ApiError).issues));
      }
    },
  });
  const showProblems = (list: FormProblem[]) => {
    setProblems(list);
    requestAnimationFrame(() => summary.current?.focus());
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (send.isPending) return;
    const checked = checkDraft(def, draft);
    if (checked.problems.length > 0) return showProblems(checked.problems);
    setProblems([]);
    send.mutate({
      answers: checked.answers,
      ...(survey.asksMunicipality && municipality ? { municipalityCode: municipality } : {}),
    });
  };
  const shown = visibleQuestions(def, draft);
  const shownIds = new Set(shown.map((q) => q.id));
  const listed = problems.filter((p) => shownIds.has(p.question));
  const problemOf = new Map(listed.map((p) => [p.question, p]));
  const refused = send.error && !isApiError(send.error, 'survey_answers_invalid') ? send.error : null;
  return (
    <form noValidate onSubmit={onSubmit}>
      <div ref={summary} tabIndex={-1}>
        {listed.length > 0 && (
          <div role="alert" className={`${BOX} border-error-2 bg-red-50 text-error-2`}>
            <p className="text-std-16B-170">{t('publicSurvey.problemsTitle', { n: listed.length })}</p>
            <ul className="mt-1 list-disc pl-6">
              {listed.map((p) => {
                const q = def.questions.find((x) => x.id === p.question);
                return q ? (
                  <li key={p.question}>
                    <a
                      href={`#${questionAnchor(q.id)}`}
                      className="text-error-2 underline underline-offset-4"
                    >
                      {q.title}：{problemText(t, q, p)}
                    </a>
                  </li>
                ) : null;
              })}
            </ul>
          </div>
        )}
        {refused && (
          <div role="alert" className={`${BOX} border-error-2 bg-red-50 text-error-2`}>
            <p className="text-std-16B-170">{t('publicSurvey.refusedTitle')}</p>
            <p>{errorMessage(refused, locale)}</p>
            <p>{t('publicSurvey.refusedBody')}</p>
          </div>
        )}
      </div>
      {shown.map((q) => (
        <QuestionField
          key={q.id}
          q={q}
          value={draft[q.id]}
          onChange={(v) => setDraft((d) => ({ ...d, [q.id]: v }))}
          problem={problemOf.get(q.id)}
        />
      ))}
      {survey.asksMunicipality && (
        <MunicipalityField
          prefectureCode={survey.prefectureCode}
          value={municipality}
          onChange={setMunicipality}
        />
      )}
      <Button type="submit" disabled={send.isPending} className="w-full sm:w-auto">
        {send.isPending ? t('publicSurvey.sending') : t('publicSurvey.submit')}
      </Button>
    </form>
  );
}

/**
 * /public/surveys/{token}: a survey answered on a phone without an account (docs/knowledge.md §5). Says first
 * when answers close and whether the answer is linked to the person; checks as the server does before sending;
 * ends on thanks, or says plainly that the survey is closed, the personal link used or the link unknown.
 */
export function SurveyAnswerPage() {
  const t = useT();
  const { locale } = useLocale();
  const { token } = useParams({ strict: false }) as { token: string };
  const [ending, setEnding] = useState<Ending | null>(null);
  const query = useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) =>
      api.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(token)}`, undefined, signal),
    retry: (n, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && n < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const survey = query.data;
  if (ending) return <Ended ending={ending} anonymous={survey?.anonymous ?? false} />;
  if (query.error) {
    if (isApiError(query.error, 'survey_link_invalid') || isApiError(query.error, 'validation_failed'))
      return <Ended ending="invalid" anonymous={false} />;
    return (
      <Page title={t('publicSurvey.pageTitle')}>
        <div role="alert" className={`${BOX} border-error-2 bg-red-50 text-error-2`}>
          <p className="text-std-16B-170">{t('publicSurvey.loadFailed')}</p>
          <p>{errorMessage(query.error, locale)}</p>
        </div>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('publicSurvey.retry')}
        </Button>
      </Page>
    );
  }
  if (!survey) {
    return (
      <Page title={t('publicSurvey.pageTitle')}>
        <p role="status" className="my-6 text-std-16N-170 text-solid-gray-700">
          {t('app.loading')}
        </p>
      </Page>
    );
  }
  if (survey.state !== 'open') return <Ended ending={survey.state} anonymous={survey.anonymous} />;
  return (
    <Page title={survey.title}>
      {survey.description && (
        <p className="mb-4 whitespace-pre-line text-std-16N-170">{survey.description}</p>
      )}
      <div className={`${BOX} border-key-900 bg-key-50 text-key-1000`}>
        <p className="text-std-16B-170">
          {survey.closesAt
            ? t('publicSurvey.closesAt', { date: formatDateTime(survey.closesAt, locale, { weekday: true }) })
            : t('publicSurvey.noClosing')}
        </p>
        <p className="mt-1">
          {survey.anonymous
            ? t('publicSurvey.anonymous')
            : survey.personal
              ? t('publicSurvey.named')
              : t('publicSurvey.open')}
        </p>
      </div>
      <p className="mb-6 text-std-16N-170 text-solid-gray-700">{t('publicSurvey.requiredNote')}</p>
      <SurveyForm token={token} survey={survey} onEnd={setEnding} />
    </Page>
  );
}
