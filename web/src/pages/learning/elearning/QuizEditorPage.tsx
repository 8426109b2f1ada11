import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { QUESTION_KIND_LABELS, QUESTION_KINDS } from '../../../../../src/shared/vocab/learning-elearning';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import {
  type Question,
  type QuestionInput,
  type StaffQuiz,
  useRetireQuestion,
  useSaveQuestion,
  useSaveQuizSettings,
  useStaffCourseLessons,
  useStaffQuiz,
} from '../../../lib/queries/learning-elearning';

/** A lesson's quiz for staff: pass mark, attempt limit, questions per attempt, and the question bank. */
export function QuizEditorPage() {
  const { courseId, partId } = useParams({ strict: false }) as { courseId: string; partId: string };
  const t = useT();
  const quiz = useStaffQuiz(partId);
  const lessons = useStaffCourseLessons(courseId);
  const lesson = lessons.data?.lessons.find((l) => l.partId === partId);
  const canManage = lessons.data?.course.canManage ?? false;
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
        {(q) => (
          <>
            <Section title={t('elearning.quizSettings')} id="quiz-settings">
              <SettingsForm key={JSON.stringify(q.settings)} quiz={q} canManage={canManage} />
            </Section>
            <Section title={t('elearning.questionBank')} id="quiz-bank">
              {q.questions.length === 0 && <p className="mb-4">{t('elearning.noQuestions')}</p>}
              <ol>
                {q.questions.map((question, i) => (
                  <li key={`${question.id}:${question.version}`} className="mb-4">
                    <QuestionItem partId={partId} question={question} n={i + 1} canManage={canManage} />
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
        )}
      </QueryState>
    </Page>
  );
}

function SettingsForm({ quiz, canManage }: { quiz: StaffQuiz; canManage: boolean }) {
  const t = useT();
  const save = useSaveQuizSettings(quiz.partId);
  const s = quiz.settings;
  const [pass, setPass] = useState(String(s?.passPercent ?? 80));
  const [limit, setLimit] = useState(s?.attemptLimit ? String(s.attemptLimit) : '');
  const [draw, setDraw] = useState(s?.questionsPerAttempt ? String(s.questionsPerAttempt) : '');
  const [saved, setSaved] = useState(false);
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
    save.mutate(
      {
        passPercent: int(pass),
        attemptLimit: limit.trim() ? int(limit) : null,
        questionsPerAttempt: draw.trim() ? int(draw) : null,
      },
      { onSuccess: () => setSaved(true) },
    );
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
}: {
  partId: string;
  question: Question;
  n: number;
  canManage: boolean;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const retire = useRetireQuestion();
  return (
    <div className="rounded-8 border border-solid-gray-420 p-4">
      {editing ? (
        <QuestionForm partId={partId} question={question} onDone={() => setEditing(false)} />
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
              <Button variant="secondary" onClick={() => setEditing(true)}>
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

type Draft = { id: string; text: string; correct: boolean };

function QuestionForm({
  partId,
  question,
  onDone,
}: {
  partId: string;
  question: Question | null;
  onDone?: () => void;
}) {
  const t = useT();
  const save = useSaveQuestion(partId);
  const fresh = (): Draft[] => [
    { id: 'a', text: '', correct: true },
    { id: 'b', text: '', correct: false },
  ];
  const [kind, setKind] = useState<QuestionInput['kind']>(question?.kind ?? 'single');
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [explanation, setExplanation] = useState(question?.explanation ?? '');
  const [choices, setChoices] = useState<Draft[]>(
    question ? question.choices.map((c) => ({ ...c, correct: question.correct.includes(c.id) })) : fresh(),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nextId = () => {
    const used = new Set(choices.map((c) => c.id));
    for (const letter of 'abcdefghij') if (!used.has(letter)) return letter;
    return `c${choices.length + 1}`;
  };
  const setCorrect = (id: string, on: boolean) =>
    setChoices((cs) =>
      cs.map((c) =>
        kind === 'single' ? { ...c, correct: c.id === id } : c.id === id ? { ...c, correct: on } : c,
      ),
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const filled = choices.filter((c) => c.text.trim());
    const correct = filled.filter((c) => c.correct).map((c) => c.id);
    if (!prompt.trim()) return setProblem(t('elearning.promptRequired'));
    if (filled.length < 2) return setProblem(t('elearning.twoChoices'));
    if (correct.length === 0) return setProblem(t('elearning.oneCorrect'));
    if (kind === 'single' && correct.length > 1) return setProblem(t('elearning.singleOneCorrect'));
    setProblem(null);
    save.mutate(
      {
        id: question?.id ?? null,
        version: question?.version,
        body: {
          kind,
          prompt: prompt.trim(),
          choices: filled.map((c) => ({ id: c.id, text: c.text.trim() })),
          correct,
          explanation: explanation.trim(),
        },
      },
      {
        onSuccess: () => {
          setSaved(true);
          if (question) onDone?.();
          else {
            setPrompt('');
            setExplanation('');
            setChoices(fresh());
          }
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('elearning.questionKind')}
        value={kind}
        onChange={(v) => {
          setKind(v as QuestionInput['kind']);
          if (v === 'single') {
            const first = choices.find((c) => c.correct)?.id;
            setChoices((cs) => cs.map((c) => ({ ...c, correct: c.id === first })));
          }
        }}
        options={vocabOptions(t, QUESTION_KINDS, QUESTION_KIND_LABELS)}
      />
      <TextAreaField label={t('elearning.prompt')} value={prompt} onChange={setPrompt} required />
      <fieldset className="mb-5">
        <legend className="mb-1 text-std-17B-170">{t('elearning.choices')}</legend>
        <p className="mb-2 text-solid-gray-700">{t('elearning.choicesHint')}</p>
        {choices.map((c, i) => (
          <div key={c.id} className="mb-2 flex flex-wrap items-center gap-3">
            <label className="flex min-h-11 items-center gap-2">
              <input
                type={kind === 'single' ? 'radio' : 'checkbox'}
                name={`correct-${question?.id ?? 'new'}`}
                className="size-5"
                checked={c.correct}
                onChange={(e) => setCorrect(c.id, e.target.checked)}
              />
              {t('elearning.isCorrect')}
            </label>
            <input
              type="text"
              aria-label={t('elearning.choiceN', { n: i + 1 })}
              value={c.text}
              onChange={(e) =>
                setChoices((cs) => cs.map((x) => (x.id === c.id ? { ...x, text: e.target.value } : x)))
              }
              className="min-h-12 flex-1 rounded-8 border border-solid-gray-600 px-4"
            />
            {choices.length > 2 && (
              <Button variant="text" onClick={() => setChoices((cs) => cs.filter((x) => x.id !== c.id))}>
                {t('elearning.removeChoice', { n: i + 1 })}
              </Button>
            )}
          </div>
        ))}
        {choices.length < 10 && (
          <Button
            variant="secondary"
            onClick={() => setChoices((cs) => [...cs, { id: nextId(), text: '', correct: false }])}
          >
            {t('elearning.addChoice')}
          </Button>
        )}
      </fieldset>
      <TextAreaField
        label={t('elearning.explanation')}
        hint={t('elearning.explanationHint')}
        value={explanation}
        onChange={setExplanation}
      />
      {problem && <ErrorAlert>{problem}</ErrorAlert>}
      <ApiErrorAlert error={save.error} />
      <div className="flex gap-3">
        <Button type="submit" disabled={save.isPending}>
          {question ? t('elearning.saveQuestion') : t('elearning.addQuestion')}
        </Button>
        {question && (
          <Button variant="secondary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      <StatusMessage>{saved && !question ? t('elearning.questionAdded') : null}</StatusMessage>
    </form>
  );
}
