import { describe, expect, it } from 'vitest';
import { levelAbove, levelBelow, moveProblem, rightFor } from './flow';
import { stageDatesProblem, stageFromDates } from './project-rules';

const open = (level: 'region' | 'prefecture_council' | 'proposal' | 'answered') => ({
  level,
  status: 'open' as const,
});

describe('the flow of a regional issue', () => {
  it('goes one step up at a time and one step back from the council and the proposal only', () => {
    expect([levelAbove('region'), levelAbove('prefecture_council'), levelAbove('proposal')]).toEqual([
      'prefecture_council',
      'proposal',
      null,
    ]);
    expect([
      levelBelow('region'),
      levelBelow('prefecture_council'),
      levelBelow('proposal'),
      levelBelow('answered'),
    ]).toEqual([null, 'region', 'prefecture_council', null]);
  });

  it.each([
    [open('region'), 'carry_up', undefined, null],
    [open('proposal'), 'carry_up', undefined, 'top'],
    [open('region'), 'send_back', undefined, 'bottom'],
    [open('answered'), 'send_back', undefined, 'bottom'],
    [open('prefecture_council'), 'answer', undefined, 'not_proposed'],
    [open('proposal'), 'answer', undefined, null],
    [open('region'), 'close', 'answered', 'not_answered'],
    [open('answered'), 'close', 'answered', null],
    [open('region'), 'close', 'development', 'development_by_project'],
    [open('region'), 'close', 'individual', null],
    [open('region'), 'reopen', undefined, 'not_closed'],
    [{ level: 'proposal', status: 'closed' }, 'carry_up', undefined, 'closed'],
    [{ level: 'proposal', status: 'closed' }, 'reopen', undefined, null],
  ] as const)('%o %s %s → %s', (issue, move, outcome, problem) => {
    expect(moveProblem(issue, move, outcome)).toBe(problem);
  });

  it('leaves the region by the region’s managers; every later step is the prefecture’s', () => {
    expect(rightFor('carry_up', 'region')).toBe('manage');
    expect(rightFor('carry_up', 'prefecture_council')).toBe('prefecture');
    expect(rightFor('send_back', 'prefecture_council')).toBe('prefecture');
    expect(rightFor('answer', 'proposal')).toBe('prefecture');
    expect(rightFor('close', 'proposal')).toBe('manage');
  });
});

describe('the stages of a development project', () => {
  const none = { advisedOn: null, paperworkOn: null, designatedOn: null, openedOn: null };
  it('needs the current stage’s date, no later one, and dates in order', () => {
    expect(stageDatesProblem('operator_advised', { ...none, advisedOn: '2026-04-01' })).toBeNull();
    expect(stageDatesProblem('paperwork', { ...none, advisedOn: '2026-04-01' })).toBe('paperworkOn');
    expect(
      stageDatesProblem('paperwork', { ...none, paperworkOn: '2026-05-01', openedOn: '2026-06-01' }),
    ).toBe('openedOn');
    expect(
      stageDatesProblem('opened', {
        advisedOn: '2026-04-01',
        paperworkOn: '2026-03-01',
        designatedOn: null,
        openedOn: '2026-06-01',
      }),
    ).toBe('paperworkOn');
    expect(
      stageDatesProblem('opened', {
        advisedOn: '2025-04-01',
        paperworkOn: null,
        designatedOn: '2026-01-10',
        openedOn: '2026-04-01',
      }),
    ).toBeNull();
    expect(stageFromDates({ ...none, advisedOn: '2026-04-01', designatedOn: '2026-05-01' })).toBe(
      'designated',
    );
  });
});
