import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../shared/vocab/learning-requests';
import { centreActions, daysBetweenInJapan, nextRequestStatus } from './requests-rules';

describe('training request rules', () => {
  it.each([
    ['received', 'message', 'in_dialogue'],
    ['in_dialogue', 'message', 'in_dialogue'],
    ['received', 'need', 'need_written'],
    ['in_dialogue', 'need', 'need_written'],
    ['session_linked', 'need', 'session_linked'],
    ['received', 'link', null],
    ['in_dialogue', 'link', null],
    ['need_written', 'link', 'session_linked'],
    ['session_linked', 'link', 'session_linked'],
    ['need_written', 'done', null],
    ['session_linked', 'done', 'done'],
    ['received', 'decline', 'declined'],
    ['session_linked', 'decline', 'declined'],
    ['done', 'message', null],
    ['declined', 'message', null],
    ['done', 'decline', null],
    ['declined', 'need', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextRequestStatus(from, action)).toBe(to);
  });

  it('offers no action on a closed request and the need before the session', () => {
    expect(centreActions('done')).toEqual([]);
    expect(centreActions('declined')).toEqual([]);
    expect(centreActions('in_dialogue')).toEqual(['message', 'need', 'decline', 'assign']);
    expect(centreActions('session_linked')).toContain('done');
    for (const s of REQUEST_STATUSES) expect(Array.isArray(centreActions(s))).toBe(true);
  });

  it('counts whole days in Japan', () => {
    expect(daysBetweenInJapan(new Date('2027-01-10T14:00:00Z'), new Date('2027-01-10T16:00:00Z'))).toBe(1);
    expect(daysBetweenInJapan(new Date('2027-01-10T01:00:00Z'), new Date('2027-01-10T10:00:00Z'))).toBe(0);
    expect(daysBetweenInJapan(new Date('2027-01-01T00:00:00Z'), new Date('2027-01-31T00:00:00Z'))).toBe(30);
    expect(daysBetweenInJapan(new Date('2027-02-01T00:00:00Z'), new Date('2027-01-31T00:00:00Z'))).toBe(0);
  });
});
