/**
 * The 'census.link' job: links the 年度's current lists and the registry's children of the prefecture (as one
 * more list), applies the decisions people made on pairs before (this year or earlier ones), stages the members
 * and the pairs for review in batches while the run says 'running', and makes the run visible ('linked', with
 * its model) in one short transaction at the end — a failure shows nothing, and the failure hook marks the run
 * 'failed' and removes what was staged.
 */

import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type SystemDb } from '../../db/client';
import {
  censusDecisions,
  censusImports,
  censusMembers,
  censusRecords,
  censusReviewPairs,
  censusRuns,
  censusSources,
  childCareItems,
  children,
  users,
} from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { resolveActor } from '../access/resolve-actor';
import { childScope } from '../registry/scope';
import { refreshBreakdown } from './breakdown-store';
import { DEFAULT_THRESHOLDS } from './link/cluster';
import { explainPair, type LinkResult, linkRecords } from './link/link';
import { pairKeyOfIdentities, recordIdentity } from './pair-key';
import { censusAccess } from './policy';
import type { CensusRecord } from './types';

/** The file name the registry's children take part under. */
export const REGISTRY_FILE = 'registry';

/** A member before writing: a list's record or a registry child, with the linker's record. */
type Member = { recordId: number | null; childId: string | null; record: CensusRecord };

/** The 年度's current records (imported, not superseded), oldest import first; `file` is the import's id. */
async function loadListMembers(db: SystemDb, prefectureCode: string, nendo: number): Promise<Member[]> {
  const rows = await db
    .select({ r: censusRecords, importId: censusImports.id })
    .from(censusRecords)
    .innerJoin(censusImports, eq(censusImports.id, censusRecords.importId))
    .innerJoin(censusSources, eq(censusSources.id, censusImports.sourceId))
    .where(
      and(
        eq(censusImports.prefectureCode, prefectureCode),
        eq(censusImports.nendo, nendo),
        eq(censusImports.status, 'imported'),
        isNull(censusImports.supersededAt),
      ),
    )
    .orderBy(asc(censusImports.createdAt), asc(censusImports.id), asc(censusRecords.row));
  return rows.map(({ r, importId }) => ({
    recordId: r.id,
    childId: null,
    record: {
      // The one-list guard of the linker needs the list's identity, not its (possibly repeated) file name.
      file: importId,
      row: r.row,
      name: r.name,
      kana: r.kana,
      birthDate: r.birthDate,
      sex: r.sex,
      address: r.address,
      municipalityCode: r.municipalityCode,
      school: r.school,
      grade: r.grade,
      careItems: r.careItems ?? [],
      raw: r.raw,
    },
  }));
}

/**
 * The registry's children as one more list, read through the registry's scope as the run's creator: the
 * creator's actor is rebuilt (their current role and scope), and must still have census write access (a
 * whole-prefecture scope), so the registry list is the whole prefecture's. Deceased and moved-out children
 * take part too: they explain records, and their status feeds the change from last year.
 */
async function loadRegistryMembers(db: SystemDb, createdBy: string | null): Promise<Member[]> {
  const [user] = createdBy ? await db.select().from(users).where(eq(users.id, createdBy)) : [];
  const actor = user && !user.disabledAt ? await resolveActor(db, user) : null;
  if (!actor || censusAccess(actor) !== 'write') throw new AppError('census_run_creator_no_access');
  const rows = await db
    .select({
      id: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      familyKana: children.familyKana,
      givenKana: children.givenKana,
      birthDate: children.birthDate,
      sex: children.sex,
      address: children.address,
      municipalityCode: children.municipalityCode,
    })
    .from(children)
    .where(childScope(actor))
    .orderBy(asc(children.createdAt), asc(children.id));
  const care = await db
    .select({ childId: childCareItems.childId, code: childCareItems.code })
    .from(childCareItems)
    .innerJoin(children, eq(children.id, childCareItems.childId))
    .where(childScope(actor));
  const careOf = new Map<string, string[]>();
  for (const c of care) careOf.set(c.childId, [...(careOf.get(c.childId) ?? []), c.code]);
  return rows.map((c, i) => ({
    recordId: null,
    childId: c.id,
    record: {
      file: REGISTRY_FILE,
      row: i + 1,
      name: `${c.familyName} ${c.givenName}`,
      kana: `${c.familyKana} ${c.givenKana}`,
      birthDate: c.birthDate,
      sex: c.sex === 'unknown' ? null : c.sex,
      address: c.address,
      municipalityCode: c.municipalityCode,
      school: null,
      grade: null,
      careItems: careOf.get(c.id) ?? [],
      raw: {},
    },
  }));
}

export type Decision = { decision: 'same' | 'different'; decidedBy: string | null; decidedAt: Date };

/** A pair as written to census_review_pairs. */
export type PairOut = {
  a: number;
  b: number;
  weight: number;
  comparison: Record<string, string>;
  guard: 'twin' | 'names' | null;
  pairKey: string;
  status: 'pending' | 'same' | 'different';
  reused: boolean;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Index into result.pairs (for the explanation). */
  pairIndex: number;
};

/**
 * Applies remembered decisions to a link result. Every review pair is kept (pending, or decided with
 * reused = true when its key has a decision); 'same' merges the two clusters; 'different' keeps them apart —
 * also for a pair the linker joined on its own, which is then recorded as a decided pair and its second
 * record moved to a cluster of its own. Clusters are numbered again 0… in order of first record. Pure.
 */
export function applyDecisions(
  records: readonly CensusRecord[],
  result: LinkResult,
  decisions: ReadonlyMap<string, Decision>,
): { clusterOf: number[]; clusterCount: number; pairs: PairOut[] } {
  const n = records.length;
  const identity = records.map(recordIdentity);
  const id = (a: number, b: number) => a * n + b;
  const indexOf = new Map<number, number>();
  result.pairs.forEach((p, i) => {
    if (p.weight >= DEFAULT_THRESHOLDS.review) indexOf.set(id(p.a, p.b), i);
  });
  const out = (pairIndex: number, forcedKey?: string): PairOut => {
    const p = result.pairs[pairIndex]!;
    const key = forcedKey ?? pairKeyOfIdentities(identity[p.a]!, identity[p.b]!);
    const d = decisions.get(key);
    return {
      a: p.a,
      b: p.b,
      weight: p.weight,
      comparison: { ...p.comparison },
      guard: p.guard,
      pairKey: key,
      status: d?.decision ?? 'pending',
      reused: !!d,
      decidedBy: d?.decidedBy ?? null,
      decidedAt: d?.decidedAt ?? null,
      pairIndex,
    };
  };
  const pairs = result.review.map((p) => out(indexOf.get(id(p.a, p.b))!));
  if (decisions.size > 0) {
    for (const [i, p] of result.pairs.entries()) {
      if (p.weight < DEFAULT_THRESHOLDS.link || result.clusterOf[p.a] !== result.clusterOf[p.b]) continue;
      const key = pairKeyOfIdentities(identity[p.a]!, identity[p.b]!);
      if (decisions.get(key)?.decision === 'different') pairs.push(out(i, key));
    }
  }
  // Union–find over the linker's clusters for the 'same' decisions.
  const parent = Array.from({ length: result.clusterCount }, (_, i) => i);
  const find = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c]!]!;
      c = parent[c]!;
    }
    return c;
  };
  for (const p of pairs) {
    if (p.status !== 'same') continue;
    const x = find(result.clusterOf[p.a]!);
    const y = find(result.clusterOf[p.b]!);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const raw = result.clusterOf.map((c) => find(c));
  let next = result.clusterCount;
  for (const p of pairs) {
    if (p.status === 'different' && raw[p.a] === raw[p.b]) raw[p.b] = next++;
  }
  const renumber = new Map<number, number>();
  const clusterOf = raw.map((c) => {
    let k = renumber.get(c);
    if (k === undefined) {
      k = renumber.size;
      renumber.set(c, k);
    }
    return k;
  });
  return { clusterOf, clusterCount: renumber.size, pairs };
}

/**
 * Rows per INSERT, each its own short statement, so the embedded database (one connection) serves requests
 * between them (decision 0016).
 */
const BATCH = 1000;

/** The handler of 'census.link' jobs. */
export function runJobHandler(_deps: Deps): JobHandler {
  return {
    async run(ctx) {
      const { db } = ctx;
      const runId = String(ctx.job.payload.runId ?? '');
      const [run] = await db.select().from(censusRuns).where(eq(censusRuns.id, runId));
      if (!run) throw new AppError('not_found');
      // A job taken up again after its worker stopped between the commit and the job's own update: the
      // run is written (and may be reviewed since), so it is left alone.
      if (run.status === 'linked' || run.status === 'published') return { alreadyLinked: true };
      await db.update(censusRuns).set({ status: 'running' }).where(eq(censusRuns.id, run.id));
      await ctx.progress('loading', 0);
      const lists = await loadListMembers(db, run.prefectureCode, run.nendo);
      if (lists.length === 0) throw new AppError('census_nothing_to_link');
      const registry = await loadRegistryMembers(db, run.createdBy);
      const members = [...lists, ...registry];
      const records = members.map((m) => m.record);
      await ctx.progress('linking', 0.2);
      const result = linkRecords(records, DEFAULT_THRESHOLDS);
      const remembered = await db
        .select()
        .from(censusDecisions)
        .where(eq(censusDecisions.prefectureCode, run.prefectureCode));
      const decisions = new Map(
        remembered.map((d) => [
          d.pairKey,
          { decision: d.decision, decidedBy: d.decidedBy, decidedAt: d.decidedAt } satisfies Decision,
        ]),
      );
      const applied = applyDecisions(records, result, decisions);
      // The frequency adjustments need the whole link result: kept with the model for the review screen.
      const adjustments: Record<string, { field: string; bits: number; note: string; noteJa: string }[]> = {};
      for (const p of applied.pairs) {
        const x = explainPair(result, p.pairIndex).adjustments;
        if (x.length)
          adjustments[`${p.a}:${p.b}`] = x.map((a) => ({
            field: a.field,
            bits: a.bits,
            note: a.note,
            noteJa: a.noteJa,
          }));
      }
      await ctx.progress('writing', 0.8);
      // Staged while the run says 'running' (the screens show a running run's pairs and counts as none), in
      // short statements that let requests through; the final update makes the run visible at once.
      await clearStagedRun(db, run.id);
      const memberRows = members.map((m, i) => ({
        runId: run.id,
        idx: i,
        cluster: applied.clusterOf[i]!,
        recordId: m.recordId,
        childId: m.childId,
      }));
      const pairRows = applied.pairs.map(({ pairIndex: _, a, b, ...p }) => ({
        runId: run.id,
        aIdx: a,
        bIdx: b,
        ...p,
      }));
      const total = memberRows.length + pairRows.length;
      let written = 0;
      const write = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const started = performance.now();
          await insert(rows.slice(i, i + BATCH));
          written += Math.min(BATCH, rows.length - i);
          await ctx.progress('writing', 0.8 + (0.2 * written) / Math.max(1, total));
          await ctx.giveWay(performance.now() - started);
        }
      };
      await write(memberRows, (batch) => db.insert(censusMembers).values(batch));
      await write(pairRows, (batch) => db.insert(censusReviewPairs).values(batch));
      await db.transaction(async (tx) => {
        await ctx.assertOwner(tx);
        const [staged] = await tx
          .select({ n: count() })
          .from(censusMembers)
          .where(eq(censusMembers.runId, run.id));
        // Rows of another attempt mixed in (a worker thought gone kept writing): retried from a clean slate.
        if (staged?.n !== memberRows.length) throw new Error('census run: staged members do not match');
        await tx
          .update(censusRuns)
          .set({
            status: 'linked',
            recordCount: members.length,
            clusterCount: applied.clusterCount,
            model: { ...result.model, adjustments },
            thresholds: DEFAULT_THRESHOLDS,
          })
          .where(eq(censusRuns.id, run.id));
        await refreshBreakdown(tx, run.id);
      });
      const reused = applied.pairs.filter((p) => p.reused).length;
      return {
        records: members.length,
        registryChildren: registry.length,
        clusters: applied.clusterCount,
        reviewPairs: applied.pairs.length,
        reused,
      };
    },
    async fail(db, job) {
      const runId = String(job.payload.runId ?? '');
      const [failed] = await db
        .update(censusRuns)
        .set({ status: 'failed' })
        .where(and(eq(censusRuns.id, runId), inArray(censusRuns.status, ['queued', 'running'])))
        .returning({ id: censusRuns.id });
      if (failed) await clearStagedRun(db, failed.id);
    },
  };
}

/** Deletes what an attempt staged for a run that is not visible (pairs, then members), a batch at a time. */
async function clearStagedRun(db: SystemDb, runId: string): Promise<void> {
  for (const [table, column] of [
    [censusReviewPairs, censusReviewPairs.runId],
    [censusMembers, censusMembers.runId],
  ] as const) {
    for (;;) {
      const gone = rowsOf(
        await db.execute(sql`delete from ${table} where ctid in (
          select ctid from ${table} where ${column} = ${runId} limit ${BATCH * 2}) returning 1 as gone`),
      );
      if (gone.length < BATCH * 2) break;
      await yieldToLoop();
    }
  }
}
