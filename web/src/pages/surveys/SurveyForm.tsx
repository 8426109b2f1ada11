import { type FormEvent, useState } from 'react';
import type { SurveyDefinition, SurveyQuestion } from '../../../../src/shared/survey';
import {
  SURVEY_AUDIENCE_LABELS,
  SURVEY_AUDIENCES,
  SURVEY_QUESTION_TYPE_LABELS,
  SURVEY_QUESTION_TYPES,
  type SurveyAudience,
  type SurveyQuestionType,
} from '../../../../src/shared/vocab/surveys';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { ApiErrorAlert, ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import type { Survey } from '../../lib/queries/surveys';
import {
  acceptedCareQuestion,
  blankQuestion,
  censusChildrenQuestion,
  closesAtOfDay,
  dayOfClosesAt,
  moveQuestion,
  questionIssues,
  removeQuestion,
} from './builder';
import { QuestionEditor } from './QuestionEditor';
import { SheetImport } from './SheetImport';

export type SurveyFormValues = {
  title: string;
  description: string;
  audience: SurveyAudience;
  anonymous: boolean;
  openLink: boolean;
  closesAt: string | null;
  /** Absent when the questions are locked (answers have arrived). */
  definition?: SurveyDefinition;
};

/** The questions as they stand: how many, how many must be answered, how many are conditional. */
function QuestionsSummary({ questions }: { questions: readonly SurveyQuestion[] }) {
  const t = useT();
  return (
    <p className="mb-4 text-std-16N-170" role="status">
      {t('sv.form.questionsSummary', {
        n: questions.length,
        required: questions.filter((q) => q.required).length,
        conditional: questions.filter((q) => q.showIf).length,
      })}
    </p>
  );
}

/** A read-only list of the questions (when answers have arrived and they may no longer change). */
export function QuestionList({ questions }: { questions: readonly SurveyQuestion[] }) {
  const t = useT();
  return (
    <ol className="max-w-3xl list-decimal pl-6">
      {questions.map((q) => (
        <li key={q.id} className="mb-3">
          <span className="text-std-16B-170">{q.title}</span>
          {q.required && <span className="ml-2 text-dns-14B-130 text-error-2">{t('common.required')}</span>}
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {vocab(t, SURVEY_QUESTION_TYPE_LABELS, q.type)}
            {q.choices?.length ? `：${q.choices.map((c) => c.label).join(' / ')}` : ''}
            {q.showIf ? ` ・ ${t('sv.form.conditional')}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * A survey's settings and questions: title, description, audience, 無記名, open link, closing day (西暦 or 和暦),
 * the questions of every kind with conditions, reorder and remove, or read from an Excel sheet. Questions stay
 * fixed once answers have arrived (the server refuses a change), and the form says why.
 */
export function SurveyForm({
  survey,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  survey?: Survey;
  pending: boolean;
  error: unknown;
  onSubmit: (v: SurveyFormValues) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const locked = survey?.definitionLocked ?? false;
  const [title, setTitle] = useState(survey?.title ?? '');
  const [description, setDescription] = useState(survey?.description ?? '');
  const [audience, setAudience] = useState<SurveyAudience>(survey?.audience ?? 'parents');
  const [anonymous, setAnonymous] = useState(survey?.anonymous ?? false);
  const [openLink, setOpenLink] = useState(survey?.openLink ?? true);
  const initialDay = dayOfClosesAt(survey?.closesAt ?? null);
  const [closing, setClosing] = useState(initialDay ? formatDate(initialDay, 'ja') : '');
  const [questions, setQuestions] = useState<SurveyQuestion[]>(survey?.definition.questions ?? []);
  const [generation, setGeneration] = useState(0);
  const [newType, setNewType] = useState<SurveyQuestionType>('single');
  const [sheetOpen, setSheetOpen] = useState(false);
  const [checked, setChecked] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);
  const issues = questionIssues(questions);
  const closingIso = closing.trim() ? parseJapaneseDate(closing.trim()) : null;
  const closingError = checked && closing.trim() && !closingIso ? t('sv.form.closingInvalid') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setTitleError(title.trim() ? null : t('sv.form.titleMissing'));
    if (!title.trim() || (closing.trim() && !closingIso)) return;
    if (!locked && (questions.length === 0 || issues.size > 0)) return;
    onSubmit({
      title: title.trim(),
      description,
      audience,
      anonymous,
      openLink,
      closesAt: closingIso ? closesAtOfDay(closingIso) : null,
      ...(locked ? {} : { definition: { questions } }),
    });
  };
  const update = (i: number, q: SurveyQuestion) =>
    setQuestions((list) => list.map((x, j) => (j === i ? q : x)));

  return (
    <form onSubmit={submit} noValidate className="max-w-4xl">
      <Section id="survey-form-settings" title={t('sv.form.settings')}>
        <TextField label={t('sv.form.title')} required value={title} error={titleError} onChange={setTitle} />
        <TextAreaField
          label={t('sv.form.description')}
          rows={4}
          value={description}
          onChange={setDescription}
        />
        <div className="grid gap-x-4 md:grid-cols-2">
          <SelectField
            label={t('sv.form.audience')}
            value={audience}
            options={vocabOptions(t, SURVEY_AUDIENCES, SURVEY_AUDIENCE_LABELS)}
            onChange={(v) => setAudience(v as SurveyAudience)}
          />
          <TextField
            label={t('sv.form.closing')}
            hint={
              closingIso
                ? t('sv.form.closingShown', { date: formatDate(closingIso, locale, { weekday: true }) })
                : t('sv.form.closingHint')
            }
            value={closing}
            error={closingError}
            onChange={setClosing}
          />
        </div>
        <Checkbox
          label={t('sv.form.anonymous')}
          description={locked ? t('sv.form.anonymousLocked') : t('sv.form.anonymousHint')}
          checked={anonymous}
          onChange={(v) => {
            if (!locked) setAnonymous(v);
          }}
        />
        <Checkbox
          label={t('sv.form.openLink')}
          description={t('sv.form.openLinkHint')}
          checked={openLink}
          onChange={setOpenLink}
        />
      </Section>
      <Section id="survey-form-questions" title={t('sv.form.questions')}>
        <QuestionsSummary questions={questions} />
        {locked ? (
          <>
            <p className="mb-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 px-4 py-3">
              {t('sv.form.locked', { n: survey?.answers ?? 0 })}
            </p>
            <QuestionList questions={questions} />
          </>
        ) : (
          <>
            <div className="mb-4 flex flex-wrap gap-3">
              <Button variant="secondary" onClick={() => setSheetOpen(true)} aria-expanded={sheetOpen}>
                {t('sv.sheet.open')}
              </Button>
            </div>
            {sheetOpen && (
              <SheetImport
                onCancel={() => setSheetOpen(false)}
                onLoaded={(a) => {
                  setQuestions(a.definition.questions);
                  setGeneration((g) => g + 1);
                  if (!title.trim() && a.title) setTitle(a.title);
                }}
              />
            )}
            {questions.map((q, i) => (
              <QuestionEditor
                // The generation renews the editors' own text when questions are replaced or reordered; between
                // those changes a question keeps its place, and its name may be edited, so the place is the key.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={`${generation}:${i}`}
                question={q}
                index={i}
                all={questions}
                issues={checked ? (issues.get(i) ?? []) : []}
                onChange={(next) => update(i, next)}
                onMove={(d) => {
                  setQuestions((list) => moveQuestion(list, i, d));
                  setGeneration((g) => g + 1);
                }}
                onRemove={() => {
                  setQuestions((list) => removeQuestion(list, i));
                  setGeneration((g) => g + 1);
                }}
              />
            ))}
            <div className="mb-4 flex flex-wrap items-end gap-3">
              <SelectField
                label={t('sv.form.newType')}
                value={newType}
                options={vocabOptions(t, SURVEY_QUESTION_TYPES, SURVEY_QUESTION_TYPE_LABELS)}
                onChange={(v) => setNewType(v as SurveyQuestionType)}
              />
              <Button
                variant="secondary"
                className="mb-5"
                onClick={() => setQuestions((list) => [...list, blankQuestion(list, newType)])}
              >
                {t('sv.form.addQuestion')}
              </Button>
              {audience === 'providers' && !questions.some((q) => q.maps === 'accepted_care') && (
                <Button
                  variant="secondary"
                  className="mb-5"
                  onClick={() => setQuestions((list) => [...list, acceptedCareQuestion(list, locale)])}
                >
                  {t('sv.q.addCare')}
                </Button>
              )}
              {audience === 'municipalities' && !questions.some((q) => q.maps === 'census_children') && (
                <Button
                  variant="secondary"
                  className="mb-5"
                  onClick={() =>
                    setQuestions((list) => [
                      ...list,
                      censusChildrenQuestion(list, t('sv.census.questionTitle')),
                    ])
                  }
                >
                  {t('sv.census.addQuestion')}
                </Button>
              )}
            </div>
            {checked && questions.length === 0 && <ErrorAlert>{t('sv.form.noQuestions')}</ErrorAlert>}
            {checked && issues.size > 0 && (
              <ErrorAlert>{t('sv.form.fixQuestions', { n: issues.size })}</ErrorAlert>
            )}
          </>
        )}
      </Section>
      <ApiErrorAlert error={error} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {survey ? t('sv.form.save') : t('sv.form.create')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
