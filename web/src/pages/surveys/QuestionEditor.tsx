import { useId, useState } from 'react';
import type { SurveyQuestion } from '../../../../src/shared/survey';
import {
  SURVEY_QUESTION_TYPE_LABELS,
  SURVEY_QUESTION_TYPES,
  type SurveyQuestionType,
} from '../../../../src/shared/vocab/surveys';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { vocabOptions } from '../../i18n/vocab';
import { choicesFromText, choicesText, conditionSources, type QuestionIssue, withType } from './builder';

const numberOrUndefined = (s: string) => {
  const n = Number(s.normalize('NFKC').trim());
  return s.trim() === '' || !Number.isFinite(n) ? undefined : n;
};

/** A text area holding one label a line; the text stays as typed, the choices follow it. */
function LinesField({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  hint: string;
  value: SurveyQuestion['choices'];
  onChange: (v: NonNullable<SurveyQuestion['choices']>) => void;
  error?: string | null;
}) {
  const [text, setText] = useState(() => choicesText(value));
  return (
    <TextAreaField
      label={label}
      hint={hint}
      rows={4}
      value={text}
      error={error}
      onChange={(v) => {
        setText(v);
        onChange(choicesFromText(v, value));
      }}
    />
  );
}

/**
 * One question of the builder: its kind, text, help, whether it must be answered, its choices (or a matrix's
 * rows and columns, or a number's range), a condition on an earlier choice question, and move / remove.
 */
export function QuestionEditor({
  question: q,
  index,
  all,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  question: SurveyQuestion;
  index: number;
  all: readonly SurveyQuestion[];
  issues: readonly QuestionIssue[];
  onChange: (q: SurveyQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const legendId = useId();
  const n = index + 1;
  const issue = (code: QuestionIssue) => (issues.includes(code) ? t(`sv.issue.${code}`) : null);
  const sources = conditionSources(all, index);
  const on = q.showIf ? sources.find((s) => s.id === q.showIf?.question) : undefined;
  return (
    <fieldset
      aria-labelledby={legendId}
      className="mb-6 rounded-8 border border-solid-gray-420 p-4"
      data-question={q.id}
    >
      <legend id={legendId} className="px-2 text-std-17B-170">
        {t('sv.q.legend', { n })}
      </legend>
      {q.maps === 'accepted_care' && <p className="mb-3">{t('sv.q.careNote')}</p>}
      {q.maps === 'census_children' && <p className="mb-3">{t('sv.census.questionNote')}</p>}
      <div className="grid gap-x-4 md:grid-cols-2">
        <SelectField
          label={t('sv.q.type')}
          value={q.type}
          options={vocabOptions(t, SURVEY_QUESTION_TYPES, SURVEY_QUESTION_TYPE_LABELS)}
          onChange={(v) => onChange(withType(q, v as SurveyQuestionType))}
        />
        <TextField
          label={t('sv.q.id')}
          hint={t('sv.q.idHint')}
          value={q.id}
          error={issue('bad_id') ?? issue('duplicate_id')}
          onChange={(v) => onChange({ ...q, id: v.trim() })}
        />
      </div>
      <TextField
        label={t('sv.q.title')}
        required
        value={q.title}
        error={issue('no_title')}
        onChange={(v) => onChange({ ...q, title: v })}
      />
      <TextField
        label={t('sv.q.help')}
        value={q.help ?? ''}
        onChange={(v) => onChange({ ...q, help: v || undefined })}
      />
      <Checkbox
        label={t('sv.q.required')}
        checked={q.required}
        onChange={(v) => onChange({ ...q, required: v })}
      />
      {(q.type === 'single' || q.type === 'multiple') && (
        <LinesField
          label={t('sv.q.choices')}
          hint={t('sv.q.choicesHint')}
          value={q.choices}
          error={issue('no_choices')}
          onChange={(choices) => onChange({ ...q, choices })}
        />
      )}
      {q.type === 'matrix' && (
        <div className="grid gap-x-4 md:grid-cols-2">
          <LinesField
            label={t('sv.q.rows')}
            hint={t('sv.q.rowsHint')}
            value={q.rows}
            error={issue('no_rows')}
            onChange={(rows) => onChange({ ...q, rows })}
          />
          <LinesField
            label={t('sv.q.columns')}
            hint={t('sv.q.columnsHint')}
            value={q.choices}
            error={issue('no_choices')}
            onChange={(choices) => onChange({ ...q, choices })}
          />
        </div>
      )}
      {q.type === 'number' && (
        <div className="grid gap-x-4 md:grid-cols-2">
          <TextField
            label={t('sv.q.min')}
            inputMode="numeric"
            value={q.min === undefined ? '' : String(q.min)}
            onChange={(v) => onChange({ ...q, min: numberOrUndefined(v) })}
          />
          <TextField
            label={t('sv.q.max')}
            inputMode="numeric"
            value={q.max === undefined ? '' : String(q.max)}
            error={issue('min_over_max')}
            onChange={(v) => onChange({ ...q, max: numberOrUndefined(v) })}
          />
        </div>
      )}
      {sources.length > 0 && (
        <SelectField
          label={t('sv.q.showIf')}
          hint={t('sv.q.showIfHint')}
          value={q.showIf?.question ?? ''}
          emptyLabel={t('sv.q.always')}
          options={sources.map((s) => ({
            value: s.id,
            label: t('sv.q.conditionOn', { n: all.indexOf(s) + 1, title: s.title || s.id }),
          }))}
          onChange={(v) => {
            if (!v) {
              const { showIf: _drop, ...rest } = q;
              onChange(rest);
            } else onChange({ ...q, showIf: { question: v, anyOf: [] } });
          }}
        />
      )}
      {on && q.showIf && (
        <fieldset className="mb-5">
          <legend className="mb-1 text-std-16B-170">{t('sv.q.whenAnswered')}</legend>
          {(on.choices ?? []).map((c) => (
            <Checkbox
              key={c.value}
              label={c.label}
              checked={q.showIf?.anyOf.includes(c.value) ?? false}
              onChange={(checked) => {
                const anyOf = new Set(q.showIf?.anyOf ?? []);
                if (checked) anyOf.add(c.value);
                else anyOf.delete(c.value);
                onChange({ ...q, showIf: { question: on.id, anyOf: [...anyOf] } });
              }}
            />
          ))}
          {issue('condition_choice') && (
            <p className="mt-1 text-std-16B-170 text-error-2">{issue('condition_choice')}</p>
          )}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          disabled={index === 0}
          aria-label={t('sv.q.upN', { n })}
          onClick={() => onMove(-1)}
        >
          {t('sv.q.up')}
        </Button>
        <Button
          variant="secondary"
          disabled={index === all.length - 1}
          aria-label={t('sv.q.downN', { n })}
          onClick={() => onMove(1)}
        >
          {t('sv.q.down')}
        </Button>
        <Button variant="danger" aria-label={t('sv.q.removeN', { n })} onClick={onRemove}>
          {t('sv.q.remove')}
        </Button>
      </div>
    </fieldset>
  );
}
