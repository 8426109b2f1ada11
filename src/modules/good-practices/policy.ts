/**
 * Who reads and writes which good-practice stories (pure; docs/knowledge.md §4):
 * - a published story is read by every staff user of the prefecture, whatever their area — centre, branches,
 *   coordinators, municipal staff, provider staff and auditors — since the library exists to connect peers
 *   across areas (KU-4);
 * - a draft or checked story is read, edited, checked and published within the story's area, which is the
 *   engagements' area of the user (the whole prefecture for the centre, a branch's regions, a coordinator's
 *   region, a municipality's own); auditors read every draft and change nothing; providers see no drafts;
 * - checking for personal data takes a second person: neither the author nor the last editor (four eyes);
 * - learners and system administrators: nothing (403 before any id is read).
 * Incomplete scope columns give no area, never a wider one.
 */
import type { GoodPracticeStatus } from '../../shared/vocab/good-practices';
import type { Actor } from '../access/actor';
import { type EngagementArea, engagementPolicy } from '../engagements/policy';

export type StoryArea = EngagementArea;

export type StoryPolicy = {
  prefectureCode: string | null;
  userId: string;
  /** Reads the prefecture's published stories. */
  readPublished: boolean;
  /** Reads (and, with `write`, writes) the drafts of this area. */
  area: StoryArea;
  write: boolean;
};

export type CentreKind = 'hq' | 'branch' | null;

export function storyPolicy(actor: Actor, centreKind: CentreKind = null): StoryPolicy {
  const e = engagementPolicy(actor, { scopeCentreKind: centreKind });
  const provider = actor.role === 'provider_staff' && actor.scope.kind === 'organisation';
  return {
    prefectureCode: actor.prefectureCode,
    userId: actor.userId,
    readPublished: !!actor.prefectureCode && (e.area.kind !== 'none' || provider),
    area: e.area,
    write: e.write,
  };
}

/** Where a story lies. */
export type StoryPlace = { regionId: string; municipalityCode: string | null };

/** Whether a place lies within an area (a municipality's staff: their own municipality's stories only). */
export function placeWithin(area: StoryArea, place: StoryPlace): boolean {
  switch (area.kind) {
    case 'none':
      return false;
    case 'prefecture':
      return true;
    case 'regions':
      return area.regionIds.includes(place.regionId);
    case 'municipality':
      return place.municipalityCode === area.municipalityCode;
  }
}

export type StoryFacts = StoryPlace & {
  status: GoodPracticeStatus;
  authorId: string;
  updatedBy: string;
};

export type StoryActions = {
  edit: boolean;
  check: boolean;
  publish: boolean;
  withdraw: boolean;
};

/** What the actor may do to a story they read; the screens show the actions from this. */
export function storyActions(policy: StoryPolicy, s: StoryFacts): StoryActions {
  const mine = policy.write && placeWithin(policy.area, s);
  const second = s.authorId !== policy.userId && s.updatedBy !== policy.userId;
  return {
    edit: mine,
    check: mine && s.status === 'draft' && second,
    publish: mine && s.status === 'checked',
    withdraw: mine && s.status !== 'draft',
  };
}

/** True when the actor may use the library at all. */
export function readsStories(policy: StoryPolicy): boolean {
  return policy.readPublished;
}

/** Roles that use the library's screens (the menu and the page guards read this). */
export function readsStoriesRole(role: string): boolean {
  return [
    'centre_admin',
    'centre_staff',
    'regional_coordinator',
    'municipal_staff',
    'provider_staff',
    'auditor',
  ].includes(role);
}

/** Roles that write stories within their area. */
export function writesStoriesRole(role: string): boolean {
  return ['centre_admin', 'centre_staff', 'regional_coordinator', 'municipal_staff'].includes(role);
}
