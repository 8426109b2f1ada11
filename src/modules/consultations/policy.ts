/**
 * What an actor may do with one consultation, as a small pure rule (tested without HTTP). The scope has
 * already decided that the actor may see the case (404 first); these rules give 403. Responses carry the
 * allowed actions so the screens show or hide buttons without copying the rules.
 */
import { toHiragana } from '../../shared/kana';

export const CONSULTATION_ACTIONS = [
  'update',
  'addAction',
  'close',
  'requestHandoff',
  'requestBackup',
  'requestSupervise',
] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** How the actor stands to the case: in the owning team, in a team it is shared with, or neither. */
export type Relation = {
  owner: boolean;
  shared: boolean;
  readOnly: boolean;
  closed: boolean;
};

/**
 * The owning team changes the case, closes it and asks others (hand-off, back-up, supervise team); a team
 * it is shared with (back-up, supervise) records its own work on the timeline; nobody changes a closed case;
 * read-only roles (auditors) change nothing. Whole-prefecture readers who are not in a team of the case read.
 */
export function can(rel: Relation, action: ConsultationAction): boolean {
  if (rel.readOnly || rel.closed) return false;
  if (action === 'addAction') return rel.owner || rel.shared;
  return rel.owner;
}

/** Every action allowed, for the response. */
export function allowedActions(rel: Relation): ConsultationAction[] {
  return CONSULTATION_ACTIONS.filter((a) => can(rel, a));
}

/**
 * The text compared by trigram similarity (the hub, KU-4): NFKC (full-width ASCII and half-width kana
 * folded), katakana as hiragana, lower case, punctuation and runs of space as one space.
 */
export function searchTextOf(narrative: string): string {
  return toHiragana(narrative.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s、。，．,.!?！？「」『』（）()・:：;；"'“”]+/g, ' ')
    .trim();
}
