/**
 * Lists and queues of consultations, always through {@link consultationScope}:
 * - `mine`: open cases carried by the actor; `team`: cases owned by the actor's team(s) (or `teamId`);
 * - `overdue`: open cases of the actor's teams (or carried by the actor) whose next action or a referral
 *   follow-up is overdue in working days (shared/working-days.ts `overdueBefore`); `handoffs-inbox`: cases with a request pending to the actor's teams;
 * - `all`: everything in scope.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  children,
  consultationHandoffs,
  consultations,
  consultationTeams,
  municipalities,
  users,
} from '../../db/schema';
import { parseCaseNumber } from '../../shared/case-number';
import { nendoRange } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { overdueBeforeIn } from '../calendar/calendar';
import { SUMMARY_FIELDS, teamsById, toSummary } from './detail';
import type { ConsultationSort, ConsultationSummary, ListConsultationsQuery } from './schemas';
import { childDetailsVisible, consultationScope } from './scope';
import type { TeamRow } from './teams';

function viewCondition(
  actor: Actor,
  q: ListConsultationsQuery,
  teamIds: string[],
  overdueBefore: string,
): SQL | undefined {
  // A named team narrows the list; the scope still decides what of it the actor sees.
  const mineOrTeams = q.teamId
    ? eq(consultations.ownerTeamId, q.teamId)
    : teamIds.length
      ? inArray(consultations.ownerTeamId, teamIds)
      : sql`false`;
  switch (q.view) {
    case 'all':
      return q.teamId ? eq(consultations.ownerTeamId, q.teamId) : undefined;
    case 'mine':
      return eq(consultations.assignedUserId, actor.userId);
    case 'team':
      return mineOrTeams;
    case 'overdue':
      return and(
        isNull(consultations.closedAt),
        isNotNull(consultations.dueOn),
        lt(consultations.dueOn, overdueBefore),
        or(mineOrTeams, eq(consultations.assignedUserId, actor.userId)),
      );
    case 'handoffs-inbox':
      if (!teamIds.length) return sql`false`;
      return sql`exists (select 1 from ${consultationHandoffs}
                         where ${consultationHandoffs.consultationId} = ${consultations.id}
                           and ${consultationHandoffs.status} = 'requested'
                           and ${inArray(consultationHandoffs.toTeamId, teamIds)})`;
  }
}

/** The SQL filter of a list request (scope, view and filters); `overdueBefore` is today's working-day cut-off. */
export function listWhere(
  actor: Actor,
  q: ListConsultationsQuery,
  teams: TeamRow[],
  overdueBefore: string,
): SQL {
  const teamIds = teams.map((t) => t.id);
  const conds: (SQL | undefined)[] = [
    consultationScope(actor, teamIds),
    viewCondition(actor, q, teamIds, overdueBefore),
  ];
  // The inbox shows pending requests whatever the case's state; elsewhere the status filter applies.
  if (q.view !== 'handoffs-inbox' && q.view !== 'overdue') {
    if (q.status === 'open') conds.push(isNull(consultations.closedAt));
    if (q.status === 'closed') conds.push(isNotNull(consultations.closedAt));
  }
  if (q.topic) conds.push(sql`${consultations.topics} @> array[${q.topic}]::text[]`);
  if (q.urgency) conds.push(eq(consultations.urgency, q.urgency));
  if (q.municipality) conds.push(eq(consultations.municipalityCode, q.municipality));
  if (q.askerKind) conds.push(eq(consultations.askerKind, q.askerKind));
  if (q.nendo) {
    const { start, end } = nendoRange(q.nendo);
    conds.push(gte(consultations.openedOn, start), lte(consultations.openedOn, end));
  }
  if (q.caseNumber) {
    const n = parseCaseNumber(q.caseNumber);
    if (!n) conds.push(sql`false`);
    else {
      conds.push(eq(consultations.caseSerial, n.serial));
      if (n.nendo !== null) conds.push(eq(consultations.caseNendo, n.nendo));
    }
  }
  if (q.assignee === 'me') conds.push(eq(consultations.assignedUserId, actor.userId));
  else if (q.assignee === 'none') conds.push(isNull(consultations.assignedUserId));
  else if (q.assignee) conds.push(eq(consultations.assignedUserId, q.assignee));
  // A child's consultations: only those whose child the reader may see in them, so the list never ties to
  // the child a case that hides it (decision 0010).
  if (q.childId) {
    conds.push(eq(consultations.childId, q.childId), childDetailsVisible(actor, teamIds));
  }
  return and(...conds)!;
}

/** The list's columns of a consultation (toSummary's). */
const summaryColumns = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, consultations[f]])) as {
  [K in (typeof SUMMARY_FIELDS)[number]]: (typeof consultations)[K];
};

const URGENCY_RANK = sql`(case ${consultations.urgency} when 'urgent' then 0 when 'soon' then 1 else 2 end)`;

/**
 * ORDER BY of a list: the chosen column (an allow-list, never a column name from the request) in the chosen
 * direction, then urgency and the due date, and the id so that pages never overlap.
 */
function orderOf(sort: ConsultationSort, dir: 'asc' | 'desc', childSortKey: SQL): SQL[] {
  const d = dir === 'desc' ? sql`desc` : sql`asc`;
  const due = sql`${consultations.dueOn} asc nulls last`;
  const urgency = sql`${URGENCY_RANK} asc`;
  const tail = [urgency, due, sql`${consultations.openedAt} desc`, sql`${consultations.id} asc`];
  switch (sort) {
    case 'urgency':
      return [sql`${URGENCY_RANK} ${d}`, ...tail.slice(1)];
    case 'due':
      return [sql`${consultations.dueOn} ${d} nulls last`, ...tail];
    case 'caseNumber':
      return [sql`${consultations.caseNendo} ${d}`, sql`${consultations.caseSerial} ${d}`, ...tail];
    case 'opened':
      return [sql`${consultations.openedAt} ${d}`, ...tail];
    case 'child':
      return [sql`${childSortKey} ${d} nulls last`, ...tail];
    case 'subject':
      return [sql`${consultations.subject} ${d}`, ...tail];
    case 'assignee':
      return [sql`${users.displayName} ${d} nulls last`, ...tail];
    case 'municipality':
      return [sql`${consultations.municipalityCode} ${d}`, ...tail];
    case 'team':
      return [sql`${consultationTeams.name} ${d}`, ...tail];
  }
}

/**
 * One page of a list, in the order asked for (default: 至急 first, then the soonest due). The total comes from
 * a window count in the same statement (one round trip, as the children list); only a page past the end
 * needs a separate count. The child's name is read only where {@link childDetailsVisible} allows it.
 */
export async function listConsultations(
  db: DbOrTx,
  actor: Actor,
  q: ListConsultationsQuery,
  teams: TeamRow[],
  today: string,
): Promise<{ items: ConsultationSummary[]; total: number; ids: string[] }> {
  // Overdue counts in working days (the prefecture's calendar, kept per server: no statement of its own).
  const cutOff = await overdueBeforeIn(db, actor.prefectureCode, today);
  const where = listWhere(actor, q, teams, cutOff);
  const visible = childDetailsVisible(
    actor,
    teams.map((t) => t.id),
  );
  // The child's name is read for the page's rows only (a scalar subquery, evaluated after the LIMIT); joining
  // children made PostgreSQL hash the whole registry for every queue (21 of 25 ms under load, decision 0015).
  // Sorting by child needs the key of every row, so only then is it read for all of them.
  const childName = sql<string | null>`case when ${visible}
    then (select ${children.familyName} || ' ' || ${children.givenName} from ${children}
          where ${children.id} = ${consultations.childId}) end`;
  const childSortKey = sql`case when ${visible}
    then (select ${children.familyKana} || ' ' || ${children.givenKana} from ${children}
          where ${children.id} = ${consultations.childId}) end`;
  const rows = await db
    .select({
      row: summaryColumns,
      municipalityName: municipalities.name,
      assigneeName: users.displayName,
      childName,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(consultations)
    .leftJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
    .leftJoin(users, eq(users.id, consultations.assignedUserId))
    .leftJoin(consultationTeams, eq(consultationTeams.id, consultations.ownerTeamId))
    .where(where)
    .orderBy(...orderOf(q.sort, q.dir, childSortKey))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(consultations).where(where);
    total = count?.n ?? 0;
  }
  // Most rows of a queue are owned by the actor's own teams, already loaded: only other owners are read.
  const own = new Map(teams.map((t) => [t.id, t]));
  const others = rows.map((r) => r.row.ownerTeamId).filter((id) => !own.has(id));
  const teamMap = others.length ? new Map([...own, ...(await teamsById(db, others))]) : own;
  return {
    items: rows.map((r) =>
      toSummary(
        r.row,
        teamMap,
        {
          municipalityName: r.municipalityName,
          assigneeName: r.assigneeName,
          childName: r.childName,
        },
        cutOff,
      ),
    ),
    total,
    ids: rows.map((r) => r.row.id),
  };
}
