import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import {
  type Attempt,
  type LearnerLesson,
  useAttempt,
  useLearnerLesson,
  useStartAttempt,
  useSubmitAttempt,
} from '../../../lib/queries/learning-elearning';

/**
 * A lesson's quiz: the questions come from the server without their answers; the server grades the
 * submission and only then shows the score, pass or fail, the correct choices, explanations and attempts left.
 */
export function QuizPage() {
  const { partId } = useParams({ strict: false }) as { partId: string };
  const t = useT();
  const lesson = useLearnerLesson(partId);
  return (
    <QueryState query={lesson}>
      {(l) => (
        <Page title={t('elearning.quizTitle', { title: l.title })}>
          <p className="mb-4">
            <Link
              to="/learning/lessons/$partId"
              params={{ partId }}
              className="text-key-900 underline underline-offset-4"
            >
              {t('elearning.backToLesson')}
            </Link>
          </p>
          {l.quiz ? <Quiz lesson={l} /> : <p>{t('elearning.noQuiz')}</p>}
        </Page>
      )}
    </QueryState>
  );
}

function Quiz({ lesson }: { lesson: LearnerLesson }) {
  const t = useT();
  const quiz = lesson.quiz!;
  const [attemptId, setAttemptId] = useState<string | null>(quiz.openAttemptId);
  const attempt = useAttempt(attemptId);
  const start = useStartAttempt(lesson.partId);

  if (attemptId) {
    return (
      <QueryState query={attempt}>
        {(a) =>
          a.status === 'in_progress' ? (
            <AttemptForm key={a.id} attempt={a} partId={lesson.partId} />
          ) : (
            <Review
              attempt={a}
              onRetry={
                a.status === 'failed' && a.attemptsLeft !== 0
                  ? () => start.mutate(undefined, { onSuccess: (n) => setAttemptId(n.id) })
                  : undefined
              }
              retrying={start.isPending}
            />
          )
        }
      </QueryState>
    );
  }
  if (quiz.passed) return <StatusMessage>{t('elearning.quizPassed')}</StatusMessage>;
  if (quiz.attemptsLeft === 0) return <ErrorAlert>{t('elearning.noAttemptsLeft')}</ErrorAlert>;
  return (
    <div>
      <p className="mb-4 max-w-3xl">
        {t('elearning.quizIntro', { count: quiz.questionCount, pass: quiz.passPercent })}{' '}
        {quiz.attemptsLeft !== null && t('elearning.attemptsLeft', { n: quiz.attemptsLeft })}
      </p>
      <ApiErrorAlert error={start.error} />
      <Button
        disabled={start.isPending}
        onClick={() => start.mutate(undefined, { onSuccess: (a) => setAttemptId(a.id) })}
      >
        {t('elearning.startQuiz')}
      </Button>
    </div>
  );
}

function AttemptForm({ attempt, partId }: { attempt: Attempt; partId: string }) {
  const t = useT();
  const submit = useSubmitAttempt(partId);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [missing, setMissing] = useState(false);

  const choose = (questionId: string, choiceId: string, multiple: boolean, on: boolean) => {
    setAnswers((prev) => {
      const cur = prev[questionId] ?? [];
      const next = multiple ? (on ? [...cur, choiceId] : cur.filter((c) => c !== choiceId)) : [choiceId];
      return { ...prev, [questionId]: next };
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const unanswered = attempt.questions.filter((q) => !(answers[q.questionId]?.length ?? 0));
    if (unanswered.length > 0) {
      setMissing(true);
      document.getElementById(`q-${unanswered[0]!.questionId}`)?.focus();
      return;
    }
    setMissing(false);
    submit.mutate({ id: attempt.id, answers });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="mb-4">{t('elearning.attemptNo', { n: attempt.attemptNo, pass: attempt.passPercent })}</p>
      <ol className="mb-6">
        {attempt.questions.map((q, i) => {
          const multiple = q.kind === 'multiple';
          const chosen = answers[q.questionId] ?? [];
          const empty = missing && chosen.length === 0;
          return (
            <li key={q.questionId} className="mb-6">
              <fieldset
                id={`q-${q.questionId}`}
                tabIndex={-1}
                aria-invalid={empty || undefined}
                className={`rounded-8 border p-4 ${empty ? 'border-2 border-error-2' : 'border-solid-gray-420'}`}
              >
                <legend className="px-1 text-std-17B-170">
                  {t('elearning.questionN', { n: i + 1 })} {q.prompt}
                  <span className="ml-2 text-std-16N-170 text-solid-gray-700">
                    {multiple ? t('elearning.chooseAll') : t('elearning.chooseOne')}
                  </span>
                </legend>
                {q.choices.map((c) => (
                  <label key={c.id} className="flex min-h-11 cursor-pointer items-center gap-3">
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={q.questionId}
                      value={c.id}
                      checked={chosen.includes(c.id)}
                      onChange={(e) => choose(q.questionId, c.id, multiple, e.target.checked)}
                      className="size-5"
                    />
                    <span>{c.text}</span>
                  </label>
                ))}
                {empty && <p className="mt-1 text-std-16B-170 text-error-2">{t('elearning.answerThis')}</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {missing && <ErrorAlert>{t('elearning.answerAll')}</ErrorAlert>}
      <ApiErrorAlert error={submit.error} />
      <Button type="submit" disabled={submit.isPending}>
        {t('elearning.submit')}
      </Button>
    </form>
  );
}

function Review({
  attempt,
  onRetry,
  retrying,
}: {
  attempt: Attempt;
  onRetry?: () => void;
  retrying: boolean;
}) {
  const t = useT();
  const passed = attempt.status === 'passed';
  const review = new Map((attempt.review ?? []).map((r) => [r.questionId, r]));
  return (
    <div>
      <div
        role="status"
        className={`mb-6 rounded-8 border-2 px-4 py-3 ${passed ? 'border-success-2 bg-green-50' : 'border-error-2 bg-red-50'}`}
      >
        <p className="text-std-22B-150">
          {passed ? t('elearning.resultPassed') : t('elearning.resultFailed')}
        </p>
        <p>
          {t('elearning.score', {
            score: attempt.scorePercent ?? 0,
            correct: attempt.correctCount ?? 0,
            total: attempt.questions.length,
            pass: attempt.passPercent,
          })}
        </p>
        {!passed && (
          <p>
            {attempt.attemptsLeft === null
              ? t('elearning.attemptsLeftUnlimited')
              : attempt.attemptsLeft === 0
                ? t('elearning.noAttemptsLeft')
                : t('elearning.attemptsLeft', { n: attempt.attemptsLeft })}
          </p>
        )}
      </div>
      <Section title={t('elearning.review')} id="quiz-review">
        <ol>
          {attempt.questions.map((q, i) => {
            const r = review.get(q.questionId);
            return (
              <li key={q.questionId} className="mb-5 rounded-8 border border-solid-gray-420 p-4">
                <p className="text-std-17B-170">
                  {t('elearning.questionN', { n: i + 1 })} {q.prompt}{' '}
                  <span className={r?.correct ? 'text-green-900' : 'text-error-2'}>
                    {r?.correct ? t('elearning.correct') : t('elearning.incorrect')}
                  </span>
                </p>
                <ul className="mt-2">
                  {q.choices.map((c) => {
                    const isRight = r?.correctChoiceIds.includes(c.id);
                    const picked = r?.chosen.includes(c.id);
                    return (
                      <li key={c.id} className={isRight ? 'font-bold' : ''}>
                        {c.text}
                        {isRight && ` — ${t('elearning.rightAnswer')}`}
                        {picked && ` (${t('elearning.yourAnswer')})`}
                      </li>
                    );
                  })}
                </ul>
                {r?.explanation && (
                  <p className="mt-2 text-solid-gray-700">
                    {t('elearning.explanation')}: {r.explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </Section>
      {onRetry && (
        <Button onClick={onRetry} disabled={retrying}>
          {t('elearning.retry')}
        </Button>
      )}
    </div>
  );
}
