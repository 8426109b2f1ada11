import type { Actor } from '../access/actor';

/**
 * Who may read and manage which training courses and sessions (pure; decision 0020). Courses and sessions
 * are not personal data, but their applicants, attendance and completions are, and those follow the session:
 * whoever manages a session manages its applicants (applications, attendance, certificates use
 * {@link LearningPolicy.manage} through scope.ts; out of scope answers 404).
 *
 * - centre administrators and centre staff of the whole prefecture or of the HQ: read and manage every
 *   course and session of the prefecture;
 * - centre staff of a branch: read every course and session of the prefecture (to plan around the HQ's and
 *   the other branches' year) and manage those owned by their branch;
 * - regional coordinators: read the prefecture's, manage those owned by their region;
 * - auditors: read the prefecture's, manage nothing;
 * - municipal staff, provider staff, learners, system administrators: no staff access (they see the public
 *   catalogue; learners their own learning).
 * Incomplete scope columns give no access, never a wider one.
 */
export type LearningArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'centre'; centreId: string }
  | { kind: 'region'; regionId: string };

export type LearningPolicy = {
  prefectureCode: string | null;
  /** Courses and sessions the actor reads on the staff screens. */
  read: { kind: 'none' } | { kind: 'prefecture' };
  /** Courses and sessions the actor manages (edit, open, close, cancel; their applicants and attendance). */
  manage: LearningArea;
};

/** The user's centre columns the policy needs (actor.scopeColumns, or read by scope.ts when absent). */
export type LearningScopeColumns = {
  scopeCentreId: string | null;
  scopeCentreKind: 'hq' | 'branch' | null;
};

const NONE = { kind: 'none' } as const;
const PREFECTURE = { kind: 'prefecture' } as const;

export function learningPolicy(actor: Actor, cols: LearningScopeColumns): LearningPolicy {
  const deny: LearningPolicy = { prefectureCode: actor.prefectureCode, read: NONE, manage: NONE };
  if (!actor.prefectureCode) return deny;
  const s = actor.scope;
  switch (actor.role as string) {
    case 'centre_admin':
      return { ...deny, read: PREFECTURE, manage: PREFECTURE };
    case 'centre_staff': {
      if (s.kind === 'prefecture') return { ...deny, read: PREFECTURE, manage: PREFECTURE };
      if (s.kind !== 'regions' || !cols.scopeCentreId) return deny;
      if (cols.scopeCentreKind === 'hq') return { ...deny, read: PREFECTURE, manage: PREFECTURE };
      if (cols.scopeCentreKind === 'branch') {
        return { ...deny, read: PREFECTURE, manage: { kind: 'centre', centreId: cols.scopeCentreId } };
      }
      return deny;
    }
    case 'regional_coordinator': {
      const regionId = s.kind === 'regions' && s.regionIds.length === 1 ? s.regionIds[0] : undefined;
      return regionId ? { ...deny, read: PREFECTURE, manage: { kind: 'region', regionId } } : deny;
    }
    case 'auditor':
      return { ...deny, read: PREFECTURE };
    default:
      return deny;
  }
}

/** An owner of a course or session: the HQ (both null), a branch or a region. */
export type LearningOwner = { ownerCentreId: string | null; ownerRegionId: string | null };

/** Whether a course or session with this owner is within the area. */
export function ownerWithin(area: LearningArea, owner: LearningOwner): boolean {
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'centre':
      return owner.ownerCentreId === area.centreId && owner.ownerRegionId === null;
    case 'region':
      return owner.ownerRegionId === area.regionId && owner.ownerCentreId === null;
  }
}

/** The owner a new course or session gets when the form names none: the actor's own branch or region. */
export function defaultOwner(area: LearningArea): LearningOwner {
  switch (area.kind) {
    case 'centre':
      return { ownerCentreId: area.centreId, ownerRegionId: null };
    case 'region':
      return { ownerCentreId: null, ownerRegionId: area.regionId };
    default:
      return { ownerCentreId: null, ownerRegionId: null };
  }
}

/** True when the actor may use the staff screens of the learning module at all. */
export function hasStaffAccess(policy: LearningPolicy): boolean {
  return policy.read.kind !== 'none';
}

/** True when the actor may create or change anything (some manage area). */
export function canManageAny(policy: LearningPolicy): boolean {
  return policy.manage.kind !== 'none';
}
