/**
 * Who reads and records which municipalities' engagements (pure; docs/municipal-support.md §2):
 * - centre administrators and centre staff of the whole prefecture or of the HQ: every municipality of the
 *   prefecture;
 * - centre staff of a branch: the municipalities of the regions the branch covers;
 * - regional coordinators: the municipalities of their region;
 * - municipal staff: their own municipality (whatever division they are limited to) — they record its
 *   engagements too, and the record says so;
 * - auditors: every municipality of the prefecture, read only;
 * - provider staff, learners, system administrators: nothing (403 before anything is read).
 * Incomplete scope columns give no access, never a wider one.
 */
import type { Actor } from '../access/actor';

export type EngagementArea =
  | { kind: 'none' }
  | { kind: 'prefecture' }
  | { kind: 'regions'; regionIds: string[] }
  | { kind: 'municipality'; municipalityCode: string };

export type EngagementPolicy = {
  prefectureCode: string | null;
  area: EngagementArea;
  /** Whether the actor records and changes engagements (and cadences) within the area. */
  write: boolean;
};

export type EngagementScopeColumns = { scopeCentreKind: 'hq' | 'branch' | null };

const NONE = { kind: 'none' } as const;

export function engagementPolicy(actor: Actor, cols: EngagementScopeColumns): EngagementPolicy {
  const deny: EngagementPolicy = { prefectureCode: actor.prefectureCode, area: NONE, write: false };
  if (!actor.prefectureCode) return deny;
  const s = actor.scope;
  const allow = (area: EngagementArea, write = true): EngagementPolicy => ({ ...deny, area, write });
  switch (actor.role as string) {
    case 'centre_admin':
      return allow({ kind: 'prefecture' });
    case 'centre_staff':
      if (s.kind === 'prefecture') return allow({ kind: 'prefecture' });
      if (s.kind !== 'regions') return deny;
      if (cols.scopeCentreKind === 'hq') return allow({ kind: 'prefecture' });
      return allow({ kind: 'regions', regionIds: s.regionIds });
    case 'regional_coordinator':
      return s.kind === 'regions' ? allow({ kind: 'regions', regionIds: s.regionIds }) : deny;
    case 'municipal_staff':
      return s.kind === 'municipality'
        ? allow({ kind: 'municipality', municipalityCode: s.municipalityCode })
        : deny;
    case 'auditor':
      return allow({ kind: 'prefecture' }, false);
    default:
      return deny;
  }
}

/** True when the actor may use the engagement screens at all. */
export function readsEngagements(policy: EngagementPolicy): boolean {
  return policy.area.kind !== 'none';
}

/** Roles that use the engagement screens (with a complete scope); the screens' guards and the menu read this. */
export function readsEngagementsRole(role: string): boolean {
  return ['centre_admin', 'centre_staff', 'regional_coordinator', 'municipal_staff', 'auditor'].includes(
    role,
  );
}

/** Roles that record engagements and keep the four-division cycles within their area. */
export function recordsEngagementsRole(role: string): boolean {
  return readsEngagementsRole(role) && role !== 'auditor';
}
