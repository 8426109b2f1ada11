/**
 * Lists and queues of consultations, always through {@link consultationScope}:
 * - `mine`: open cases carried by the actor; `team`: cases owned by the actor's team(s) (or `teamId`);
 * - `overdue`: open cases of the actor's teams (or carried by the actor) whose next action or a referral
 *   follow-up is before today; `handoffs-inbox`: cases with a request pending to the actor's teams;
 * - `all`: everything in scope.
 */
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultationHandoffs, consultations, municipalities } from '../../db/schema';
import { nendoRange } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { teamsById, toSummary } from './detail';
import type { ConsultationSummary, ListConsultationsQuery } from './schemas';
import { consultationScope } from './scope';
import type { TeamRow } from './teams';

function viewCondition(
  actor: Actor,
  q: ListConsultationsQuery,
  teamIds: string[],
  today: string,
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
        lt(consultations.dueOn, today),
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

/** The SQL filter of a list request (scope, view and filters). */
export function listWhere(actor: Actor, q: ListConsultationsQuery, teams: TeamRow[], today: string): SQL {
  const teamIds = teams.map((t) => t.id);
  const conds: (SQL | undefined)[] = [
    consultationScope(actor, teamIds),
    viewCondition(actor, q, teamIds, today),
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
  return and(...conds)!;
}

/**
 * One page of a list, newest first (overdue: most overdue first; mine: soonest due first). The total comes
 * from a window count in the same statement (one round trip, as the children list); only a page past the end
 * needs a separate count.
 */
export async function listConsultations(
  db: DbOrTx,
  actor: Actor,
  q: ListConsultationsQuery,
  teams: TeamRow[],
  today: string,
): Promise<{ items: ConsultationSummary[]; total: number; ids: string[] }> {
  const where = listWhere(actor, q, teams, today);
  const order =
    q.view === 'overdue' || q.view === 'mine'
      ? [sql`${consultations.dueOn} asc nulls last`, desc(consultations.openedAt)]
      : [desc(consultations.openedAt), desc(consultations.id)];
  const rows = await db
    .select({
      row: consultations,
      municipalityName: municipalities.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(consultations)
    .leftJoin(municipalities, eq(municipalities.code, consultations.municipalityCode))
    .where(where)
    .orderBy(...order)
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
    items: rows.map((r) => toSummary(r.row, teamMap, r.municipalityName, today)),
    total,
    ids: rows.map((r) => r.row.id),
  };
}
