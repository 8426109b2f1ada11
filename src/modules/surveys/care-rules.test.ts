import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../shared/survey';
import { applyCare, careMappingProblems, careQuestion, proposeCare } from './care-rules';

const q: SurveyQuestion = {
  id: 'care',
  type: 'matrix',
  title: '受け入れ可能な医療的ケア',
  required: false,
  maps: 'accepted_care',
  rows: ['suction', 'ventilator', 'oxygen'].map((value) => ({ value, label: value })),
  choices: ['accepted', 'accepted_with_conditions', 'not_accepted'].map((value) => ({ value, label: value })),
};

describe('the accepted-care question', () => {
  it('is found by its marker and checked: a matrix, once, of care items and acceptances', () => {
    expect(careQuestion({ questions: [q] })).toBe(q);
    expect(careQuestion({ questions: [{ ...q, maps: undefined }] })).toBeNull();
    expect(careMappingProblems({ questions: [q] })).toEqual([]);
    expect(careMappingProblems({ questions: [{ ...q, type: 'single' }] })[0]!.path).toBe('questions.0.maps');
    expect(careMappingProblems({ questions: [q, { ...q, id: 'again' }] })[0]!.path).toBe('questions.1.maps');
    const odd = careMappingProblems({
      questions: [{ ...q, rows: [{ value: 'x', label: 'x' }], choices: [{ value: 'yes', label: 'yes' }] }],
    });
    expect(odd.map((p) => p.path)).toEqual(['questions.0.rows', 'questions.0.choices']);
  });

  it('proposes what changes and what stays; an unanswered row proposes nothing', () => {
    const current = [
      { code: 'suction', acceptance: 'accepted' as const },
      { code: 'ventilator', acceptance: 'accepted_with_conditions' as const, conditions: '看護師2名の日' },
    ];
    const p = proposeCare(current, q, { care: { suction: 'accepted', ventilator: 'not_accepted' } });
    expect(p.changes).toEqual([{ code: 'ventilator', from: 'accepted_with_conditions', to: 'not_accepted' }]);
    expect(p.unchanged).toEqual([{ code: 'suction', acceptance: 'accepted' }]);
    expect(proposeCare(current, q, {})).toEqual({ changes: [], unchanged: [] });
  });

  it('applies only the chosen changes and keeps a listing’s condition while the item stays conditional', () => {
    const current = [
      { code: 'ventilator', acceptance: 'accepted_with_conditions' as const, conditions: '日中のみ' },
    ];
    expect(applyCare(current, [{ code: 'oxygen', from: null, to: 'accepted_with_conditions' }])).toEqual([
      { code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: '日中のみ' },
      { code: 'oxygen', acceptance: 'accepted_with_conditions', conditions: null },
    ]);
    expect(
      applyCare(current, [{ code: 'ventilator', from: 'accepted_with_conditions', to: 'accepted' }]),
    ).toEqual([{ code: 'ventilator', acceptance: 'accepted', conditions: null }]);
  });
});
