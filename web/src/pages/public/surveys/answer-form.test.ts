import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../../../src/shared/survey';
import { checkDraft, problemsFromIssues, readDate, readNumber, visibleQuestions } from './answer-form';

const def: SurveyDefinition = {
  questions: [
    {
      id: 'satisfied',
      type: 'single',
      title: '満足していますか',
      required: true,
      choices: [
        { value: 'yes', label: '満足' },
        { value: 'no', label: '不満' },
      ],
    },
    {
      id: 'needs',
      type: 'multiple',
      title: '足りない支援',
      required: true,
      choices: [
        { value: 'short_stay', label: '短期入所' },
        { value: 'nursery', label: '保育所' },
      ],
      showIf: { question: 'satisfied', anyOf: ['no'] },
    },
    { id: 'age', type: 'number', title: '年齢', required: false, min: 0, max: 25 },
    { id: 'first', type: 'date', title: '初めて相談した日', required: false },
    {
      id: 'grid',
      type: 'matrix',
      title: '評価',
      required: true,
      choices: [
        { value: 'good', label: '良い' },
        { value: 'bad', label: '悪い' },
      ],
      rows: [
        { value: 'staff', label: '職員' },
        { value: 'place', label: '場所' },
      ],
    },
    { id: 'comment', type: 'text', title: 'ご意見', required: false },
  ],
};

describe('reading what was typed', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['－３', -3],
    ['1,200', 1200],
    ['2.5', 2.5],
    ['', null],
    ['十二', null],
    ['1e3', null],
  ])('number %s → %s', (text, n) => expect(readNumber(text)).toBe(n));

  it.each([
    ['令和8年4月1日', '2026-04-01'],
    ['R8.4.1', '2026-04-01'],
    ['２０２６／４／１', '2026-04-01'],
    ['平成31年5月1日', null],
    ['', null],
  ])('date %s → %s', (text, iso) => expect(readDate(text)).toBe(iso));
});

describe('the form’s check before sending', () => {
  it('asks a question only when its condition holds', () => {
    expect(visibleQuestions(def, {}).map((q) => q.id)).not.toContain('needs');
    expect(visibleQuestions(def, { satisfied: 'no' }).map((q) => q.id)).toContain('needs');
  });

  it('says the same as the server, one problem per question, in question order', () => {
    const { problems } = checkDraft(def, {
      satisfied: 'no',
      age: '30',
      first: '令和8年2月30日',
      grid: { staff: 'good' },
    });
    expect(problems).toEqual([
      { question: 'needs', code: 'required' },
      { question: 'age', code: 'out_of_range' },
      { question: 'first', code: 'not_a_date' },
      { question: 'grid', code: 'required_matrix' },
    ]);
    expect(checkDraft(def, { age: '二十' }).problems).toContainEqual({
      question: 'age',
      code: 'not_a_number',
    });
    expect(checkDraft(def, {}).problems).toContainEqual({ question: 'grid', code: 'required' });
  });

  it('sends the answers as kept: 和暦 as ISO, numbers read, hidden and empty answers left out, text trimmed', () => {
    const { answers, problems } = checkDraft(def, {
      satisfied: 'yes',
      needs: ['nursery'],
      age: '７',
      first: 'R7.4.1',
      grid: { staff: 'good', place: 'bad' },
      comment: '  ありがとう ',
    });
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      satisfied: 'yes',
      age: 7,
      first: '2025-04-01',
      grid: { staff: 'good', place: 'bad' },
      comment: 'ありがとう',
    });
  });

  it('reads the server’s refusal into the questions', () => {
    expect(
      problemsFromIssues([
        { path: 'answers.age', message: 'out_of_range' },
        { path: 'municipalityCode', message: 'not_in_prefecture' },
      ]),
    ).toEqual([{ question: 'age', code: 'out_of_range' }]);
  });
});
