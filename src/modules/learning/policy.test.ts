import { describe, expect, it } from 'vitest';
import type { Actor, Scope } from '../access/actor';
import type { Role } from '../access/roles';
import { defaultOwner, type LearningScopeColumns, learningPolicy, ownerWithin } from './policy';

function actor(role: Role, scope: Scope, prefectureCode: string | null = '14'): Actor {
  return { userId: 'u', email: 'u@example.jp', displayName: 'u', role, prefectureCode, scope, locale: 'ja' };
}
const NO_CENTRE: LearningScopeColumns = { scopeCentreId: null, scopeCentreKind: null };
const BRANCH: LearningScopeColumns = { scopeCentreId: 'b1', scopeCentreKind: 'branch' };
const HQ: LearningScopeColumns = { scopeCentreId: 'hq', scopeCentreKind: 'hq' };
const PREF: Scope = { kind: 'prefecture' };
const R1: Scope = { kind: 'regions', regionIds: ['r1'] };

describe('learningPolicy', () => {
  it('centre administrators and whole-prefecture or HQ staff read and manage the whole prefecture', () => {
    for (const p of [
      learningPolicy(actor('centre_admin', PREF), NO_CENTRE),
      learningPolicy(actor('centre_staff', PREF), NO_CENTRE),
      learningPolicy(actor('centre_staff', { kind: 'regions', regionIds: [] }), HQ),
    ]) {
      expect(p.read).toEqual({ kind: 'prefecture' });
      expect(p.manage).toEqual({ kind: 'prefecture' });
    }
  });

  it('branch staff read the prefecture and manage their branch', () => {
    const p = learningPolicy(actor('centre_staff', { kind: 'regions', regionIds: ['r1', 'r2'] }), BRANCH);
    expect(p.read).toEqual({ kind: 'prefecture' });
    expect(p.manage).toEqual({ kind: 'centre', centreId: 'b1' });
  });

  it('regional coordinators manage their region', () => {
    const p = learningPolicy(actor('regional_coordinator', R1), NO_CENTRE);
    expect(p.manage).toEqual({ kind: 'region', regionId: 'r1' });
  });

  it('auditors read and manage nothing', () => {
    const p = learningPolicy(actor('auditor', PREF), NO_CENTRE);
    expect(p.read).toEqual({ kind: 'prefecture' });
    expect(p.manage).toEqual({ kind: 'none' });
  });

  it('denied: municipal, provider, system administrators, incomplete scopes', () => {
    const denied = [
      learningPolicy(
        actor('municipal_staff', { kind: 'municipality', municipalityCode: '141003', division: null }),
        NO_CENTRE,
      ),
      learningPolicy(actor('provider_staff', { kind: 'organisation', organisationId: 'o' }), NO_CENTRE),
      learningPolicy(actor('system_admin', { kind: 'none' }, null), NO_CENTRE),
      learningPolicy(actor('centre_staff', R1), NO_CENTRE), // branch scope without its centre column
      learningPolicy(actor('regional_coordinator', { kind: 'none' }), NO_CENTRE),
      learningPolicy(actor('centre_admin', PREF, null), NO_CENTRE),
    ];
    for (const p of denied) {
      expect(p.read.kind).toBe('none');
      expect(p.manage.kind).toBe('none');
    }
  });
});

describe('ownerWithin / defaultOwner', () => {
  const hq = { ownerCentreId: null, ownerRegionId: null };
  const branch = { ownerCentreId: 'b1', ownerRegionId: null };
  const region = { ownerCentreId: null, ownerRegionId: 'r1' };
  it('the prefecture covers every owner; a branch and a region only their own', () => {
    expect([hq, branch, region].map((o) => ownerWithin({ kind: 'prefecture' }, o))).toEqual([
      true,
      true,
      true,
    ]);
    expect([hq, branch, region].map((o) => ownerWithin({ kind: 'centre', centreId: 'b1' }, o))).toEqual([
      false,
      true,
      false,
    ]);
    expect([hq, branch, region].map((o) => ownerWithin({ kind: 'region', regionId: 'r1' }, o))).toEqual([
      false,
      false,
      true,
    ]);
    expect(ownerWithin({ kind: 'none' }, hq)).toBe(false);
  });
  it('a new course is owned by the actor’s branch or region, or the HQ', () => {
    expect(defaultOwner({ kind: 'centre', centreId: 'b1' })).toEqual(branch);
    expect(defaultOwner({ kind: 'region', regionId: 'r1' })).toEqual(region);
    expect(defaultOwner({ kind: 'prefecture' })).toEqual(hq);
  });
});
