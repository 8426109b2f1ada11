import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { councilPolicy, defaultOwner, managesOwner, readsBody, tierOf } from './policy';

const R1 = '00000000-0000-4000-8000-000000000001';
const R2 = '00000000-0000-4000-8000-000000000002';
const BRANCH = '00000000-0000-4000-8000-000000000003';

const actor = (role: Actor['role'], scope: Actor['scope'], prefectureCode: string | null = '14'): Actor => ({
  userId: '00000000-0000-4000-8000-000000000009',
  email: 'x@example.jp',
  displayName: 'x',
  role,
  prefectureCode,
  scope,
  locale: 'ja',
});
const none = { scopeCentreId: null, scopeCentreKind: null, municipalityRegionIds: [], coveringCentreIds: [] };

describe('council policy', () => {
  it('gives the centre the whole prefecture, the HQ too, and auditors read only', () => {
    expect(councilPolicy(actor('centre_admin', { kind: 'prefecture' }), none)).toMatchObject({
      read: { kind: 'prefecture' },
      manage: { kind: 'prefecture' },
    });
    const hq = councilPolicy(actor('centre_staff', { kind: 'regions', regionIds: [] }), {
      ...none,
      scopeCentreId: BRANCH,
      scopeCentreKind: 'hq',
    });
    expect(hq.manage.kind).toBe('prefecture');
    const auditor = councilPolicy(actor('auditor', { kind: 'prefecture' }), none);
    expect([auditor.read.kind, auditor.manage.kind]).toEqual(['prefecture', 'none']);
  });

  it('lets a branch manage its own and its regions’ bodies, and read the prefecture’s', () => {
    const p = councilPolicy(actor('centre_staff', { kind: 'regions', regionIds: [R1] }), {
      ...none,
      scopeCentreId: BRANCH,
      scopeCentreKind: 'branch',
    });
    expect(p.read).toEqual({ kind: 'area', prefectureOwned: true, centreIds: [BRANCH], regionIds: [R1] });
    expect(managesOwner(p.manage, { ownerCentreId: null, ownerRegionId: R1 })).toBe(true);
    expect(managesOwner(p.manage, { ownerCentreId: null, ownerRegionId: R2 })).toBe(false);
    expect(managesOwner(p.manage, { ownerCentreId: null, ownerRegionId: null })).toBe(false);
    expect(defaultOwner(p.manage)).toEqual({ ownerCentreId: BRANCH, ownerRegionId: null });
  });

  it('gives municipal staff their region’s bodies to read, not the prefecture’s, and nothing to manage', () => {
    const p = councilPolicy(
      actor('municipal_staff', { kind: 'municipality', municipalityCode: '142051', division: null }),
      {
        ...none,
        municipalityRegionIds: [R1],
        coveringCentreIds: [BRANCH],
      },
    );
    expect(p.read).toEqual({ kind: 'area', prefectureOwned: false, centreIds: [BRANCH], regionIds: [R1] });
    expect(p.manage.kind).toBe('none');
  });

  it('refuses providers, learners, system administrators and incomplete scopes', () => {
    for (const a of [
      actor('provider_staff', { kind: 'organisation', organisationId: R2 }),
      actor('learner', { kind: 'none' }),
      actor('system_admin', { kind: 'none' }, null),
      actor('regional_coordinator', { kind: 'none' }),
      actor('centre_staff', { kind: 'regions', regionIds: [R1] }),
    ]) {
      const p = councilPolicy(a, none);
      expect([a.role, p.read.kind, p.manage.kind]).toEqual([a.role, 'none', 'none']);
    }
  });

  it('reads a body by its owner, or by a current membership, within the prefecture only', () => {
    const muni = councilPolicy(
      actor('municipal_staff', { kind: 'municipality', municipalityCode: '142051', division: null }),
      { ...none, municipalityRegionIds: [R1], coveringCentreIds: [BRANCH] },
    );
    const body = (ownerCentreId: string | null, ownerRegionId: string | null, prefectureCode = '14') => ({
      ownerCentreId,
      ownerRegionId,
      prefectureCode,
    });
    expect(readsBody(muni, body(null, R1), false)).toBe(true);
    expect(readsBody(muni, body(BRANCH, null), false)).toBe(true);
    expect(readsBody(muni, body(null, R2), false)).toBe(false);
    expect(readsBody(muni, body(null, null), false)).toBe(false);
    expect(readsBody(muni, body(null, null), true)).toBe(true);
    expect(readsBody(muni, body(null, R1, '43'), true)).toBe(false);
    const auditor = councilPolicy(actor('auditor', { kind: 'prefecture' }), none);
    expect(readsBody(auditor, body(null, R2), false)).toBe(true);
    const learner = councilPolicy(actor('learner', { kind: 'none' }), none);
    expect(readsBody(learner, body(null, null), true)).toBe(false);
  });

  it('names the tier from the owner', () => {
    expect(tierOf({ ownerCentreId: null, ownerRegionId: null })).toBe('prefecture');
    expect(tierOf({ ownerCentreId: BRANCH, ownerRegionId: null })).toBe('branch');
    expect(tierOf({ ownerCentreId: null, ownerRegionId: R1 })).toBe('region');
  });
});
