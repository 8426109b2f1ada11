import type { Actor } from '../access/actor';

/**
 * Who may do what with the directory (pure; tested without a database). The directory is not personal data,
 * but it is kept per prefecture and changes are audited:
 * - read: every role of the prefecture (provider_staff: only its own organisation's listings);
 * - edit / confirm / issue links: centre admin and staff (their branch's regions when scoped), regional
 *   coordinators in their region; provider_staff confirm and correct their own listings (not create);
 * - prefecture-wide work (open-data import, re-confirmation rounds, HSDS/xlsx export): centre admin and
 *   prefecture-wide centre staff;
 * - gaps: everyone of the prefecture but providers; bottlenecks: written by centre staff and coordinators;
 * - learners: nothing (the public search is theirs, as everyone's).
 */
export type ResourceArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'regions'; regionIds: string[] }
  | { kind: 'organisation'; organisationId: string };

export type ResourcePolicy = {
  /** Which listings the actor may read. */
  read: ResourceArea;
  /** Which listings the actor may change (staff fields); providers use `provider`. */
  write: ResourceArea;
  /** Provider self-service: confirm or correct the listings of this organisation. */
  provider: string | null;
  prefectureWide: boolean;
  gaps: boolean;
  bottlenecks: ResourceArea;
};

const NONE: ResourceArea = { kind: 'none' };

export function resourcePolicy(actor: Actor): ResourcePolicy {
  const deny: ResourcePolicy = {
    read: NONE,
    write: NONE,
    provider: null,
    prefectureWide: false,
    gaps: false,
    bottlenecks: NONE,
  };
  if (!actor.prefectureCode) return deny;
  const s = actor.scope;
  switch (actor.role) {
    case 'system_admin':
    // Learners use the public directory search; the staff directory is not theirs.
    case 'learner':
      return deny;
    case 'centre_admin':
    case 'centre_staff': {
      const area: ResourceArea =
        s.kind === 'prefecture' ? { kind: 'prefecture' } : s.kind === 'regions' ? s : NONE;
      return {
        read: { kind: 'prefecture' },
        write: area,
        provider: null,
        prefectureWide: area.kind === 'prefecture',
        gaps: true,
        bottlenecks: area,
      };
    }
    case 'regional_coordinator': {
      const area: ResourceArea = s.kind === 'regions' ? s : NONE;
      return {
        read: { kind: 'prefecture' },
        write: area,
        provider: null,
        prefectureWide: false,
        gaps: true,
        bottlenecks: area,
      };
    }
    case 'municipal_staff':
    case 'auditor':
      return { ...deny, read: { kind: 'prefecture' }, gaps: true };
    case 'provider_staff':
      if (s.kind !== 'organisation') return deny;
      return { ...deny, read: s, provider: s.organisationId };
  }
}

/** Whether a listing in `municipalityCode` of `networkOrganisationId` is within the area. */
export function inArea(
  area: ResourceArea,
  listing: { municipalityRegionIds: string[]; networkOrganisationId: string | null },
): boolean {
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'regions':
      return listing.municipalityRegionIds.some((r) => area.regionIds.includes(r));
    case 'organisation':
      return listing.networkOrganisationId === area.organisationId;
  }
}

/** The actions a caller has on one listing (shown as buttons). */
export function allowedOnService(
  p: ResourcePolicy,
  listing: { municipalityRegionIds: string[]; networkOrganisationId: string | null },
) {
  const staff = inArea(p.write, listing);
  const own = p.provider !== null && listing.networkOrganisationId === p.provider;
  return { edit: staff || own, confirm: staff || own, issueLink: staff };
}
