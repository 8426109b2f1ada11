import { describe, expect, it } from 'vitest';
import { type TeamUser, teamKeysForUser } from './teams';

const base: TeamUser = {
  role: 'municipal_staff',
  prefectureCode: '14',
  scopeCentreId: null,
  scopeCentreKind: null,
  scopeRegionId: null,
  scopeMunicipalityCode: null,
};

describe('teamKeysForUser', () => {
  it.each<[string, Partial<TeamUser>, unknown[]]>([
    [
      'municipal staff → their municipality',
      { scopeMunicipalityCode: '142051' },
      [{ tier: 'municipality', municipalityCode: '142051' }],
    ],
    ['municipal staff without a municipality → none', {}, []],
    [
      'regional coordinator → their region',
      { role: 'regional_coordinator', scopeRegionId: 'r1' },
      [{ tier: 'region', regionId: 'r1' }],
    ],
    ['regional coordinator without a region → none', { role: 'regional_coordinator' }, []],
    [
      'centre staff of a branch → the branch (tier region)',
      { role: 'centre_staff', scopeCentreId: 'b1', scopeCentreKind: 'branch' },
      [{ tier: 'region', centreId: 'b1' }],
    ],
    [
      'centre staff of the HQ → the centre',
      { role: 'centre_staff', scopeCentreId: 'h1', scopeCentreKind: 'hq' },
      [{ tier: 'centre' }],
    ],
    ['centre staff of the whole prefecture → the centre', { role: 'centre_staff' }, [{ tier: 'centre' }]],
    ['centre staff of an unknown centre → none', { role: 'centre_staff', scopeCentreId: 'x' }, []],
    ['centre administrator → the centre', { role: 'centre_admin' }, [{ tier: 'centre' }]],
    ['auditor → none (reads only)', { role: 'auditor' }, []],
    ['provider staff → none', { role: 'provider_staff', scopeMunicipalityCode: '142051' }, []],
    ['system administrator → none', { role: 'system_admin', prefectureCode: null }, []],
    ['no prefecture → none', { role: 'centre_admin', prefectureCode: null }, []],
  ])('%s', (_name, over, expected) => {
    expect(teamKeysForUser({ ...base, ...over })).toEqual(expected);
  });
});
