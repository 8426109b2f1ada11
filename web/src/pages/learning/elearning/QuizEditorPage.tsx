import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { QUESTION_KIND_LABELS } from '../../../../../src/shared/vocab/learning-elearning';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import {
  type Question,
  type StaffQuiz,
  useRetireQuestion,
  useSaveQuizSettings,
  useStaffCourseLessons,
  useStaffQuiz,
} from '../../../lib/queries/learning-elearning';
import { QuestionForm } from './QuestionForm';

/** A lesson's quiz for staff: pass mark, attempt limit, questions per attempt, and the question bank. */
export function QuizEditorPage() {
  const { courseId, partId } = useParams({ strict: false }) as { courseId: string; partId: string };
  const t = useT();
  const quiz = useStaffQuiz(partId);
  const lessons = useStaffCourseLessons(courseId);
  const lesson = lessons.data?.lessons.find((l) => l.partId === partId);
  const canManage = lessons.data?.course.canManage ?? false;
  // What was saved is kept here, not in the forms: the settings form is keyed on the settings and a question's item
  // on its version, so both remount with the saved quiz and would lose their own flag.
  const [settingsSaved, setSettingsSaved] = useState(false);
  const [savedQuestionId, setSavedQuestionId] = useState<string | null>(null);
  return (
    <Page title={t('elearning.quizEditorTitle', { title: lesson?.title ?? '' })}>
      <p className="mb-6">
        <Link
          to="/learning/elearning/$courseId"
          params={{ courseId }}
          className="text-key-900 underline underline-offset-4"
        >
          {t('elearning.backToCourse')}
        </Link>
      </p>
      <QueryState query={quiz}>
        {(q) => {
          const savedN = q.questions.findIndex((x) => x.id === savedQuestionId) + 1;
          return (
            <>
              <Section title={t('elearning.quizSettings')} id="quiz-settings">
                <SettingsForm
                  key={JSON.stringify(q.settings)}
                  quiz={q}
                  canManage={canManage}
                  saved={settingsSaved}
                  setSaved={setSettingsSaved}
                />
              </Section>
              <Section title={t('elearning.questionBank')} id="quiz-bank">
                <StatusMessage>
                  {savedN > 0 ? t('elearning.questionSaved', { n: savedN }) : null}
                </StatusMessage>
                {q.questions.length === 0 && <p className="mb-4">{t('elearning.noQuestions')}</p>}
                <ol>
                  {q.questions.map((question, i) => (
                    <li key={`${question.id}:${question.version}`} className="mb-4">
                      <QuestionItem
                        partId={partId}
                        question={question}
                        n={i + 1}
                        canManage={canManage}
                        onEdit={() => setSavedQuestionId(null)}
                        onSaved={setSavedQuestionId}
                      />
                    </li>
                  ))}
                </ol>
                {canManage && (
                  <div className="mt-6 rounded-8 border border-solid-gray-420 p-4">
                    <h3 className="mb-3 text-std-20B-150">{t('elearning.addQuestion')}</h3>
                    <QuestionForm partId={partId} question={null} />
                  </div>
                )}
              </Section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function SettingsForm({
  quiz,
  canManage,
  saved,
  setSaved,
}: {
  quiz: StaffQuiz;
  canManage: boolean;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}) {
  const t = useT();
  const save = useSaveQuizSettings(quiz.partId, () => setSaved(true));
  const s = quiz.settings;
  const [pass, setPass] = useState(String(s?.passPercent ?? 80));
  const [limit, setLimit] = useState(s?.attemptLimit ? String(s.attemptLimit) : '');
  const [draw, setDraw] = useState(s?.questionsPerAttempt ? String(s.questionsPerAttempt) : '');
  const int = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
  const passErr = !(int(pass) >= 1 && int(pass) <= 100) ? t('elearning.passMarkError') : null;
  const limitErr = limit.trim() && !(int(limit) >= 1 && int(limit) <= 100) ? t('elearning.limitError') : null;
  const drawErr = draw.trim() && !(int(draw) >= 1 && int(draw) <= 200) ? t('elearning.drawError') : null;
  const [shown, setShown] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setSaved(false);
    if (passErr || limitErr || drawErr) return;
    save.mutate({
      passPercent: int(pass),
      attemptLimit: limit.trim() ? int(limit) : null,
      questionsPerAttempt: draw.trim() ? int(draw) : null,
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      {!s && <p className="mb-4">{t('elearning.settingsNotSet')}</p>}
      <TextField
        label={t('elearning.passMark')}
        hint={t('elearning.passMarkHint')}
        inputMode="numeric"
        value={pass}
        onChange={setPass}
        required
        readOnly={!canManage}
        error={shown ? passErr : null}
      />
      <TextField
        label={t('elearning.attemptLimit')}
        hint={t('elearning.attemptLimitHint')}
        inputMode="numeric"
        value={limit}
        onChange={setLimit}
        readOnly={!canManage}
        error={shown ? limitErr : null}
      />
      <TextField
        label={t('elearning.questionsPerAttempt')}
        hint={t('elearning.questionsPerAttemptHint')}
        inputMode="numeric"
        value={draw}
        onChange={setDraw}
        readOnly={!canManage}
        error={shown ? drawErr : null}
      />
      <ApiErrorAlert error={save.error} />
      {canManage && (
        <Button type="submit" disabled={save.isPending}>
          {t('elearning.saveSettings')}
        </Button>
      )}
      <StatusMessage>{saved ? t('elearning.settingsSaved') : null}</StatusMessage>
    </form>
  );
}

function QuestionItem({
  partId,
  question,
  n,
  canManage,
  onEdit,
  onSaved,
}: {
  partId: string;
  question: Question;
  n: number;
  canManage: boolean;
  onEdit: () => void;
  onSaved: (questionId: string) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const retire = useRetireQuestion();
  return (
    <div className="rounded-8 border border-solid-gray-420 p-4">
      {editing ? (
        <QuestionForm
          partId={partId}
          question={question}
          onDone={() => setEditing(false)}
          onSaved={onSaved}
        />
      ) : (
        <>
          <p className="text-std-17B-170">
            {t('elearning.questionN', { n })} {question.prompt}
            <span className="ml-2 text-std-16N-170 text-solid-gray-700">
              {vocab(t, QUESTION_KIND_LABELS, question.kind)}
            </span>
          </p>
          <ul className="mt-2 list-disc pl-6">
            {question.choices.map((c) => (
              <li key={c.id} className={question.correct.includes(c.id) ? 'font-bold' : ''}>
                {c.text}
                {question.correct.includes(c.id) && ` — ${t('elearning.rightAnswer')}`}
              </li>
            ))}
          </ul>
          {question.explanation && (
            <p className="mt-2 text-solid-gray-700">
              {t('elearning.explanation')}: {question.explanation}
            </p>
          )}
          <ApiErrorAlert error={retire.error} />
          {canManage && (
            <div className="mt-3 flex gap-3">
              <Button
                variant="secondary"
                onClick={() => {
                  onEdit();
                  setEditing(true);
                }}
              >
                {t('elearning.editQuestion')}
              </Button>
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {t('elearning.retireQuestion')}
              </Button>
            </div>
          )}
          <ConfirmDialog
            open={confirming}
            message={t('elearning.confirmRetire')}
            confirmLabel={t('elearning.retireQuestion')}
            danger
            onConfirm={() => {
              setConfirming(false);
              retire.mutate(question.id);
            }}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
    </div>
  );
}
