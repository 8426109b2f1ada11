/**
 * The moves of an issue (decision 0023; the pure rules in flow.ts): carry up, send back, record the answer, end,
 * reopen. Each move is one transaction: the issue under its version, an entry of its history (who, when, from
 * and to which level, the text) and the audit entry. The region's managers carry an issue to the council and end
 * or reopen it; every later step and every sending back is the prefecture's (centre staff of the whole prefecture).
 */
import type { z } from '@hono/zod-openapi';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { type FlowMove, levelAbove, levelBelow, moveProblem, rightFor } from './flow';
import { addEvent, bumpIssue, type Issue, type Who } from './issues';
import { type IssuePolicy, placeWithin } from './policy';
import type {
  ZAnswerIssueRequest,
  ZCloseIssueRequest,
  ZMoveIssueRequest,
  ZReopenIssueRequest,
} from './schemas';
import { readableIssue } from './scope';

const PROBLEM_ERRORS = {
  closed: 'issue_closed',
  not_closed: 'issue_not_closed',
  top: 'issue_at_top',
  bottom: 'issue_at_bottom',
  not_proposed: 'issue_not_proposed',
  not_answered: 'issue_not_answered',
  development_by_project: 'issue_development_by_project',
} as const;

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { issues: [{ path, message }] });
}

/** The issue, locked, when the caller may take the move from its level (403 otherwise; 409 from its state). */
async function issueForMove(
  tx: Parameters<typeof readableIssue>[0],
  policy: IssuePolicy,
  id: string,
  move: FlowMove,
  outcome?: Parameters<typeof moveProblem>[2],
): Promise<Issue> {
  const i = await readableIssue(tx, policy, id, { forUpdate: true });
  const right = rightFor(move, i.level);
  const allowed =
    right === 'prefecture'
      ? policy.prefectureSteps
      : placeWithin(policy.manage, { regionId: i.regionId, municipalityCode: i.municipalityCode });
  if (!allowed) throw new AppError('forbidden');
  const problem = moveProblem(i, move, outcome);
  if (problem) throw new AppError(PROBLEM_ERRORS[problem as keyof typeof PROBLEM_ERRORS]);
  return i;
}

async function audited(tx: Parameters<typeof recordAudit>[0], who: Who, i: Issue, move: string) {
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'regional_issue',
    entityIds: [i.id],
    detail: { event: 'updated', move, from: i.level },
  });
}

/** One step up (the proposal needs its text) or one step back (a reason is needed). */
export async function moveIssue(
  tx: Parameters<typeof readableIssue>[0],
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZMoveIssueRequest>,
) {
  const i = await issueForMove(tx, policy, id, body.move);
  const today = isoDateInJapan(who.at);
  const on = body.on ?? today;
  const text = body.text?.trim() || null;
  const reachedOn = i.level === 'prefecture_council' ? (i.councilOn ?? i.raisedOn) : i.raisedOn;
  if (body.on && (body.on > today || body.on < reachedOn)) {
    invalid(
      'on',
      '日付は今の段階になった日から今日までにしてください / The date must be between the current level’s date and today',
    );
  }
  if (body.move === 'send_back') {
    if (!text) invalid('text', '差し戻す理由を入力してください / Give the reason for sending it back');
    const to = levelBelow(i.level)!;
    await bumpIssue(tx, who, policy, i, body.version, {
      level: to,
      ...(i.level === 'proposal' ? { proposalText: null, proposedOn: null } : {}),
      ...(to === 'region' ? { councilOn: null } : {}),
    });
    await addEvent(tx, who, i.id, 'sent_back', { fromLevel: i.level, toLevel: to, note: text });
  } else {
    const to = levelAbove(i.level)!;
    if (to === 'proposal' && !text) {
      invalid('text', '県への提言の内容を入力してください / Write what is proposed to the prefecture');
    }
    await bumpIssue(tx, who, policy, i, body.version, {
      level: to,
      ...(to === 'prefecture_council' ? { councilOn: on } : { proposalText: text, proposedOn: on }),
    });
    await addEvent(tx, who, i.id, 'carried_up', { fromLevel: i.level, toLevel: to, note: text });
  }
  await audited(tx, who, i, body.move);
}

/** Records the prefecture's answer (its text and date); the issue stays open until someone ends it. */
export async function answerIssue(
  tx: Parameters<typeof readableIssue>[0],
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZAnswerIssueRequest>,
) {
  const i = await issueForMove(tx, policy, id, 'answer');
  if (body.answeredOn > isoDateInJapan(who.at)) {
    invalid('answeredOn', '回答日に未来の日付は入力できません / The answer date cannot be in the future');
  }
  if (i.proposedOn && body.answeredOn < i.proposedOn) {
    invalid('answeredOn', '回答日は提言の日より後にしてください / The answer cannot predate the proposal');
  }
  await bumpIssue(tx, who, policy, i, body.version, {
    level: 'answered',
    answerText: body.answerText,
    answeredOn: body.answeredOn,
  });
  await addEvent(tx, who, i.id, 'answered', {
    fromLevel: i.level,
    toLevel: 'answered',
    note: body.answerText,
  });
  await audited(tx, who, i, 'answer');
}

/** Ends an open issue with an outcome. */
export async function closeIssue(
  tx: Parameters<typeof readableIssue>[0],
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZCloseIssueRequest>,
) {
  const i = await issueForMove(tx, policy, id, 'close', body.outcome);
  await bumpIssue(tx, who, policy, i, body.version, {
    status: 'closed',
    outcome: body.outcome,
    closedOn: isoDateInJapan(who.at),
  });
  await addEvent(tx, who, i.id, 'closed', { fromLevel: i.level, note: body.note?.trim() || null });
  await audited(tx, who, i, 'close');
}

/** Reopens an ended issue at the level it had reached, with a reason. */
export async function reopenIssue(
  tx: Parameters<typeof readableIssue>[0],
  who: Who,
  policy: IssuePolicy,
  id: string,
  body: z.infer<typeof ZReopenIssueRequest>,
) {
  const i = await issueForMove(tx, policy, id, 'reopen');
  await bumpIssue(tx, who, policy, i, body.version, { status: 'open', outcome: null, closedOn: null });
  await addEvent(tx, who, i.id, 'reopened', { toLevel: i.level, note: body.note });
  await audited(tx, who, i, 'reopen');
}
