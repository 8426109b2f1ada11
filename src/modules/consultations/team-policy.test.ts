import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles';
import {
  formsSuperviseTeams,
  managedCentres,
  managesSuperviseTeam,
  memberChanges,
  superviseTierOf,
  type TeamManager,
} from './team-policy';

const m = (over: Partial<TeamManager>): TeamManager => ({
  role: 'centre_staff',
  prefectureCode: '14',
  scopeCentreId: null,
  scopeCentreKind: null,
  ...over,
});

describe('supervise team policy', () => {
  it('lets centre administrators and HQ or prefecture-wide centre staff manage every team', () => {
    for (const who of [
      m({ role: 'centre_admin' }),
      m({}),
      m({ scopeCentreId: 'hq', scopeCentreKind: 'hq' }),
    ]) {
      expect(managedCentres(who)).toBe('all');
      expect(managesSuperviseTeam(who, { centreId: 'b1' })).toBe(true);
      expect(managesSuperviseTeam(who, { centreId: null })).toBe(true);
    }
  });

  it('limits branch staff to their own branch', () => {
    const b = m({ scopeCentreId: 'b1', scopeCentreKind: 'branch' });
    expect(formsSuperviseTeams(b)).toBe(true);
    expect(managesSuperviseTeam(b, { centreId: 'b1' })).toBe(true);
    expect(managesSuperviseTeam(b, { centreId: 'b2' })).toBe(false);
    expect(managesSuperviseTeam(b, { centreId: null })).toBe(false);
  });

  it('gives every other role nothing, and nothing without a prefecture', () => {
    for (const role of ROLES.filter((r) => r !== 'centre_admin' && r !== 'centre_staff')) {
      expect(formsSuperviseTeams(m({ role })), role).toBe(false);
      expect(managesSuperviseTeam(m({ role }), { centreId: null }), role).toBe(false);
    }
    expect(formsSuperviseTeams(m({ role: 'centre_admin', prefectureCode: null }))).toBe(false);
    // Incomplete scope columns (a centre of unknown kind) give nothing, never more.
    expect(managedCentres(m({ scopeCentreId: 'x', scopeCentreKind: null }))).toBe('none');
  });

  it('derives the tier from the forming centre and lists member changes', () => {
    expect(superviseTierOf('branch')).toBe('region');
    expect(superviseTierOf('hq')).toBe('centre');
    expect(superviseTierOf(null)).toBe('centre');
    expect(memberChanges(['a', 'b', 'c'], ['c', 'd', 'a'])).toEqual({ added: ['d'], removed: ['b'] });
  });
});
