import { type FormEvent, useState } from 'react';
import { QUESTION_KIND_LABELS, QUESTION_KINDS } from '../../../../../src/shared/vocab/learning-elearning';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import { type Question, type QuestionInput, useSaveQuestion } from '../../../lib/queries/learning-elearning';

type Draft = { id: string; text: string; correct: boolean };

/** A quiz question's form (QuizEditorPage): adding one to the bank, or editing one in place. */
export function QuestionForm({
  partId,
  question,
  onDone,
  onSaved,
}: {
  partId: string;
  question: Question | null;
  onDone?: () => void;
  /** An edit's saved question, told from the mutation itself (this form is gone by the time `mutate` would tell). */
  onSaved?: (questionId: string) => void;
}) {
  const t = useT();
  const save = useSaveQuestion(
    partId,
    question
      ? (saved) => {
          onSaved?.(saved.id);
          onDone?.();
        }
      : undefined,
  );
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
      // Adding: this form stays on the page, so its own callback runs and it clears itself for the next question.
      {
        onSuccess: () => {
          if (question) return;
          setSaved(true);
          setPrompt('');
          setExplanation('');
          setChoices(fresh());
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
