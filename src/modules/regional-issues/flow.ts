/**
 * The flow of a regional issue (pure; decision 0023): region → prefectural council → proposal to the prefecture →
 * answer. One step up at a time; the council and the proposal may send an issue one step back; an answer is never
 * taken back. An open issue ends at any level with an outcome (the answer's only once answered, a development
 * project's only by starting one); an ended issue changes no more until someone reopens it.
 */
import { ISSUE_LEVELS, type IssueLevel, type IssueOutcome } from '../../shared/vocab/regional-issues';

export type FlowMove = 'carry_up' | 'send_back' | 'answer' | 'close' | 'reopen';

/** Who may take a move: the issue's managers (its region, or the whole prefecture) or the prefecture only. */
export type FlowRight = 'manage' | 'prefecture';

export type FlowIssue = { level: IssueLevel; status: 'open' | 'closed' };

/** The next level up, or null at the top (an answer is recorded with its own move). */
export function levelAbove(level: IssueLevel): IssueLevel | null {
  if (level === 'region') return 'prefecture_council';
  if (level === 'prefecture_council') return 'proposal';
  return null;
}

/** The level one step back, or null where nothing goes back (the region; an answered issue). */
export function levelBelow(level: IssueLevel): IssueLevel | null {
  if (level === 'prefecture_council') return 'region';
  if (level === 'proposal') return 'prefecture_council';
  return null;
}

/** The right a move needs from this level: leaving the region is the region's; every later step the prefecture's. */
export function rightFor(move: FlowMove, level: IssueLevel): FlowRight {
  if (move === 'carry_up' && level === 'region') return 'manage';
  if (move === 'close' || move === 'reopen') return 'manage';
  return 'prefecture';
}

/** Why a move cannot be taken from the issue's state, or null when it can. */
export function moveProblem(issue: FlowIssue, move: FlowMove, outcome?: IssueOutcome): string | null {
  if (move === 'reopen') return issue.status === 'closed' ? null : 'not_closed';
  if (issue.status === 'closed') return 'closed';
  switch (move) {
    case 'carry_up':
      return levelAbove(issue.level) ? null : 'top';
    case 'send_back':
      return levelBelow(issue.level) ? null : 'bottom';
    case 'answer':
      return issue.level === 'proposal' ? null : 'not_proposed';
    case 'close':
      if (outcome === 'answered' && issue.level !== 'answered') return 'not_answered';
      if (outcome === 'development') return 'development_by_project';
      return null;
  }
}

/** The order of the levels, for sorting and for the stepper on the issue page. */
export function levelIndex(level: IssueLevel): number {
  return ISSUE_LEVELS.indexOf(level);
}
