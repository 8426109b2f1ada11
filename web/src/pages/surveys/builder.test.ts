import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../../src/shared/survey';
import {
  blankQuestion,
  choicesFromText,
  closesAtOfDay,
  dayOfClosesAt,
  moveQuestion,
  nextQuestionId,
  parseRecipients,
  questionIssues,
  removeQuestion,
  withType,
} from './builder';

const choice: SurveyQuestion = {
  id: 'q1',
  type: 'single',
  title: '利用していますか',
  required: true,
  choices: [
    { value: '1', label: 'はい' },
    { value: '2', label: 'いいえ' },
  ],
};
const follow: SurveyQuestion = {
  id: 'q2',
  type: 'text',
  title: 'どのサービスですか',
  required: false,
  showIf: { question: 'q1', anyOf: ['1'] },
};

describe('survey builder', () => {
  it('names new questions q1, q2, … skipping names in use', () => {
    expect(nextQuestionId([])).toBe('q1');
    expect(nextQuestionId([{ id: 'q2' }])).toBe('q3');
    expect(blankQuestion([choice], 'matrix')).toMatchObject({ id: 'q2', choices: [], rows: [] });
  });

  it('keeps choices when the kind changes between choice kinds, and drops them otherwise', () => {
    expect(withType(choice, 'multiple').choices).toHaveLength(2);
    expect(withType(choice, 'number').choices).toBeUndefined();
  });

  it('drops a condition once its question no longer comes before it', () => {
    expect(moveQuestion([choice, follow], 1, -1)).toEqual([
      { id: 'q2', type: 'text', title: 'どのサービスですか', required: false },
      choice,
    ]);
    expect(moveQuestion([choice, follow], 0, -1)).toEqual([choice, follow]);
    expect(removeQuestion([choice, follow], 0)[0]?.showIf).toBeUndefined();
    expect(removeQuestion([choice, follow], 1)).toEqual([choice]);
  });

  it('keeps the value of a kept choice and numbers new ones', () => {
    expect(choicesFromText('いいえ\nわからない\n\nはい', choice.choices)).toEqual([
      { value: '2', label: 'いいえ' },
      { value: '3', label: 'わからない' },
      { value: '1', label: 'はい' },
    ]);
  });

  it('says what a question still needs', () => {
    const issues = questionIssues([
      { ...choice, title: ' ', choices: [] },
      { ...follow, id: 'q1' },
      { id: '1x', type: 'number', title: '人数', required: false, min: 5, max: 1 },
    ]);
    expect(issues.get(0)).toEqual(['no_title', 'no_choices']);
    expect(issues.get(1)).toEqual(['duplicate_id']);
    expect(issues.get(2)).toEqual(['bad_id', 'min_over_max']);
  });

  it('closes at the end of the day in Japan', () => {
    expect(closesAtOfDay('2027-01-31')).toBe('2027-01-31T23:59:00+09:00');
    expect(dayOfClosesAt('2027-01-31T14:59:00.000Z')).toBe('2027-01-31');
    expect(dayOfClosesAt(null)).toBeNull();
  });

  it('reads recipients pasted from Excel, skipping a header and naming bad lines', () => {
    const lookup = (s: string) => (s === '藤沢市' || s === '142051' ? '142051' : undefined);
    const { recipients, problems } = parseRecipients(
      '氏名\tメール\t市町村\n山田 花子\thanako@example.jp\t藤沢市\n\t\t\n佐藤 一郎,,142051,藤沢市朝日町1\n鈴木 次郎\t\t横浜市',
      lookup,
    );
    expect(recipients).toEqual([
      { name: '山田 花子', email: 'hanako@example.jp', municipalityCode: '142051' },
      { name: '佐藤 一郎', municipalityCode: '142051', address: '藤沢市朝日町1' },
    ]);
    expect(problems).toEqual([{ line: 5, code: 'unknown_municipality' }]);
  });
});
