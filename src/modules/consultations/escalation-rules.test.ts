import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR, workingCalendar } from '../../shared/working-days';
import {
  escalationCutOff,
  escalationDestination,
  firstAnswerDue,
  routeFirstContact,
} from './escalation-rules';

describe('first contact routing', () => {
  it('keeps a request with a municipality that has staff, else its region, else the centre', () => {
    expect(
      routeFirstContact({ municipalityStaff: 2, regionId: 'r', regionCoordinators: 1 }, '藤沢市'),
    ).toEqual({
      to: { tier: 'municipality' },
      reason: null,
    });
    expect(
      routeFirstContact({ municipalityStaff: 0, regionId: 'r', regionCoordinators: 1 }, '鎌倉市'),
    ).toEqual({
      to: { tier: 'region', regionId: 'r' },
      reason: { code: 'consultation_routed_no_municipal_staff', params: { municipality: '鎌倉市' } },
    });
    for (const r of [
      { municipalityStaff: 0, regionId: 'r', regionCoordinators: 0 },
      { municipalityStaff: 0, regionId: null, regionCoordinators: 0 },
    ]) {
      expect(routeFirstContact(r, '横須賀市').to).toEqual({ tier: 'centre' });
    }
  });

  it('escalates municipality → region (with a coordinator) or centre, region → centre, and stops there', () => {
    expect(escalationDestination('municipality', { regionId: 'r', regionCoordinators: 1 })).toEqual({
      tier: 'region',
      regionId: 'r',
    });
    expect(escalationDestination('municipality', { regionId: 'r', regionCoordinators: 0 })).toEqual({
      tier: 'centre',
    });
    expect(escalationDestination('region', { regionId: 'r', regionCoordinators: 3 })).toEqual({
      tier: 'centre',
    });
    expect(escalationDestination('centre', { regionId: 'r', regionCoordinators: 3 })).toBeNull();
  });
});

describe('working-day deadlines of first contact', () => {
  it('a request is first due the next working day', () => {
    expect(firstAnswerDue('2027-01-08', STANDARD_CALENDAR)).toBe('2027-01-12'); // over 成人の日
    expect(firstAnswerDue('2026-12-28', STANDARD_CALENDAR)).toBe('2027-01-04'); // over the year end
  });

  it('the escalation cut-off is the latest arrival whose 3 working days have passed', () => {
    // On Thursday 14 Jan 2027, a request of Thursday 7th has waited 8th, 12th, 13th (11th 成人の日).
    expect(escalationCutOff('2027-01-14', 3, STANDARD_CALENDAR)).toBe('2027-01-07');
    expect(escalationCutOff('2027-01-13', 3, STANDARD_CALENDAR)).toBe('2027-01-06');
    // Over Golden Week 2026: on Friday 8 May, requests of 昭和の日 (29 April) and before; 30 April's waits until the 11th.
    expect(escalationCutOff('2026-05-08', 3, STANDARD_CALENDAR)).toBe('2026-04-29');
    // An extra closed day pushes it back.
    expect(escalationCutOff('2027-01-14', 3, workingCalendar(['2027-01-12']))).toBe('2027-01-06');
  });
});
