/** Shaping consultations for responses: the list summary and the full page (timeline, hand-offs, shares). */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  children,
  consultationActions,
  consultationHandoffs,
  consultationTeams,
  municipalities,
  organisations,
  users,
} from '../../db/schema';
import { formatCaseNumber } from '../../shared/case-number';
import { compareIsoDates } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { overdueBeforeIn } from '../calendar/calendar';
import { type ConsultationRow, inOrder, type Reached } from './access';
import { checkHandoffDecision, type HandoffDecision } from './handoff';
import { allowedActions, can } from './policy';
import { readableResourceNames, referralPickerFor, teamMembers } from './referrals-assign';
import { canReplyByMail } from './reply';
import type { ConsultationDetail, ConsultationSummary } from './schemas';
import type { TeamRow } from './teams';

type TeamView = ConsultationDetail['ownerTeam'];

export function teamView(t: Pick<TeamRow, 'id' | 'tier' | 'kind' | 'name'> | undefined): TeamView {
  return t
    ? { id: t.id, tier: t.tier, kind: t.kind, name: t.name }
    : { id: '', tier: 'centre', kind: 'tier', name: '' };
}

/** Teams by id (for names in lists and pages). */
export async function teamsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, TeamRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select().from(consultationTeams).where(inArray(consultationTeams.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Overdue: open, with a due date before `overdueBefore` — the working-day cut-off of today (a due date on a
 * closed day counts as the next working day; shared/working-days.ts `overdueBefore`).
 */
export function isOverdue(row: Pick<ConsultationRow, 'dueOn' | 'closedAt'>, overdueBefore: string): boolean {
  return row.closedAt === null && row.dueOn !== null && compareIsoDates(row.dueOn, overdueBefore) < 0;
}

/** Names read with the row: its municipality, who carries it, and the child where the reader may see it. */
export type SummaryNames = {
  municipalityName: string | null;
  assigneeName: string | null;
  childName: string | null;
};

/** The columns a list row needs (a list never reads the narrative or the search text). */
export const SUMMARY_FIELDS = [
  'id',
  'caseNendo',
  'caseSerial',
  'subject',
  'childKind',
  'nextAction',
  'municipalityCode',
  'ownerTeamId',
  'firstTier',
  'askerKind',
  'channel',
  'topics',
  'urgency',
  'openedAt',
  'nextActionOn',
  'dueOn',
  'assignedUserId',
  'closedAt',
  'outcome',
  'source',
  'version',
] as const satisfies readonly (keyof ConsultationRow)[];

export type SummaryRow = Pick<ConsultationRow, (typeof SUMMARY_FIELDS)[number]>;

export function toSummary(
  row: SummaryRow,
  teams: Map<string, TeamRow>,
  names: SummaryNames,
  overdueBefore: string,
): ConsultationSummary {
  return {
    id: row.id,
    caseNumber: formatCaseNumber(row.caseNendo, row.caseSerial),
    subject: row.subject,
    childName: names.childName,
    childDetailsHidden: row.childKind === 'registered' && names.childName === null,
    nextAction: row.nextAction,
    assignedUserName: names.assigneeName,
    municipalityCode: row.municipalityCode,
    municipalityName: names.municipalityName,
    ownerTeam: teamView(teams.get(row.ownerTeamId)),
    firstTier: row.firstTier,
    askerKind: row.askerKind,
    channel: row.channel,
    childKind: row.childKind,
    topics: row.topics,
    urgency: row.urgency,
    openedAt: row.openedAt.toISOString(),
    nextActionOn: row.nextActionOn,
    dueOn: row.dueOn,
    overdue: isOverdue(row, overdueBefore),
    assignedUserId: row.assignedUserId,
    closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.outcome,
    source: row.source,
    version: row.version,
  };
}

/**
 * The consultation page as the actor may see it (child details only when {@link Reached.childVisible}; a
 * referral's directory listing named only when the actor may read it; the owning team's members only for
 * those who may reassign the case).
 */
export async function consultationDetail(
  db: DbOrTx,
  reached: Reached,
  today: string,
  actor: Actor,
  opts: { mailOn?: boolean | undefined } = {},
): Promise<ConsultationDetail> {
  const { row } = reached;
  const cutOff = await overdueBeforeIn(db, row.prefectureCode, today);
  const [actions, handoffs, [muni]] = await inOrder([
    () =>
      db
        .select({ a: consultationActions, byName: users.displayName })
        .from(consultationActions)
        .leftJoin(users, eq(users.id, consultationActions.byUserId))
        .where(eq(consultationActions.consultationId, row.id))
        .orderBy(asc(consultationActions.at), asc(consultationActions.createdAt)),
    () =>
      db
        .select()
        .from(consultationHandoffs)
        .where(eq(consultationHandoffs.consultationId, row.id))
        .orderBy(asc(consultationHandoffs.requestedAt)),
    () =>
      db
        .select({ name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.code, row.municipalityCode)),
  ]);
  const teams = await teamsById(db, [
    row.ownerTeamId,
    row.firstTeamId,
    ...handoffs.flatMap((h) => [h.fromTeamId, h.toTeamId]),
  ]);
  let child: ConsultationDetail['child'] = {
    kind: row.childKind,
    childId: null,
    name: null,
    kana: null,
    birthDate: null,
    description: row.childKind === 'unregistered' ? row.childDescription : null,
    detailsHidden: row.childKind === 'registered',
  };
  if (row.childKind === 'registered' && reached.childVisible && row.childId) {
    const [c] = await db
      .select({
        familyName: children.familyName,
        givenName: children.givenName,
        familyKana: children.familyKana,
        givenKana: children.givenKana,
        birthDate: children.birthDate,
      })
      .from(children)
      .where(eq(children.id, row.childId));
    if (c) {
      child = {
        ...child,
        childId: row.childId,
        name: `${c.familyName} ${c.givenName}`,
        kana: `${c.familyKana} ${c.givenKana}`,
        birthDate: c.birthDate,
        detailsHidden: false,
      };
    }
  }
  const mayUpdate = can(reached.rel, 'update');
  const [resourceNames, assignees, [assignee], [askerOrganisation]] = await inOrder([
    () =>
      readableResourceNames(
        db,
        actor,
        actions.flatMap(({ a }) => (a.resourceId ? [a.resourceId] : [])),
      ),
    () => {
      const owner = teams.get(row.ownerTeamId);
      return mayUpdate && owner ? teamMembers(db, owner) : Promise.resolve([]);
    },
    () =>
      row.assignedUserId
        ? db.select({ name: users.displayName }).from(users).where(eq(users.id, row.assignedUserId))
        : Promise.resolve([]),
    () =>
      row.askerOrganisationId
        ? db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(eq(organisations.id, row.askerOrganisationId))
        : Promise.resolve([]),
  ]);
  const readOnly = reached.rel.readOnly;
  const handoffActions = (h: (typeof handoffs)[number]): HandoffDecision[] => {
    if (readOnly) return [];
    const out: HandoffDecision[] = [];
    if (checkHandoffDecision(h, 'accept', reached.teamIds, null) === null) out.push('accept');
    const d = checkHandoffDecision(h, 'decline', reached.teamIds, null);
    if (d === null || d === 'reason_required') out.push('decline');
    if (checkHandoffDecision(h, 'withdraw', reached.teamIds, null) === null) out.push('withdraw');
    return out;
  };
  return {
    ...toSummary(
      row,
      teams,
      { municipalityName: muni?.name ?? null, assigneeName: assignee?.name ?? null, childName: child.name },
      cutOff,
    ),
    askerDivision: row.askerDivision,
    askerContact: row.askerContact,
    askerOrganisation: askerOrganisation ?? null,
    child,
    narrative: row.narrative,
    firstTeam: teamView(teams.get(row.firstTeamId)),
    resolvedTier: row.resolvedTier,
    closingNote: row.closingNote,
    receiptNo: row.receiptNo,
    routingReason: row.routingReason ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    timeline: actions.map(({ a, byName }) => ({
      id: a.id,
      kind: a.kind,
      at: a.at.toISOString(),
      minutes: a.minutes,
      note: a.note,
      byUserId: a.byUserId,
      byName,
      teamId: a.teamId,
      resourceId: a.resourceId,
      resourceText: a.resourceText,
      resourceName: a.resourceId ? (resourceNames.get(a.resourceId) ?? null) : null,
      followUpOn: a.followUpOn,
      followUpDoneAt: a.followUpDoneAt?.toISOString() ?? null,
      followUpOverdue:
        a.followUpOn !== null &&
        a.followUpDoneAt === null &&
        row.closedAt === null &&
        compareIsoDates(a.followUpOn, cutOff) < 0,
    })),
    handoffs: handoffs.map((h) => ({
      id: h.id,
      kind: h.kind,
      fromTeam: teamView(teams.get(h.fromTeamId)),
      toTeam: teamView(teams.get(h.toTeamId)),
      status: h.status,
      reason: h.reason,
      systemReason: h.systemReason,
      keepAsBackup: h.keepAsBackup,
      requestedAt: h.requestedAt.toISOString(),
      decidedAt: h.decidedAt?.toISOString() ?? null,
      decisionReason: h.decisionReason,
      actions: handoffActions(h),
    })),
    shares: handoffs
      .filter((h) => h.status === 'accepted' && h.kind !== 'handoff')
      .map((h) => teamView(teams.get(h.toTeamId))),
    allowedActions: allowedActions(reached.rel),
    replyByMail: canReplyByMail(row, opts.mailOn ?? false) && can(reached.rel, 'addAction'),
    assignees,
    referralPicker: referralPickerFor(actor),
  };
}
