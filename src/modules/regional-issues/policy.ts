import type { Actor } from '../access/actor';

/**
 * Who may read, raise and carry which regional issues and development projects (pure; decision 0023,
 * docs/municipal-support.md §4–5). Issues and projects are not personal data, but an issue's evidence is, and it
 * is shown only through the consultations module's own scope (evidence.ts).
 *
 * - centre administrators and centre staff of the whole prefecture: everything of the prefecture, and the steps
 *   beyond the region (to the council, the proposal, the answer, sending back);
 * - centre staff of a branch and regional coordinators: the issues and projects of their regions; they raise,
 *   edit, gather evidence, carry an issue up to the prefectural council, end it or start a project;
 * - municipal staff: the issues and projects of their municipality and those of their region as a whole (no
 *   municipality named); they raise issues for their own municipality, and edit and add evidence to their
 *   municipality's while it is still in the region; they move nothing;
 * - auditors: read the prefecture's, change nothing;
 * - provider staff, learners and system administrators: nothing (403 before any id is read).
 * Incomplete scope columns give no access, never a wider one.
 */
export type IssueArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'municipality'; municipalityCode: string };

export type IssuePolicy = {
  prefectureCode: string | null;
  /** Issues and projects the actor reads. */
  read: IssueArea;
  /** Where the actor may raise an issue, edit its details and link evidence while it is in the region. */
  raise: IssueArea;
  /** Issues the actor carries to the council, ends, reopens; projects the actor keeps. */
  manage: IssueArea;
  /** Takes the prefecture's steps: council → proposal → answer, and sends back. */
  prefectureSteps: boolean;
};

const NONE = { kind: 'none' } as const;
const PREFECTURE = { kind: 'prefecture' } as const;

/** The kind of the centre a centre staff user is limited to (an HQ's staff work for the whole prefecture). */
export type CentreKind = 'hq' | 'branch' | null;

export function issuePolicy(actor: Actor, centreKind: CentreKind = null): IssuePolicy {
  const deny: IssuePolicy = {
    prefectureCode: actor.prefectureCode,
    read: NONE,
    raise: NONE,
    manage: NONE,
    prefectureSteps: false,
  };
  if (!actor.prefectureCode) return deny;
  const s = actor.scope;
  switch (actor.role) {
    case 'centre_admin':
    case 'centre_staff':
    case 'regional_coordinator': {
      const wholePrefecture =
        actor.role !== 'regional_coordinator' &&
        (s.kind === 'prefecture' || (actor.role === 'centre_staff' && centreKind === 'hq'));
      if (wholePrefecture) {
        return { ...deny, read: PREFECTURE, raise: PREFECTURE, manage: PREFECTURE, prefectureSteps: true };
      }
      if (s.kind === 'regions' && s.regionIds.length > 0) {
        const area = { kind: 'regions', regionIds: s.regionIds } as const;
        return { ...deny, read: area, raise: area, manage: area };
      }
      return deny;
    }
    case 'municipal_staff': {
      if (s.kind !== 'municipality') return deny;
      const area = { kind: 'municipality', municipalityCode: s.municipalityCode } as const;
      return { ...deny, read: area, raise: area };
    }
    case 'auditor':
      return s.kind === 'prefecture' ? { ...deny, read: PREFECTURE } : deny;
    default:
      return deny;
  }
}

/** Where an issue or project lies: its region and, optionally, one municipality of it. */
export type Place = { regionId: string; municipalityCode: string | null };

/**
 * Whether a place lies within an area. For a municipal area, `regionOfMunicipality` is the municipality's current
 * region: a place of the region as a whole (no municipality) is read by its municipalities' staff when `wide`.
 */
export function placeWithin(
  area: IssueArea,
  place: Place,
  opts: { regionOfMunicipality?: string | null; wide?: boolean } = {},
): boolean {
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'regions':
      return area.regionIds.includes(place.regionId);
    case 'municipality':
      if (place.municipalityCode === area.municipalityCode) return true;
      return (
        !!opts.wide &&
        place.municipalityCode === null &&
        !!opts.regionOfMunicipality &&
        opts.regionOfMunicipality === place.regionId
      );
  }
}

/** True when the actor may use the module's screens at all. */
export function readsIssues(policy: IssuePolicy): boolean {
  return policy.read.kind !== 'none';
}
