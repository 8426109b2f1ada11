import { describe, expect, it } from 'vitest';
import {
  answersProblem,
  attemptsLeft,
  type BankQuestion,
  drawQuestions,
  grade,
  questionProblem,
  questionsForLearner,
  shuffle,
} from './quiz';

const choices = (...texts: string[]) => texts.map((text, i) => ({ id: `c${i + 1}`, text }));

const BANK: BankQuestion[] = [
  {
    id: 'q1',
    kind: 'single',
    prompt: '気管吸引の前に必ず行うことは？',
    choices: choices('手指衛生', '食事', '散歩'),
    correct: ['c1'],
    explanation: '感染予防のため',
  },
  {
    id: 'q2',
    kind: 'multiple',
    prompt: '経管栄養で確認することをすべて選んでください',
    choices: choices('チューブの位置', '注入速度', '天気'),
    correct: ['c1', 'c2'],
    explanation: '',
  },
  { id: 'q3', kind: 'single', prompt: '3', choices: choices('a', 'b'), correct: ['c2'], explanation: '' },
  { id: 'q4', kind: 'single', prompt: '4', choices: choices('a', 'b'), correct: ['c1'], explanation: '' },
  { id: 'q5', kind: 'single', prompt: '5', choices: choices('a', 'b'), correct: ['c1'], explanation: '' },
];

function seeded(seed: number) {
  let s = seed;
  return (max: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * max);
  };
}

describe('questions', () => {
  it.each([
    [{ kind: 'single' as const, choices: choices('a'), correct: ['c1'] }, 'too_few_choices'],
    [{ kind: 'single' as const, choices: choices('a', 'a'), correct: ['c1'] }, 'duplicate_choice'],
    [{ kind: 'single' as const, choices: choices('a', ' '), correct: ['c1'] }, 'empty_choice'],
    [{ kind: 'single' as const, choices: choices('a', 'b'), correct: [] }, 'no_correct_choice'],
    [{ kind: 'single' as const, choices: choices('a', 'b'), correct: ['c9'] }, 'unknown_correct_choice'],
    [
      { kind: 'single' as const, choices: choices('a', 'b'), correct: ['c1', 'c2'] },
      'single_needs_one_correct',
    ],
    [{ kind: 'multiple' as const, choices: choices('a', 'b'), correct: ['c1', 'c2'] }, null],
  ])('%j → %s', (q, problem) => {
    expect(questionProblem(q)).toBe(problem);
  });
});

describe('drawing an attempt', () => {
  it('draws the asked number of distinct questions and keeps every choice', () => {
    const drawn = drawQuestions(BANK, 3, seeded(7));
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn.map((q) => q.questionId)).size).toBe(3);
    for (const q of drawn) {
      const orig = BANK.find((b) => b.id === q.questionId);
      expect([...q.choices].sort((a, b) => a.id.localeCompare(b.id))).toEqual(orig?.choices);
    }
  });
  it('asks the whole bank when no number is set or the bank is smaller', () => {
    expect(drawQuestions(BANK, null)).toHaveLength(5);
    expect(drawQuestions(BANK, 50)).toHaveLength(5);
  });
  it('shuffles fairly enough: every question comes first sometimes', () => {
    const rand = seeded(11);
    const firsts = new Set(Array.from({ length: 200 }, () => shuffle(BANK, rand)[0]?.id));
    expect(firsts.size).toBe(5);
  });
  it("the learner's view carries no correct answers or explanations", () => {
    const view = questionsForLearner(drawQuestions(BANK, null));
    const json = JSON.stringify(view);
    expect(json).not.toContain('correct');
    expect(json).not.toContain('explanation');
    expect(json).not.toContain('感染予防のため');
  });
});

describe('grading', () => {
  const qs = drawQuestions(BANK, null, seeded(3));
  it('a multiple-choice question needs exactly the correct set', () => {
    const g = (ans: string[]) =>
      grade(qs, { q2: ans }, 80).perQuestion.find((p) => p.questionId === 'q2')?.correct;
    expect(g(['c1', 'c2'])).toBe(true);
    expect(g(['c2', 'c1'])).toBe(true);
    expect(g(['c1'])).toBe(false);
    expect(g(['c1', 'c2', 'c3'])).toBe(false);
  });
  it('passes at the mark exactly, in whole numbers', () => {
    const all = { q1: ['c1'], q2: ['c1', 'c2'], q3: ['c2'], q4: ['c1'], q5: ['c1'] };
    expect(grade(qs, all, 100)).toMatchObject({ correctCount: 5, scorePercent: 100, passed: true });
    const four = { ...all, q5: ['c2'] };
    expect(grade(qs, four, 80)).toMatchObject({ correctCount: 4, scorePercent: 80, passed: true });
    expect(grade(qs, four, 81)).toMatchObject({ passed: false });
    expect(grade(qs, {}, 1)).toMatchObject({ correctCount: 0, scorePercent: 0, passed: false });
  });
  it('rounds the score down and passes only on the exact comparison', () => {
    const three = drawQuestions(BANK.slice(2), null);
    const g = grade(three, { q3: ['c2'], q4: ['c1'] }, 67);
    expect(g.scorePercent).toBe(66);
    expect(g.passed).toBe(false);
    expect(grade(three, { q3: ['c2'], q4: ['c1'] }, 66).passed).toBe(true);
  });
  it('refuses answers to questions or choices the attempt did not ask', () => {
    expect(answersProblem(qs, { q9: ['c1'] })).toBe('unknown_question');
    expect(answersProblem(qs, { q1: ['c9'] })).toBe('unknown_choice');
    expect(answersProblem(qs, { q1: ['c1', 'c2'] })).toBe('single_with_several');
    expect(answersProblem(qs, { q1: ['c1'] })).toBeNull();
  });
  it('counts attempts left under a limit', () => {
    expect(attemptsLeft(null, 10)).toBeNull();
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 5)).toBe(0);
  });
});
