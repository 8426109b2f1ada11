/**
 * Reaching one consultation by id through the scope (404 for unknown and out of scope alike), how the actor
 * stands to it, and the optimistic lock every write takes. Handlers never read `consultations` directly.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import {
  consultationActions,
  consultationHandoffs,
  consultationHistory,
  consultations,
} from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor, RequestMeta } from '../access/actor';
import { ROLE_INFO } from '../access/roles';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { consultationDetail } from './detail';
import { type ConsultationAction, can, type Relation } from './policy';
import { childDetailsVisible, consultationScope } from './scope';
import { actorTeams, type TeamRow } from './teams';

export type ConsultationRow = typeof consultations.$inferSelect;

/** Who writes, when, from where; today's date in Japan. */
/** Who writes; `mailOn` when the deployment sends mail (the page after a write offers a reply by mail). */
export type Writer = { actor: Actor; meta: RequestMeta; at: Date; today: string; mailOn?: boolean };

export function writerOf(c: Context<AppEnv>, deps: Deps): Writer {
  const at = deps.now();
  return {
    actor: requireActor(c),
    meta: c.get('meta'),
    at,
    today: isoDateInJapan(at),
    mailOn: Boolean(deps.config.mail),
  };
}

export type Reached = {
  row: ConsultationRow;
  teams: TeamRow[];
  teamIds: string[];
  rel: Relation;
  childVisible: boolean;
};

/** Loads a consultation through the scope, or null (unknown, malformed id and out of scope are the same). */
export async function reachConsultation(
  db: DbOrTx,
  actor: Actor,
  unverifiedId: string,
  teams?: TeamRow[],
): Promise<Reached | null> {
  if (!isUuid(unverifiedId)) return null;
  const myTeams = teams ?? (await actorTeams(db, actor));
  const teamIds = myTeams.map((t) => t.id);
  const [row] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, unverifiedId), consultationScope(actor, teamIds)));
  if (!row) return null;
  // In WHERE, Drizzle qualifies every column; in a SELECT list it does not, which would bind the consent
  // subquery's columns to the wrong table. The visibility is therefore asked as a condition.
  const visible = row.childId
    ? await db
        .select({ id: consultations.id })
        .from(consultations)
        .where(and(eq(consultations.id, row.id), childDetailsVisible(actor, teamIds)))
    : [];
  const found = { row, childVisible: visible.length > 0 };
  let shared = false;
  if (teamIds.length) {
    const [s] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(consultationHandoffs)
      .where(
        and(
          eq(consultationHandoffs.consultationId, found.row.id),
          inArray(consultationHandoffs.toTeamId, teamIds),
          eq(consultationHandoffs.status, 'accepted'),
          inArray(consultationHandoffs.kind, ['backup', 'supervise']),
        ),
      );
    shared = (s?.n ?? 0) > 0;
  }
  return {
    row: found.row,
    teams: myTeams,
    teamIds,
    childVisible: Boolean(found.childVisible),
    rel: {
      owner: teamIds.includes(found.row.ownerTeamId),
      shared,
      readOnly: ROLE_INFO[actor.role].readOnly,
      closed: found.row.closedAt !== null,
    },
  };
}

/** Reaches the case (404) and checks the action (403; 409 when the case is closed). */
export async function reachFor(
  db: DbOrTx,
  actor: Actor,
  unverifiedId: string,
  action: ConsultationAction,
): Promise<Reached> {
  const reached = await reachConsultation(db, actor, unverifiedId);
  if (!reached) throw new AppError('not_found');
  if (!can(reached.rel, action)) {
    if (reached.rel.closed && !reached.rel.readOnly && (reached.rel.owner || reached.rel.shared))
      throw new AppError('consultation_closed');
    throw new AppError('forbidden');
  }
  return reached;
}

/**
 * Takes the optimistic lock: the version moves on only if it is still the one the client read (`null`: any
 * version, for appends such as timeline entries). The UPDATE locks the row, so concurrent writes queue here.
 * A stale version throws `conflict` built by `onConflict` (the current record).
 */
export async function lockConsultation(
  tx: DbOrTx,
  w: Writer,
  id: string,
  clientVersion: number | null,
  onConflict: () => Promise<AppError>,
): Promise<ConsultationRow> {
  const [locked] = await tx
    .update(consultations)
    .set({ version: sql`${consultations.version} + 1`, updatedAt: w.at })
    .where(
      clientVersion === null
        ? eq(consultations.id, id)
        : and(eq(consultations.id, id), eq(consultations.version, clientVersion)),
    )
    .returning();
  if (!locked) throw await onConflict();
  return locked;
}

/** Writes the history entry and the audit entry of a change (same transaction). */
export async function recordConsultationChange(
  tx: DbOrTx,
  w: Writer,
  locked: ConsultationRow,
  action: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await tx.insert(consultationHistory).values({
    consultationId: locked.id,
    at: w.at,
    userId: w.actor.userId,
    action,
    changes,
    version: locked.version,
  });
  await recordAudit(
    tx,
    { actor: w.actor, meta: w.meta, at: w.at },
    {
      action: action === 'create' ? 'create' : 'update',
      entityType: 'consultation',
      entityIds: [locked.id, ...(locked.childId ? [locked.childId] : [])],
      detail: { change: action, fields: Object.keys(changes) },
    },
  );
}

/**
 * Recomputes `due_on`: the earliest of the next-action date and the follow-up dates of referrals not yet
 * followed up. A case is overdue when `due_on` is before today, so the overdue lists use one indexed column.
 */
export async function refreshDueOn(tx: DbOrTx, id: string): Promise<void> {
  await tx
    .update(consultations)
    .set({
      dueOn: sql`least(${consultations.nextActionOn},
                        (select min(${consultationActions.followUpOn}) from ${consultationActions}
                         where ${consultationActions.consultationId} = ${consultations.id}
                           and ${consultationActions.followUpDoneAt} is null))`,
    })
    .where(eq(consultations.id, id));
}

/** The fields whose values differ (for history): { field: [before, after] }. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const b = before[k];
    if (JSON.stringify(b ?? null) !== JSON.stringify(v ?? null)) out[k] = [b ?? null, v ?? null];
  }
  return out;
}

/**
 * 409 for a stale version, carrying the case as it is now (as the actor may see it) and the fields changed
 * since the version the client read.
 */
export async function conflictError(
  db: DbOrTx,
  actor: Actor,
  id: string,
  clientVersion: number,
  today: string,
): Promise<AppError> {
  const reached = await reachConsultation(db, actor, id);
  if (!reached) return new AppError('not_found');
  const current = await consultationDetail(db, reached, today, actor);
  const since = await db
    .select({ changes: consultationHistory.changes })
    .from(consultationHistory)
    .where(
      and(eq(consultationHistory.consultationId, id), sql`${consultationHistory.version} > ${clientVersion}`),
    );
  const changedFields = [...new Set(since.flatMap((h) => Object.keys(h.changes)))].sort();
  return new AppError('conflict', {
    detail: { current, changedFields, yourVersion: clientVersion, currentVersion: current.version },
  });
}

/**
 * Runs read-only aggregate queries in one transaction with PostgreSQL's JIT compilation off. The figures and
 * caseload queries are estimated expensive enough to trigger JIT, whose compilation (~300 ms measured at
 * 1,000,000 consultations) costs more than the queries themselves. PGlite has no JIT; the setting is harmless.
 */
export async function withoutJit<T>(db: DbOrTx, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
  const inner = async (tx: DbOrTx) => {
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    return run(tx);
  };
  return 'transaction' in db ? db.transaction(inner) : inner(db);
}

/**
 * Runs queries one after another and returns their results as a tuple. Inside a transaction there is one
 * connection: queries sent together would only queue in the driver (deprecated by node-postgres).
 */
export async function inOrder<T extends readonly unknown[]>(
  thunks: {
    [K in keyof T]: () => PromiseLike<T[K]>;
  },
): Promise<T> {
  const out: unknown[] = [];
  for (const run of thunks as readonly (() => PromiseLike<unknown>)[]) out.push(await run());
  return out as unknown as T;
}
