import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { XLSX_TYPE } from '../../server/xlsx-response';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { coverage } from './coverage';
import { listCsv, listXlsx } from './export';
import { municipalityList, recordPlan } from './list';
import type { Who } from './profile';
import { ZChildParam, ZCoverage, ZExportQuery, ZList, ZListQuery, ZPlanAnswer, ZPlanUpdate } from './schemas';
import { type DisasterPolicy, requireDisasterReader } from './scope';

const tags = ['disaster'];
const CSV_TYPE = 'text/csv; charset=Shift_JIS';
const binary = z.string().openapi({ format: 'binary' });

/** The municipality to list: the municipal staff's own, or the one asked for (400 when a wider area names none). */
function municipalityOf(policy: DisasterPolicy, asked: string | undefined): string {
  if (asked) return asked;
  if (policy.area.kind === 'municipality') return policy.area.municipalityCode;
  const ja = '市町村を選んでください。';
  const en = 'Choose a municipality.';
  throw new AppError('validation_failed', {
    issues: [{ path: 'municipality', message: `${ja} / ${en}`, ja, en }],
  });
}

/**
 * The municipality's list, its files, the plan status recorded back and the coverage (docs/disaster.md §2–3).
 * Roles without a municipal area get 403 before anything is read; a municipality or child outside the area (or
 * without the disaster-planning consent) answers 404. Every list, export and change is audited.
 */
export function disasterListRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor): Who => {
    const at = deps.now();
    return { actor, meta: c.get('meta'), at, today: isoDateInJapan(at) };
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/list',
      tags,
      summary: "The municipality's list of children who consented to disaster planning / 災害時の支援リスト",
      request: { query: ZListQuery },
      responses: jsonOk(ZList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireDisasterReader(actor);
      const list = await municipalityList(
        db,
        policy,
        municipalityOf(policy, c.req.valid('query').municipality),
      );
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_list',
        entityIds: list.rows.map((x) => x.id),
        detail: { municipality: list.municipality.code, rows: list.rows.length },
      });
      return c.json(list, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/list/export',
      tags,
      summary: 'The list in the order of the 名簿 (法49条の10第2項), .xlsx or CP932 CSV / 名簿様式での出力',
      request: { query: ZExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: { [XLSX_TYPE]: { schema: binary }, 'text/csv': { schema: binary } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireDisasterReader(actor);
      const q = c.req.valid('query');
      const w = who(c, actor);
      const list = await municipalityList(db, policy, municipalityOf(policy, q.municipality));
      const file = q.format === 'xlsx' ? await listXlsx(list, q.lang) : listCsv(list, q.lang);
      await recordAudit(db, w, {
        action: 'export',
        entityType: 'disaster_list',
        entityIds: list.rows.map((x) => x.id),
        detail: {
          municipality: list.municipality.code,
          rows: list.rows.length,
          format: q.format,
          lang: q.lang,
        },
      });
      const stamp = w.today.replaceAll('-', '');
      return c.body(new Uint8Array(file), 200, {
        'content-type': q.format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
        'content-disposition': `attachment; filename="disaster-list-${list.municipality.code}-${stamp}.${q.format}"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/list/{id}/plan',
      tags,
      summary: 'Record the plan status, the 名簿 and the review date / 個別避難計画の状況の記録',
      request: { params: ZChildParam, body: jsonBody(ZPlanUpdate) },
      responses: jsonOk(ZPlanAnswer),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = requireDisasterReader(actor);
      const w = who(c, actor);
      const row = await db.transaction((tx) =>
        recordPlan(tx, w, policy, c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(row, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/coverage',
      tags,
      summary:
        'Electricity-dependent children, agreed plans and the 名簿 by municipality and region / 備えの状況',
      responses: jsonOk(ZCoverage),
    }),
    async (c) => {
      const actor = requireActor(c);
      requireDisasterReader(actor);
      const answer = await coverage(db, actor);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'disaster_coverage',
        entityIds: [],
        detail: { municipalities: answer.municipalities.length },
      });
      return c.json(answer, 200);
    },
  );

  return r;
}
