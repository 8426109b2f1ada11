import { describe, expect, it } from 'vitest';
import { checkAnswers, definitionProblems, isShown, type SurveyDefinition } from './survey';

const def: SurveyDefinition = {
  questions: [
    {
      id: 'uses',
      type: 'single',
      title: '使っていますか',
      required: true,
      choices: [
        { value: 'y', label: 'はい' },
        { value: 'n', label: 'いいえ' },
      ],
    },
    {
      id: 'why',
      type: 'multiple',
      title: 'なぜ',
      required: true,
      choices: [{ value: 'a', label: 'A' }],
      showIf: { question: 'uses', anyOf: ['n'] },
    },
    { id: 'n', type: 'number', title: '数', required: false, min: 0, max: 10 },
    { id: 'd', type: 'date', title: '日', required: false },
    {
      id: 'm',
      type: 'matrix',
      title: '評価',
      required: true,
      rows: [
        { value: 'r1', label: '行1' },
        { value: 'r2', label: '行2' },
      ],
      choices: [
        { value: 'good', label: '良い' },
        { value: 'bad', label: '悪い' },
      ],
    },
  ],
};

describe('survey definitions', () => {
  it('accepts a good definition and names what is wrong with a bad one', () => {
    expect(definitionProblems(def)).toEqual([]);
    const bad: SurveyDefinition = {
      questions: [
        { id: 'Bad id', type: 'single', title: '', required: false, choices: [] },
        { id: 'x', type: 'text', title: 't', required: false, showIf: { question: 'later', anyOf: ['a'] } },
        { id: 'x', type: 'number', title: 'n', required: false, min: 5, max: 1 },
      ],
    };
    expect(definitionProblems(bad).map((p) => p.path)).toEqual([
      'questions.0.id',
      'questions.0.title',
      'questions.0.choices',
      'questions.1.showIf',
      'questions.2.id',
      'questions.2.max',
    ]);
    expect(definitionProblems({ questions: [] })).toHaveLength(1);
  });
});

describe('answers', () => {
  it('asks a question only when its condition holds, and drops a hidden answer', () => {
    expect(isShown(def.questions[1]!, { uses: 'y' })).toBe(false);
    const { problems, kept } = checkAnswers(def, { uses: 'y', why: ['a'], m: { r1: 'good', r2: 'bad' } });
    expect(problems).toEqual([]);
    expect(kept).toEqual({ uses: 'y', m: { r1: 'good', r2: 'bad' } });
    expect(checkAnswers(def, { uses: 'n', m: { r1: 'good', r2: 'bad' } }).problems).toEqual([
      { question: 'why', code: 'required' },
    ]);
  });

  it('names each kind of wrong answer', () => {
    const { problems } = checkAnswers(def, {
      uses: 'maybe',
      n: 11,
      d: '2025-02-30',
      m: { r1: 'good' },
      extra: 'x',
    });
    expect(problems).toEqual([
      { question: 'extra', code: 'unknown_question' },
      { question: 'uses', code: 'not_a_choice' },
      { question: 'n', code: 'out_of_range' },
      { question: 'd', code: 'not_a_date' },
      { question: 'm', code: 'required' },
    ]);
  });
});
