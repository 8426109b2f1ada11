import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';

/**
 * Who reads and keeps which municipality's page (pure; docs/municipal-support.md §1). The page is the centre's
 * working record of a municipality, so it follows the actor's area:
 * - centre administrators and centre staff of the whole prefecture: every municipality of the prefecture;
 * - centre staff of a branch and regional coordinators: the municipalities currently in their regions;
 * - municipal staff: their own municipality (their changes are recorded as theirs);
 * - auditors: every municipality of the prefecture, read only;
 * - provider staff, learners and system administrators: nothing (403 before anything is read).
 * A municipality outside the area answers 404, like an unknown code.
 */
export type MunicipalArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'regions'; regionIds: string[] }
  | { kind: 'municipality'; municipalityCode: string };

export type MunicipalPolicy = {
  prefectureCode: string | null;
  area: MunicipalArea;
  /** Whether the actor may change the maturity items and contacts of the municipalities it reads. */
  edit: boolean;
};

/** What each role may do with municipality pages, its area aside. */
export const MUNICIPAL_PAGE_ACCESS = {
  system_admin: 'none',
  centre_admin: 'edit',
  centre_staff: 'edit',
  regional_coordinator: 'edit',
  municipal_staff: 'edit',
  provider_staff: 'none',
  auditor: 'read',
  learner: 'none',
} as const satisfies Record<Role, 'none' | 'read' | 'edit'>;

const NONE: MunicipalPolicy = { prefectureCode: null, area: { kind: 'none' }, edit: false };

export function municipalPolicy(actor: Pick<Actor, 'role' | 'scope' | 'prefectureCode'>): MunicipalPolicy {
  const access = MUNICIPAL_PAGE_ACCESS[actor.role];
  if (!actor.prefectureCode || access === 'none') return NONE;
  const s = actor.scope;
  let area: MunicipalArea;
  switch (s.kind) {
    case 'prefecture':
      area = { kind: 'prefecture' };
      break;
    case 'regions':
      area = s.regionIds.length ? { kind: 'regions', regionIds: s.regionIds } : { kind: 'none' };
      break;
    case 'municipality':
      area = { kind: 'municipality', municipalityCode: s.municipalityCode };
      break;
    default:
      area = { kind: 'none' };
  }
  if (area.kind === 'none') return NONE;
  return { prefectureCode: actor.prefectureCode, area, edit: access === 'edit' };
}

/** True when the actor may open the municipality pages at all (the menu shows them only then). */
export function readsMunicipalPages(role: Role): boolean {
  return MUNICIPAL_PAGE_ACCESS[role] !== 'none';
}
