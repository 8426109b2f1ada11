import type { SurveyQuestion } from '../../../../../src/shared/survey';
import { INPUT_CLASS, RequiredMark } from '../../../components/Field';
import { type Translate, useLocale, useT } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { type DraftValue, type FormProblem, readDate, textLimit } from './answer-form';

/**
 * One question of the answering page, accessibly: choices and matrices as fieldsets with a legend (a matrix row
 * is a group of its own, so the columns stack on a phone), text, number and date inputs with their label; the
 * help and the error tied to the control with aria-describedby, aria-invalid on error. The question's anchor is
 * `q-<id>` (the error summary links to it).
 */

const CHOICE_ROW =
  'flex min-h-11 cursor-pointer items-center gap-3 rounded-8 px-2 py-1 text-std-16N-170 hover:bg-solid-gray-50';
const CONTROL = 'size-6 shrink-0 accent-key-900';

export const questionAnchor = (id: string) => `q-${id}`;

/** The message of a problem in the reader's language. */
export function problemText(t: Translate, q: SurveyQuestion, p: FormProblem): string {
  switch (p.code) {
    case 'required_matrix':
      return t('publicSurvey.problem.requiredMatrix');
    case 'out_of_range':
      return t('publicSurvey.problem.out_of_range', { range: numberHint(t, q) });
    case 'too_long':
      return t('publicSurvey.problem.too_long', { n: textLimit(q) });
    default:
      return t(`publicSurvey.problem.${p.code}`);
  }
}

function numberHint(t: Translate, q: SurveyQuestion): string {
  if (q.min !== undefined && q.max !== undefined)
    return t('publicSurvey.numberHint', { min: q.min, max: q.max });
  if (q.min !== undefined) return t('publicSurvey.numberMin', { min: q.min });
  if (q.max !== undefined) return t('publicSurvey.numberMax', { max: q.max });
  return t('publicSurvey.numberAny');
}

type Props = {
  q: SurveyQuestion;
  value: DraftValue | undefined;
  onChange: (value: DraftValue) => void;
  problem: FormProblem | undefined;
};

export function QuestionField({ q, value, onChange, problem }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const id = questionAnchor(q.id);
  const hintParts: string[] = [];
  if (q.help) hintParts.push(q.help);
  if (q.type === 'number') hintParts.push(numberHint(t, q));
  if (q.type === 'date') hintParts.push(t('publicSurvey.dateHint'));
  if (q.type === 'text' || q.type === 'long_text')
    hintParts.push(t('publicSurvey.textLimit', { n: textLimit(q) }));
  const hintId = hintParts.length ? `${id}-hint` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = problem ? true : undefined;
  const hint = hintId ? (
    <p id={hintId} className="mb-2 text-std-16N-170 text-solid-gray-700">
      {hintParts.join('　')}
    </p>
  ) : null;
  const error = problem ? (
    <p id={errorId} className="mt-1 text-std-16B-170 text-error-2">
      {problemText(t, q, problem)}
    </p>
  ) : null;
  const title = (
    <>
      {q.title}
      <RequiredMark required={q.required} />
    </>
  );

  if (q.type === 'single' || q.type === 'multiple') {
    const ticked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <fieldset id={id} tabIndex={-1} className="mb-8 min-w-0" aria-describedby={describedBy}>
        <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{title}</legend>
        {hint}
        <div className="flex flex-col gap-1">
          {(q.choices ?? []).map((c) => (
            <label key={c.value} className={CHOICE_ROW}>
              <input
                type={q.type === 'single' ? 'radio' : 'checkbox'}
                name={q.id}
                value={c.value}
                checked={ticked.includes(c.value)}
                aria-invalid={invalid}
                onChange={(e) => {
                  if (q.type === 'single') onChange(c.value);
                  else
                    onChange(e.target.checked ? [...ticked, c.value] : ticked.filter((v) => v !== c.value));
                }}
                className={CONTROL}
              />
              <span className="min-w-0 break-words">{c.label}</span>
            </label>
          ))}
        </div>
        {error}
      </fieldset>
    );
  }

  if (q.type === 'matrix') {
    const chosen = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset id={id} tabIndex={-1} className="mb-8 min-w-0" aria-describedby={describedBy}>
        <legend className="mb-1 text-std-17B-170 text-solid-gray-900">{title}</legend>
        {hint}
        {(q.rows ?? []).map((r) => (
          <fieldset
            key={r.value}
            className="mb-3 min-w-0 rounded-8 border border-solid-gray-300 px-3 py-2"
            aria-invalid={problem && !chosen[r.value] ? true : undefined}
          >
            <legend className="px-1 text-std-16B-170 text-solid-gray-900">{r.label}</legend>
            <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
              {(q.choices ?? []).map((c) => (
                <label key={c.value} className={CHOICE_ROW}>
                  <input
                    type="radio"
                    name={`${q.id}.${r.value}`}
                    value={c.value}
                    checked={chosen[r.value] === c.value}
                    onChange={() => onChange({ ...chosen, [r.value]: c.value })}
                    className={CONTROL}
                  />
                  <span className="min-w-0 break-words">{c.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error}
      </fieldset>
    );
  }

  const text = typeof value === 'string' ? value : '';
  const inputId = `${id}-input`;
  const iso = q.type === 'date' ? readDate(text) : null;
  const common = {
    id: inputId,
    value: text,
    required: q.required,
    'aria-required': q.required || undefined,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    className: INPUT_CLASS,
  };
  return (
    <div id={id} tabIndex={-1} className="mb-8">
      <label htmlFor={inputId} className="mb-1 block text-std-17B-170 text-solid-gray-900">
        {title}
      </label>
      {hint}
      {q.type === 'long_text' ? (
        <textarea {...common} rows={5} maxLength={textLimit(q)} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={q.type === 'number' ? 'decimal' : 'text'}
          maxLength={q.type === 'text' ? textLimit(q) : undefined}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {q.type === 'date' && (
        <p className="mt-1 min-h-7 text-std-16N-170 text-solid-gray-700" aria-live="polite">
          {iso ? t('publicSurvey.dateRead', { date: formatDate(iso, locale, { western: true }) }) : ''}
        </p>
      )}
      {error}
    </div>
  );
}
