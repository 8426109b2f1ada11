import type { Actor } from '../access/actor';

/**
 * Who reads and manages which councils and meetings (pure; docs/municipal-support.md §3). A body is owned by
 * the prefecture (the HQ runs it), a branch or a region. Its members, minutes and action items follow the body.
 *
 * - centre administrators, and centre staff of the whole prefecture or of the HQ: read and manage every body
 *   of the prefecture;
 * - centre staff of a branch: read the prefecture's own bodies, their branch's and those of the regions the
 *   branch covers; manage their branch's and their regions' bodies;
 * - regional coordinators: read the prefecture's own bodies, their region's and those of the branches covering
 *   it; manage their region's;
 * - municipal staff: read the bodies of their municipality's region and of the branches covering it (the
 *   regional council their municipality sits on) — not the prefecture's internal bodies; manage none;
 * - auditors: read every body of the prefecture, manage none;
 * - anyone of the prefecture who can read some body also reads the bodies they are a current member of;
 * - provider staff, learners and system administrators: no access (403 before any id is read).
 * An action item's owner may mark it done (and reopen it) without managing its body.
 * Incomplete scope columns give no access, never a wider one.
 */
export type CouncilReadArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'area'; prefectureOwned: boolean; centreIds: string[]; regionIds: string[] };

export type CouncilManageArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'area'; centreIds: string[]; regionIds: string[] };

export type CouncilPolicy = {
  prefectureCode: string | null;
  userId: string;
  read: CouncilReadArea;
  manage: CouncilManageArea;
};

/** What the policy needs beyond the actor: the user's centre, and the branches and regions around them. */
export type CouncilFacts = {
  scopeCentreId: string | null;
  scopeCentreKind: 'hq' | 'branch' | null;
  /** The regions of the user's municipality (municipal staff; its current region). */
  municipalityRegionIds: string[];
  /** The branches covering the user's regions (regional coordinators, municipal staff). */
  coveringCentreIds: string[];
};

const NONE = { kind: 'none' } as const;
const PREFECTURE = { kind: 'prefecture' } as const;

export function councilPolicy(actor: Actor, facts: CouncilFacts): CouncilPolicy {
  const deny: CouncilPolicy = {
    prefectureCode: actor.prefectureCode,
    userId: actor.userId,
    read: NONE,
    manage: NONE,
  };
  if (!actor.prefectureCode) return deny;
  const s = actor.scope;
  switch (actor.role as string) {
    case 'centre_admin':
      return { ...deny, read: PREFECTURE, manage: PREFECTURE };
    case 'centre_staff': {
      if (s.kind === 'prefecture') return { ...deny, read: PREFECTURE, manage: PREFECTURE };
      if (s.kind !== 'regions' || !facts.scopeCentreId) return deny;
      if (facts.scopeCentreKind === 'hq') return { ...deny, read: PREFECTURE, manage: PREFECTURE };
      if (facts.scopeCentreKind !== 'branch') return deny;
      const area = { centreIds: [facts.scopeCentreId], regionIds: s.regionIds };
      return {
        ...deny,
        read: { kind: 'area', prefectureOwned: true, ...area },
        manage: { kind: 'area', ...area },
      };
    }
    case 'regional_coordinator': {
      const regionId = s.kind === 'regions' && s.regionIds.length === 1 ? s.regionIds[0] : undefined;
      if (!regionId) return deny;
      return {
        ...deny,
        read: {
          kind: 'area',
          prefectureOwned: true,
          centreIds: facts.coveringCentreIds,
          regionIds: [regionId],
        },
        manage: { kind: 'area', centreIds: [], regionIds: [regionId] },
      };
    }
    case 'municipal_staff': {
      if (s.kind !== 'municipality') return deny;
      return {
        ...deny,
        read: {
          kind: 'area',
          prefectureOwned: false,
          centreIds: facts.coveringCentreIds,
          regionIds: facts.municipalityRegionIds,
        },
      };
    }
    case 'auditor':
      return { ...deny, read: PREFECTURE };
    default:
      return deny;
  }
}

/** A body's owner: the prefecture (both null), a branch or a region. */
export type CouncilOwner = { ownerCentreId: string | null; ownerRegionId: string | null };

/** Whether a body with this owner is managed within the area. */
export function managesOwner(area: CouncilManageArea, owner: CouncilOwner): boolean {
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'area':
      return (
        (owner.ownerCentreId !== null && area.centreIds.includes(owner.ownerCentreId)) ||
        (owner.ownerRegionId !== null && area.regionIds.includes(owner.ownerRegionId))
      );
  }
}

/**
 * Whether the policy reads a body of this prefecture and owner, the reader being a current member of it or not:
 * the same rule as `bodyScope(policy, 'read', …)` in scope.ts, for a list of people decided in memory (the owner
 * picker of action items reads every candidate's facts in one statement and asks this of each).
 */
export function readsBody(
  policy: CouncilPolicy,
  body: CouncilOwner & { prefectureCode: string },
  isCurrentMember: boolean,
): boolean {
  if (!policy.prefectureCode || body.prefectureCode !== policy.prefectureCode) return false;
  const area = policy.read;
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'area':
      return (
        (area.prefectureOwned && body.ownerCentreId === null && body.ownerRegionId === null) ||
        (body.ownerCentreId !== null && area.centreIds.includes(body.ownerCentreId)) ||
        (body.ownerRegionId !== null && area.regionIds.includes(body.ownerRegionId)) ||
        isCurrentMember
      );
  }
}

/** The owner a new body gets when the form names none: the actor's branch, or region, or the prefecture. */
export function defaultOwner(area: CouncilManageArea): CouncilOwner {
  if (area.kind === 'area') {
    if (area.centreIds[0]) return { ownerCentreId: area.centreIds[0], ownerRegionId: null };
    if (area.regionIds[0]) return { ownerCentreId: null, ownerRegionId: area.regionIds[0] };
  }
  return { ownerCentreId: null, ownerRegionId: null };
}

/** The tier a body's meetings count under, from its owner. */
export function tierOf(owner: CouncilOwner): 'prefecture' | 'branch' | 'region' {
  if (owner.ownerCentreId) return 'branch';
  if (owner.ownerRegionId) return 'region';
  return 'prefecture';
}
