import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { findMunicipality } from '../../shared/municipalities';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { discrepancyList, discrepancySummary } from './discrepancies';
import { discrepancyDisposition, discrepancyXlsx } from './discrepancy-xlsx';
import { censusListScope, censusReader, censusWriter } from './policy';
import { pushRun } from './push';
import { besideLinked, reportedCounts } from './reported';
import { loadClusters, runResults } from './results';
import { decidePair, listReview } from './review';
import { createRun, listRuns, loadRun, publishRun, runSummary } from './runs';
import {
  ZCreateRun,
  ZDecidePair,
  ZDecideResponse,
  ZDiscrepancyList,
  ZDiscrepancySummary,
  ZNendoQuery,
  ZPushResponse,
  ZReviewList,
  ZReviewQuery,
  ZRunResults,
  ZRunSummary,
} from './schemas';

const tags = ['census'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const who = (c: Context<AppEnv>, deps: Deps, actor: Actor) => ({
  actor,
  meta: c.get('meta'),
  at: deps.now(),
});

type Who = ReturnType<typeof who>;
type Shown = { childId: string | null };

/**
 * Registry records shown next to list records are personal data read from the registry: their reads and
 * exports get an entry of their own under the child, as the registry's searches do.
 */
async function auditChildren(
  deps: Deps,
  at: Who,
  action: 'read' | 'export',
  members: Shown[],
  detail: Record<string, unknown>,
) {
  const ids = [...new Set(members.flatMap((m) => (m.childId ? [m.childId] : [])))];
  if (ids.length === 0) return;
  await recordAudit(deps.db.systemDb, at, { action, entityType: 'child', entityIds: ids, detail });
}

const ZMunicipalityParams = ZIdParam.extend({
  municipalityCode: z
    .string()
    .openapi({ param: { name: 'municipalityCode', in: 'path' }, example: '142051' }),
});

const runPost = (path: string, summary: string, response: z.ZodType) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: ZIdParam },
    responses: jsonOk(response),
  });

/**
 * Linkage runs, clerical review, results, discrepancy lists and the push to the registry (/api/census/…).
 * Centre staff of the whole prefecture work here, auditors read (policy.ts); a municipality's staff see the
 * runs' counts and their own municipality's discrepancies (and workbook) only; everyone else gets 404, and a
 * run of another prefecture is not found. Reads of personal data and every change are audited.
 */
export function runRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'post',
      path: '/runs',
      tags,
      summary: '照合の開始 / Start a linkage run of a 年度',
      request: { body: jsonBody(ZCreateRun) },
      responses: {
        202: { description: 'Queued', content: { 'application/json': { schema: ZRunSummary } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const prefectureCode = censusWriter(actor);
      const run = await createRun(deps, actor, c.get('meta'), prefectureCode, c.req.valid('json').nendo);
      return c.json(run, 202);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      tags,
      summary: '照合の一覧 / Linkage runs of a 年度',
      request: { query: ZNendoQuery },
      responses: jsonOk(z.object({ items: z.array(ZRunSummary) })),
    }),
    async (c) => {
      // Counts only: a municipality's staff see the runs too, to open their own discrepancies.
      const { prefectureCode } = censusListScope(requireActor(c));
      return c.json({ items: await listRuns(db, prefectureCode, c.req.valid('query').nendo) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}',
      tags,
      summary: '照合 / A linkage run with its job',
      request: { params: ZIdParam },
      responses: jsonOk(ZRunSummary),
    }),
    async (c) => {
      const { prefectureCode } = censusListScope(requireActor(c));
      const run = await loadRun(db, prefectureCode, c.req.valid('param').id);
      return c.json(await runSummary(db, run), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}/review',
      tags,
      summary: '確認待ちの組 / Pairs for clerical review, most likely first',
      request: { params: ZIdParam, query: ZReviewQuery },
      responses: jsonOk(ZReviewList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const run = await loadRun(db, censusReader(actor), c.req.valid('param').id);
      const query = c.req.valid('query');
      const page = await listReview(db, actor, run, query);
      const at = who(c, deps, actor);
      await recordAudit(db, at, {
        action: 'read',
        entityType: 'census_review_pair',
        entityIds: page.items.map((p) => p.id),
        detail: { runId: run.id, status: query.status, page: query.page, total: page.total },
      });
      await auditChildren(
        deps,
        at,
        'read',
        page.items.flatMap((p) => [p.a, p.b]),
        { purpose: 'census_review', runId: run.id },
      );
      return c.json(page, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/review/{id}',
      tags,
      summary: '組の判定 / Decide a pair (same child or different children)',
      request: { params: ZIdParam, body: jsonBody(ZDecidePair) },
      responses: jsonOk(ZDecideResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const prefectureCode = censusWriter(actor);
      const { decision } = c.req.valid('json');
      const result = await decidePair(
        deps,
        actor,
        c.get('meta'),
        prefectureCode,
        c.req.valid('param').id,
        decision,
      );
      return c.json(result, 200);
    },
  );

  r.openapi(
    runPost('/runs/{id}/publish', '照合結果の公開 / Publish a run as the 年度’s figures', ZRunSummary),
    async (c) => {
      const actor = requireActor(c);
      const run = await publishRun(deps, actor, c.get('meta'), censusWriter(actor), c.req.valid('param').id);
      return c.json(run, 200);
    },
  );

  r.openapi(
    runPost(
      '/runs/{id}/push',
      '台帳への反映 / Push the children of a published run to the registry',
      ZPushResponse,
    ),
    async (c) => {
      const actor = requireActor(c);
      const result = await pushRun(deps, actor, c.get('meta'), censusWriter(actor), c.req.valid('param').id);
      return c.json(result, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}/results',
      tags,
      summary:
        '年度の集計 / Results of a run: counts, municipalities’ reported figures and the change from last year',
      request: { params: ZIdParam },
      responses: jsonOk(ZRunResults),
    }),
    async (c) => {
      const actor = requireActor(c);
      const run = await loadRun(db, censusReader(actor), c.req.valid('param').id);
      if (run.status !== 'linked' && run.status !== 'published') throw new AppError('census_run_not_linked');
      const results = await runResults(db, actor, run);
      const figures = await reportedCounts(db, run.prefectureCode, run.nendo);
      return c.json({ ...results, reported: besideLinked(results.byMunicipality, figures) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}/discrepancies',
      tags,
      summary: '市町村別の相違件数 / Discrepancies per municipality',
      request: { params: ZIdParam },
      responses: jsonOk(ZDiscrepancySummary),
    }),
    async (c) => {
      const actor = requireActor(c);
      const scope = censusListScope(actor);
      const run = await loadRun(db, scope.prefectureCode, c.req.valid('param').id);
      if (run.status !== 'linked' && run.status !== 'published') throw new AppError('census_run_not_linked');
      const summary = discrepancySummary(await loadClusters(db, actor, run.id));
      const codes = scope.municipalityCodes;
      return c.json(
        codes ? { municipalities: summary.municipalities.filter((m) => codes.includes(m.code)) } : summary,
        200,
      );
    },
  );

  /**
   * The run and one municipality of its prefecture (404 for any other code; a municipality's staff 404 for any
   * municipality but their own).
   */
  const municipalityList = async (c: Context<AppEnv>, actor: Actor, id: string, code: string) => {
    const scope = censusListScope(actor);
    const run = await loadRun(db, scope.prefectureCode, id);
    if (!/^\d{6}$/.test(code) || code.slice(0, 2) !== run.prefectureCode || !findMunicipality(code)) {
      throw new AppError('not_found');
    }
    if (scope.municipalityCodes && !scope.municipalityCodes.includes(code)) throw new AppError('not_found');
    if (run.status !== 'linked' && run.status !== 'published') throw new AppError('census_run_not_linked');
    const list = discrepancyList(await loadClusters(db, actor, run.id), code);
    return { run, list, at: who(c, deps, actor) };
  };
  const recordIds = (list: z.infer<typeof ZDiscrepancyList>) => [
    ...new Set(list.items.map((i) => String(i.cluster))),
  ];
  const shown = (list: z.infer<typeof ZDiscrepancyList>) =>
    list.items.flatMap((i) => [...(i.own ? [i.own] : []), ...i.others]);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}/discrepancies/{municipalityCode}',
      tags,
      summary: '市町村の相違一覧 / A municipality’s discrepancy list',
      request: { params: ZMunicipalityParams },
      responses: jsonOk(ZDiscrepancyList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id, municipalityCode } = c.req.valid('param');
      const { run, list, at } = await municipalityList(c, actor, id, municipalityCode);
      await recordAudit(db, at, {
        action: 'read',
        entityType: 'census_run',
        entityIds: [run.id],
        detail: { view: 'discrepancies', municipalityCode, clusters: recordIds(list) },
      });
      await auditChildren(deps, at, 'read', shown(list), {
        purpose: 'census_discrepancies',
        runId: run.id,
        municipalityCode,
      });
      return c.json(list, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{id}/discrepancies/{municipalityCode}/xlsx',
      tags,
      summary: '相違一覧の出力（xlsx） / Download a municipality’s discrepancy workbook',
      request: { params: ZMunicipalityParams },
      responses: {
        200: {
          description: 'The workbook (attachment)',
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id, municipalityCode } = c.req.valid('param');
      const { run, list, at } = await municipalityList(c, actor, id, municipalityCode);
      const file = await discrepancyXlsx(list, run.nendo);
      // An export that is not recorded did not happen: the entry is written before the file is sent.
      await recordAudit(db, at, {
        action: 'export',
        entityType: 'census_run',
        entityIds: [run.id],
        detail: { view: 'discrepancies', format: 'xlsx', municipalityCode, clusters: recordIds(list) },
      });
      await auditChildren(deps, at, 'export', shown(list), {
        purpose: 'census_discrepancies',
        runId: run.id,
        municipalityCode,
        format: 'xlsx',
      });
      return c.body(new Uint8Array(file), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': discrepancyDisposition(run.nendo, municipalityCode, list.municipalityName),
        'cache-control': 'no-store',
      });
    },
  );

  return r;
}
