/**
 * Linkage runs: loading one within the actor's prefecture (404 otherwise), their summaries with review counts
 * and job, starting a run (run + job + audit in one transaction) and publishing it.
 */

import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusImports, censusReviewPairs, censusRuns, jobs } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { jobView } from './jobs-view';
import type { ZRunSummary } from './schemas';

export type RunRow = typeof censusRuns.$inferSelect;
type RunSummary = z.infer<typeof ZRunSummary>;

/**
 * A run of the prefecture by an id from a path (unverified until found here): 404 for a malformed id, an
 * unknown run or another prefecture's.
 */
export async function loadRun(db: DbOrTx, prefectureCode: string, unverifiedId: string): Promise<RunRow> {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const [run] = await db
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.id, unverifiedId), eq(censusRuns.prefectureCode, prefectureCode)));
  if (!run) throw new AppError('not_found');
  return run;
}

/** As {@link loadRun}, locking the run's row for the rest of the transaction (decisions, publish, push). */
export async function lockRun(tx: DbOrTx, prefectureCode: string, unverifiedId: string): Promise<RunRow> {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const [run] = await tx
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.id, unverifiedId), eq(censusRuns.prefectureCode, prefectureCode)))
    .for('update');
  if (!run) throw new AppError('not_found');
  return run;
}

/** Summaries of runs (in the given order) with their review counts and jobs. */
export async function runSummaries(db: DbOrTx, runs: readonly RunRow[]): Promise<RunSummary[]> {
  if (runs.length === 0) return [];
  // A run being written has staged pairs that are not its result yet: counted only once it is linked.
  const ids = runs.filter((r) => r.status === 'linked' || r.status === 'published').map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({
            runId: censusReviewPairs.runId,
            pending: sql<number>`count(*) filter (where ${censusReviewPairs.status} = 'pending')::int`,
            decided: sql<number>`count(*) filter (where ${censusReviewPairs.status} <> 'pending')::int`,
          })
          .from(censusReviewPairs)
          .where(inArray(censusReviewPairs.runId, ids))
          .groupBy(censusReviewPairs.runId);
  const jobIds = runs.flatMap((r) => (r.jobId ? [r.jobId] : []));
  const jobRows = jobIds.length ? await db.select().from(jobs).where(inArray(jobs.id, jobIds)) : [];
  const countOf = new Map(counts.map((c) => [c.runId, c]));
  const jobOf = new Map(jobRows.map((j) => [j.id, j]));
  return runs.map((r) => {
    const job = r.jobId ? jobOf.get(r.jobId) : undefined;
    return {
      id: r.id,
      nendo: r.nendo,
      status: r.status,
      recordCount: r.recordCount,
      clusterCount: r.clusterCount,
      breakdown: r.status === 'linked' || r.status === 'published' ? (r.breakdown ?? null) : null,
      pendingReviews: countOf.get(r.id)?.pending ?? 0,
      decidedReviews: countOf.get(r.id)?.decided ?? 0,
      createdAt: r.createdAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      pushedAt: r.pushedAt?.toISOString() ?? null,
      job: job ? jobView(job) : null,
    };
  });
}

export async function runSummary(db: DbOrTx, run: RunRow): Promise<RunSummary> {
  return (await runSummaries(db, [run]))[0]!;
}

/** The prefecture's runs of a 年度, newest first. */
export async function listRuns(db: DbOrTx, prefectureCode: string, nendo: number): Promise<RunSummary[]> {
  const rows = await db
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.prefectureCode, prefectureCode), eq(censusRuns.nendo, nendo)))
    .orderBy(desc(censusRuns.createdAt), desc(censusRuns.id));
  return runSummaries(db, rows);
}

/** Pairs of a run still waiting for a person. */
export async function pendingCount(db: DbOrTx, runId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(censusReviewPairs)
    .where(and(eq(censusReviewPairs.runId, runId), eq(censusReviewPairs.status, 'pending')));
  return row?.n ?? 0;
}

/**
 * Starts a linkage run of a 年度: the run (queued), its 'census.link' job and the audit entry in one
 * transaction; the worker is woken after the commit. 409 census_nothing_to_link without an imported list.
 */
export async function createRun(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  prefectureCode: string,
  nendo: number,
): Promise<RunSummary> {
  const run = await deps.db.systemDb.transaction(async (tx) => {
    const [list] = await tx
      .select({ id: censusImports.id })
      .from(censusImports)
      .where(
        and(
          eq(censusImports.prefectureCode, prefectureCode),
          eq(censusImports.nendo, nendo),
          eq(censusImports.status, 'imported'),
          isNull(censusImports.supersededAt),
        ),
      )
      .limit(1);
    if (!list) throw new AppError('census_nothing_to_link');
    const at = deps.now();
    const [row] = await tx
      .insert(censusRuns)
      .values({ prefectureCode, nendo, status: 'queued', createdBy: actor.userId, createdAt: at })
      .returning();
    const jobId = await enqueueJob(tx, {
      kind: 'census.link',
      prefectureCode,
      payload: { runId: row!.id },
      createdBy: actor.userId,
    });
    const [withJob] = await tx
      .update(censusRuns)
      .set({ jobId })
      .where(eq(censusRuns.id, row!.id))
      .returning();
    await recordAudit(
      tx,
      { actor, meta, at },
      { action: 'create', entityType: 'census_run', entityIds: [row!.id], detail: { nendo, jobId } },
    );
    return withJob!;
  });
  deps.jobs.kick();
  return runSummary(deps.db.systemDb, run);
}

/**
 * Publishes a linked run as the 年度's figures: 409 census_run_published when it already is, 409
 * census_run_not_linked unless linked, 409 census_review_pending while a pair waits for a person.
 */
export async function publishRun(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  prefectureCode: string,
  unverifiedId: string,
): Promise<RunSummary> {
  const run = await deps.db.systemDb.transaction(async (tx) => {
    const run = await lockRun(tx, prefectureCode, unverifiedId);
    if (run.status === 'published') throw new AppError('census_run_published');
    if (run.status !== 'linked') throw new AppError('census_run_not_linked');
    const pending = await pendingCount(tx, run.id);
    if (pending > 0) throw new AppError('census_review_pending', { detail: { pending } });
    const at = deps.now();
    const [row] = await tx
      .update(censusRuns)
      .set({
        status: 'published',
        publishedAt: at,
        publishedBy: actor.userId,
        version: sql`${censusRuns.version} + 1`,
      })
      .where(eq(censusRuns.id, run.id))
      .returning();
    await recordAudit(
      tx,
      { actor, meta, at },
      {
        action: 'update',
        entityType: 'census_run',
        entityIds: [run.id],
        detail: { event: 'publish', nendo: run.nendo, clusterCount: run.clusterCount },
      },
    );
    return row!;
  });
  return runSummary(deps.db.systemDb, run);
}
