import { describe, expect, it } from 'vitest';
import { COMPLETION_GAP_LABELS, COMPLETION_GAPS } from '../../shared/vocab/learning-attendance';
import {
  type CompletionRule,
  completesWithoutSession,
  evaluateCompletion,
  noLessonsRead,
  type ParticipantFacts,
} from './completion';

const ALL: CompletionRule = { allDays: true, allLessons: true, assignment: true };
const TODAY = '2026-12-06';
const facts = (over: Partial<ParticipantFacts> = {}): ParticipantFacts => ({
  days: [
    { heldOn: '2026-06-01', present: true },
    { heldOn: '2026-06-08', present: true },
  ],
  lessonsTotal: 2,
  lessonsDone: 2,
  lessonsDoneOn: '2026-05-20',
  assignment: 'accepted',
  assignmentAcceptedOn: '2026-06-20',
  ...over,
});

describe('evaluateCompletion', () => {
  it('completes when every condition is met, on the day the last one was', () => {
    expect(evaluateCompletion(ALL, facts(), TODAY)).toEqual({
      complete: true,
      gaps: [],
      daysPresent: 2,
      daysTotal: 2,
      lessonsDone: 2,
      lessonsTotal: 2,
      assignment: 'accepted',
      completedOn: '2026-06-20',
    });
    expect(evaluateCompletion(ALL, facts({ assignmentAcceptedOn: '2026-06-05' }), TODAY).completedOn).toBe(
      '2026-06-08',
    );
  });

  it('lists every gap in the rule’s order', () => {
    const e = evaluateCompletion(
      ALL,
      facts({
        days: [
          { heldOn: '2026-06-01', present: true },
          { heldOn: '2026-06-08', present: null },
        ],
        lessonsDone: 1,
        assignment: 'submitted',
      }),
      TODAY,
    );
    expect(e).toMatchObject({ complete: false, gaps: ['days', 'lessons', 'assignment'], completedOn: null });
  });

  it('counts a day marked absent and a day without a mark alike', () => {
    for (const present of [false, null]) {
      const days = [
        { heldOn: '2026-06-01', present: true },
        { heldOn: '2026-06-08', present },
      ];
      expect(evaluateCompletion(ALL, facts({ days }), TODAY).gaps).toEqual(['days']);
    }
  });

  it('ignores the conditions the course does not ask for', () => {
    const daysOnly = { allDays: true, allLessons: false, assignment: false };
    const e = evaluateCompletion(daysOnly, facts({ lessonsDone: 0, assignment: 'not_submitted' }), TODAY);
    expect(e).toMatchObject({ complete: true, completedOn: '2026-06-08' });
  });

  it('treats a condition with nothing to meet as met, and dates such a completion today', () => {
    const e = evaluateCompletion(ALL, facts({ days: [], lessonsTotal: 0, lessonsDone: 0 }), TODAY);
    expect(e.gaps).toEqual([]);
    expect(e.completedOn).toBe('2026-06-20');
    const none = { allDays: false, allLessons: false, assignment: false };
    expect(evaluateCompletion(none, facts({ days: [] }), TODAY).completedOn).toBe(TODAY);
    // Lessons done with no known date: the day staff evaluate.
    const lessonsOnly = { allDays: false, allLessons: true, assignment: false };
    expect(evaluateCompletion(lessonsOnly, facts({ lessonsDoneOn: null }), TODAY).completedOn).toBe(TODAY);
  });

  it('never counts more lessons done than the course has', () => {
    expect(evaluateCompletion(ALL, facts({ lessonsDone: 5 }), TODAY).lessonsDone).toBe(2);
  });
});

describe('the default lesson reader', () => {
  it('reports no lesson done, so a course that needs lessons does not complete early', async () => {
    expect(await noLessonsRead({} as never, 'u', 'c')).toEqual({ completedIds: [] });
  });
});

describe('the completion gaps vocabulary', () => {
  it('names every gap in both languages', () => {
    for (const g of COMPLETION_GAPS) {
      expect(COMPLETION_GAP_LABELS[g].ja).not.toBe('');
      expect(COMPLETION_GAP_LABELS[g].en).not.toBe('');
    }
  });
});

describe('completesWithoutSession', () => {
  const rule = { completionRequiresAllLessons: true, completionRequiresAssignment: false };
  it('takes a course of lessons only whose rule asks for all of them', () => {
    expect(completesWithoutSession(rule, ['lesson', 'lesson'])).toBe(true);
  });
  it('leaves to sessions a course with days, an assignment, no lessons or a rule without lessons', () => {
    expect(completesWithoutSession(rule, ['day', 'lesson'])).toBe(false);
    expect(completesWithoutSession(rule, ['lesson', 'assignment'])).toBe(false);
    expect(completesWithoutSession({ ...rule, completionRequiresAssignment: true }, ['lesson'])).toBe(false);
    expect(completesWithoutSession({ ...rule, completionRequiresAllLessons: false }, ['lesson'])).toBe(false);
    expect(completesWithoutSession(rule, [])).toBe(false);
  });
});
