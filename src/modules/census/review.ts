/**
 * Clerical review: a run's members as the screens show them (list records with their source, registry
 * children read through the registry's scope), the queue of uncertain pairs with the reasons for their score,
 * and a person's decision on a pair — stored on the pair, remembered for later runs (census_decisions by
 * pair key) and applied to the run's clusters at once.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
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
} from '../../db/schema';
import type { ChildStatus } from '../../db/schema/registry';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { findMunicipality } from '../../shared/municipalities';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { childScope, shareMunicipalityGranted } from '../registry/scope';
import { refreshBreakdown } from './breakdown-store';
import type { Comparison } from './link/compare';
import { explain, type Model } from './link/model';
import { lockRun, type RunRow, runSummary } from './runs';
import type { ZDecideResponse, ZMember, ZReviewList, ZReviewPair, ZReviewQuery } from './schemas';
import type { SourceType } from './types';

export type MemberView = z.infer<typeof ZMember>;

/** A member with what results, discrepancies and push need besides the screen's fields. */
export type RunMember = MemberView & {
  cluster: number;
  recordId: number | null;
  /** The municipality the member's source speaks for (its own list), null for prefecture-wide sources. */
  sourceMunicipalityCode: string | null;
  sourceId: string | null;
  /** When the list was imported (newer lists win ties). */
  importedAt: Date | null;
  /** Registry children: current status, and whether the guardian lets the municipality see the record. */
  childStatus: ChildStatus | null;
  childStatusSince: string | null;
  shareMunicipality: boolean;
};

export const REGISTRY_SOURCE_NAME = '医療的ケア児台帳';

/**
 * Members of a run (all, or those with the given indexes), by index. Registry children are read through the
 * actor's registry scope; a child the actor may not see is shown without personal data.
 */
export async function loadMembers(
  db: DbOrTx,
  actor: Actor,
  runId: string,
  idxs?: readonly number[],
): Promise<Map<number, RunMember>> {
  const out = new Map<number, RunMember>();
  if (idxs && idxs.length === 0) return out;
  const rows = await db
    .select({
      idx: censusMembers.idx,
      cluster: censusMembers.cluster,
      childId: censusMembers.childId,
      r: censusRecords,
      fileName: censusImports.fileName,
      importedAt: censusImports.createdAt,
      sourceId: censusSources.id,
      sourceName: censusSources.name,
      sourceType: censusSources.sourceType,
      sourceMunicipalityCode: censusSources.municipalityCode,
    })
    .from(censusMembers)
    .leftJoin(censusRecords, eq(censusRecords.id, censusMembers.recordId))
    .leftJoin(censusImports, eq(censusImports.id, censusRecords.importId))
    .leftJoin(censusSources, eq(censusSources.id, censusImports.sourceId))
    .where(and(eq(censusMembers.runId, runId), idxs ? inArray(censusMembers.idx, [...idxs]) : undefined))
    .orderBy(asc(censusMembers.idx));
  const childIds = rows.flatMap((m) => (m.childId ? [m.childId] : []));
  const kids = new Map<string, typeof children.$inferSelect & { share: boolean; care: string[] }>();
  for (let i = 0; i < childIds.length; i += 5000) {
    const ids = childIds.slice(i, i + 5000);
    const found = await db
      .select()
      .from(children)
      .where(and(childScope(actor), inArray(children.id, ids)));
    // In WHERE, as the registry uses it (in a select list drizzle would not qualify its column references).
    const shared = await db
      .select({ id: children.id })
      .from(children)
      .where(and(inArray(children.id, ids), shareMunicipalityGranted()));
    const sharedIds = new Set(shared.map((r) => r.id));
    for (const c of found) kids.set(c.id, { ...c, share: sharedIds.has(c.id), care: [] });
    const care = await db
      .select({ childId: childCareItems.childId, code: childCareItems.code })
      .from(childCareItems)
      .where(inArray(childCareItems.childId, ids));
    for (const c of care) kids.get(c.childId)?.care.push(c.code);
  }
  let registryRow = 0;
  for (const m of rows) {
    const base = { idx: m.idx, cluster: m.cluster, childId: m.childId };
    if (m.r) {
      const r = m.r;
      out.set(m.idx, {
        ...base,
        kind: 'record',
        recordId: r.id,
        row: r.row,
        name: r.name,
        kana: r.kana,
        birthDate: r.birthDate,
        sex: r.sex,
        address: r.address,
        municipalityCode: r.municipalityCode,
        municipalityName: r.municipalityCode ? (findMunicipality(r.municipalityCode)?.name ?? null) : null,
        school: r.school,
        grade: r.grade,
        careItems: r.careItems ?? [],
        homeVisitEducation: r.homeVisitEducation,
        nightCare: r.nightCare,
        sourceName: m.sourceName ?? '',
        sourceType: (m.sourceType ?? 'other') as SourceType,
        fileName: m.fileName,
        sourceId: m.sourceId,
        sourceMunicipalityCode: m.sourceMunicipalityCode,
        importedAt: m.importedAt,
        childStatus: null,
        childStatusSince: null,
        shareMunicipality: false,
      });
      continue;
    }
    const c = m.childId ? kids.get(m.childId) : undefined;
    registryRow++;
    out.set(m.idx, {
      ...base,
      kind: 'registry',
      recordId: null,
      row: registryRow,
      name: c ? `${c.familyName} ${c.givenName}` : null,
      kana: c ? `${c.familyKana} ${c.givenKana}` : null,
      birthDate: c?.birthDate ?? null,
      sex: c && c.sex !== 'unknown' ? c.sex : null,
      address: c?.address ?? null,
      municipalityCode: c?.municipalityCode ?? null,
      municipalityName: c ? (findMunicipality(c.municipalityCode)?.name ?? null) : null,
      school: null,
      grade: null,
      careItems: c?.care ?? [],
      homeVisitEducation: null,
      nightCare: null,
      sourceName: REGISTRY_SOURCE_NAME,
      sourceType: 'registry',
      fileName: null,
      sourceId: null,
      sourceMunicipalityCode: null,
      importedAt: null,
      childStatus: c?.status ?? null,
      childStatusSince: c?.statusSince ?? null,
      shareMunicipality: c?.share ?? false,
    });
  }
  return out;
}

/** The screen's fields of a member (without the server-side extras). */
export function memberView(m: RunMember): MemberView {
  const {
    cluster: _c,
    recordId: _r,
    sourceMunicipalityCode: _s,
    sourceId: _i,
    importedAt: _t,
    childStatus: _cs,
    childStatusSince: _css,
    shareMunicipality: _sh,
    ...view
  } = m;
  return view;
}

type PairRow = typeof censusReviewPairs.$inferSelect;
type StoredModel = Model & {
  adjustments?: Record<string, { field: string; bits: number; note: string; noteJa?: string }[]>;
};

/** Why a pair scored what it did: the stored model's explanation of its comparison, and the name adjustments. */
export function explanationOf(
  model: StoredModel | null,
  pair: PairRow,
): z.infer<typeof ZReviewPair>['explanation'] {
  const adjustments = model?.adjustments?.[`${pair.aIdx}:${pair.bIdx}`] ?? [];
  if (!model?.weights) return { prior: 0, total: pair.weight, fields: [], adjustments };
  const e = explain(model, pair.comparison as unknown as Comparison);
  return {
    prior: e.prior,
    total: pair.weight,
    fields: e.fields.map((f) => ({ field: f.field, level: f.level, m: f.m, u: f.u, bits: f.bits })),
    adjustments,
  };
}

function pairView(pair: PairRow, members: Map<number, RunMember>, model: StoredModel | null) {
  const a = members.get(pair.aIdx);
  const b = members.get(pair.bIdx);
  if (!a || !b) throw new Error(`members of pair ${pair.id} missing`);
  return {
    id: pair.id,
    weight: pair.weight,
    status: pair.status,
    reused: pair.reused,
    guard: pair.guard,
    a: memberView(a),
    b: memberView(b),
    explanation: explanationOf(model, pair),
  } satisfies z.infer<typeof ZReviewPair>;
}

/** One page of a run's pairs, most likely first. */
export async function listReview(
  db: DbOrTx,
  actor: Actor,
  run: RunRow,
  q: z.infer<typeof ZReviewQuery>,
): Promise<z.infer<typeof ZReviewList>> {
  // A run being written has staged pairs that are not its result yet.
  if (run.status !== 'linked' && run.status !== 'published')
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    eq(censusReviewPairs.runId, run.id),
    q.status === 'pending'
      ? eq(censusReviewPairs.status, 'pending')
      : ne(censusReviewPairs.status, 'pending'),
  );
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(censusReviewPairs).where(where);
  const pairs = await db
    .select()
    .from(censusReviewPairs)
    .where(where)
    .orderBy(desc(censusReviewPairs.weight), asc(censusReviewPairs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const members = await loadMembers(
    db,
    actor,
    run.id,
    pairs.flatMap((p) => [p.aIdx, p.bIdx]),
  );
  const model = run.model as StoredModel | null;
  return {
    items: pairs.map((p) => pairView(p, members, model)),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * A person's decision on a pair (any pair of a linked run, again if they change their mind): stored on the
 * pair, remembered under its key for later runs, and applied — 'same' moves the b record's cluster into the
 * a record's; 'different' moves the b record alone to a new cluster when the two are together through other
 * links. Refused on a published run. One transaction with its audit entry.
 */
export async function decidePair(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  prefectureCode: string,
  unverifiedPairId: string,
  decision: 'same' | 'different',
): Promise<z.infer<typeof ZDecideResponse>> {
  const db = deps.db.systemDb;
  if (!isUuid(unverifiedPairId)) throw new AppError('not_found');
  const { pairId, runId } = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ pair: censusReviewPairs, runId: censusRuns.id })
      .from(censusReviewPairs)
      .innerJoin(censusRuns, eq(censusRuns.id, censusReviewPairs.runId))
      .where(and(eq(censusReviewPairs.id, unverifiedPairId), eq(censusRuns.prefectureCode, prefectureCode)));
    if (!found) throw new AppError('not_found');
    // The run's row lock orders decisions on one run: cluster numbers are read and moved consistently.
    const run = await lockRun(tx, prefectureCode, found.runId);
    if (run.status === 'published') throw new AppError('census_run_published');
    if (run.status !== 'linked') throw new AppError('census_run_not_linked');
    const pair = found.pair;
    const at = deps.now();
    await tx
      .update(censusReviewPairs)
      .set({ status: decision, reused: false, decidedBy: actor.userId, decidedAt: at })
      .where(eq(censusReviewPairs.id, pair.id));
    await tx
      .insert(censusDecisions)
      .values({
        prefectureCode,
        pairKey: pair.pairKey,
        decision,
        nendo: run.nendo,
        decidedBy: actor.userId,
        decidedAt: at,
      })
      .onConflictDoUpdate({
        target: [censusDecisions.prefectureCode, censusDecisions.pairKey],
        set: { decision, nendo: run.nendo, decidedBy: actor.userId, decidedAt: at },
      });
    const clusters = await tx
      .select({ idx: censusMembers.idx, cluster: censusMembers.cluster })
      .from(censusMembers)
      .where(and(eq(censusMembers.runId, run.id), inArray(censusMembers.idx, [pair.aIdx, pair.bIdx])));
    const ca = clusters.find((m) => m.idx === pair.aIdx)!.cluster;
    const cb = clusters.find((m) => m.idx === pair.bIdx)!.cluster;
    if (decision === 'same' && ca !== cb) {
      await tx
        .update(censusMembers)
        .set({ cluster: ca })
        .where(and(eq(censusMembers.runId, run.id), eq(censusMembers.cluster, cb)));
    } else if (decision === 'different' && ca === cb) {
      const [max] = await tx
        .select({ n: sql<number>`max(${censusMembers.cluster})::int` })
        .from(censusMembers)
        .where(eq(censusMembers.runId, run.id));
      await tx
        .update(censusMembers)
        .set({ cluster: (max?.n ?? 0) + 1 })
        .where(and(eq(censusMembers.runId, run.id), eq(censusMembers.idx, pair.bIdx)));
    }
    await tx
      .update(censusRuns)
      .set({
        clusterCount: sql`(select count(distinct ${censusMembers.cluster})::int from ${censusMembers}
                           where ${censusMembers.runId} = ${run.id})`,
        version: sql`${censusRuns.version} + 1`,
      })
      .where(eq(censusRuns.id, run.id));
    await refreshBreakdown(tx, run.id);
    await recordAudit(
      tx,
      { actor, meta, at },
      {
        action: 'update',
        entityType: 'census_review_pair',
        entityIds: [pair.id],
        detail: { runId: run.id, decision, previous: pair.status },
      },
    );
    return { pairId: pair.id, runId: run.id };
  });
  const [pair] = await db.select().from(censusReviewPairs).where(eq(censusReviewPairs.id, pairId));
  const [run] = await db.select().from(censusRuns).where(eq(censusRuns.id, runId));
  const members = await loadMembers(db, actor, runId, [pair!.aIdx, pair!.bIdx]);
  return {
    pair: pairView(pair!, members, run!.model as StoredModel | null),
    run: await runSummary(db, run!),
  };
}
