/**
 * Who sees and keeps the coordinator roster and the supervise pools (pure; docs/learning.md §7). The roster is
 * personal data (names, workplaces), so it follows the learning policy's manage area, read by where the
 * coordinator works now (the profile's municipality):
 * - the prefecture's managers (centre administrators, staff of the whole prefecture or the HQ): everyone, and
 *   they keep the activity flags and every branch's pool;
 * - a branch's staff: coordinators working in the regions the branch covers; they keep those flags and their
 *   branch's pool;
 * - a regional coordinator: coordinators working in the region; keeps their flags; reads the pools;
 * - auditors: everyone, read only;
 * - anyone else: 403 before anything is read.
 */
import type { LearningPolicy } from '../policy';

export type RosterArea =
  | { kind: 'none' }
  | { kind: 'prefecture'; edit: boolean }
  | { kind: 'centre'; centreId: string }
  | { kind: 'region'; regionId: string };

export function rosterArea(policy: LearningPolicy): RosterArea {
  if (!policy.prefectureCode || policy.read.kind === 'none') return { kind: 'none' };
  switch (policy.manage.kind) {
    case 'prefecture':
      return { kind: 'prefecture', edit: true };
    case 'centre':
      return { kind: 'centre', centreId: policy.manage.centreId };
    case 'region':
      return { kind: 'region', regionId: policy.manage.regionId };
    case 'none':
      return { kind: 'prefecture', edit: false };
  }
}

/** Whether the area keeps the activity flags of the coordinators it sees. */
export function editsRoster(area: RosterArea): boolean {
  return area.kind === 'centre' || area.kind === 'region' || (area.kind === 'prefecture' && area.edit);
}

/** Which branches' supervise pools the area changes: all, one, or none (it may still read them). */
export function poolsManaged(area: RosterArea): 'all' | { centreId: string } | 'none' {
  if (area.kind === 'prefecture') return area.edit ? 'all' : 'none';
  if (area.kind === 'centre') return { centreId: area.centreId };
  return 'none';
}
