import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { xlsxAnswer, xlsxOk } from '../../server/xlsx-response';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { FiguresCache } from '../home/figures-cache';
import { municipalFigures } from './figures';
import { MUNICIPAL_FIGURES_TTL_MS, municipalFiguresKey, overviewKey } from './figures-cache';
import { municipalHistory } from './history';
import { municipalOverview, newestHistoryId } from './overview';
import { municipalPage } from './page';
import {
  ZCodeParam,
  ZContact,
  ZContactUpdate,
  ZDivisionParam,
  ZFigures,
  ZHistory,
  ZHistoryQuery,
  ZItemParam,
  ZMaturityUpdate,
  ZMaturityValue,
  ZNendoQuery,
  ZOverview,
  ZOverviewExportQuery,
  ZPage,
} from './schemas';
import { requireMunicipalReader, visibleMunicipality } from './scope';
import { overviewXlsx } from './workbook';
import { setContact, setMaturity } from './write';

const tags = ['municipalities'];

/**
 * The page per municipality (市町村カルテ, docs/municipal-support.md §1): the prefecture view, one
 * municipality's page, its figures and history, and changes to its maturity items and contacts. Roles without
 * municipal pages get 403 before anything is read; a municipality outside the reader's area answers 404.
 */
export function municipalityRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const thisNendo = () => nendoOf(isoDateInJapan(deps.now()));
  const who = (c: Context<AppEnv>, actor: Actor) => ({ actor, meta: c.get('meta'), at: deps.now() });
  // Per server (figures-cache.ts): the figures for a minute, shown with their time; the prefecture view while
  // the prefecture's history has no newer entry.
  const figuresCache = new FiguresCache<Awaited<ReturnType<typeof municipalFigures>>>(
    MUNICIPAL_FIGURES_TTL_MS,
  );
  const overviewCache = new FiguresCache<Awaited<ReturnType<typeof municipalOverview>>>(
    MUNICIPAL_FIGURES_TTL_MS,
    500,
  );
  const keptOverview = async (policy: Parameters<typeof municipalOverview>[1], nendo: number) => {
    const key = overviewKey(policy, nendo, await newestHistoryId(db, policy.prefectureCode));
    return (await overviewCache.get(key, deps.now().getTime(), () => municipalOverview(db, policy, nendo)))
      .value;
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: "Every municipality of the reader's area with its maturity, year on year / 市町村の取組状況",
      request: { query: ZNendoQuery },
      responses: jsonOk(ZOverview),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireMunicipalReader(actor);
      const nendo = c.req.valid('query').nendo ?? thisNendo();
      const overview = await keptOverview(policy, nendo);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'municipal_overview',
        entityIds: [],
        detail: { nendo, municipalities: overview.rows.length },
      });
      return c.json(overview, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags,
      summary: 'The prefecture view as .xlsx / 市町村の取組状況（xlsx）',
      request: { query: ZOverviewExportQuery },
      responses: xlsxOk(),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireMunicipalReader(actor);
      const q = c.req.valid('query');
      const nendo = q.nendo ?? thisNendo();
      const overview = await municipalOverview(db, policy, nendo);
      await recordAudit(db, who(c, actor), {
        action: 'export',
        entityType: 'municipal_overview',
        entityIds: [],
        detail: { nendo, municipalities: overview.rows.length, lang: q.lang },
      });
      return xlsxAnswer(c, await overviewXlsx(overview, q.lang), `municipalities-${nendo}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags,
      summary: "One municipality's page / 市町村カルテ",
      request: { params: ZCodeParam, query: ZNendoQuery },
      responses: jsonOk(ZPage),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireMunicipalReader(actor);
      const nendo = c.req.valid('query').nendo ?? thisNendo();
      const today = isoDateInJapan(deps.now());
      const page = await municipalPage(db, actor, policy, c.req.valid('param').code, nendo, today);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'municipal_page',
        entityIds: [page.municipality.code],
        detail: { nendo },
      });
      return c.json(page, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{code}/figures',
      tags,
      summary: 'What the product knows of a municipality, within the reader’s scope / 市町村の集計',
      request: { params: ZCodeParam, query: ZNendoQuery },
      responses: jsonOk(ZFigures),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireMunicipalReader(actor);
      const m = await visibleMunicipality(db, policy, c.req.valid('param').code);
      const nendo = c.req.valid('query').nendo ?? thisNendo();
      const now = deps.now();
      const today = isoDateInJapan(now);
      const { value: figures, at } = await figuresCache.get(
        municipalFiguresKey(actor, m.code, nendo, today),
        now.getTime(),
        () => municipalFigures(db, actor, m, nendo, today),
      );
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'municipal_figures',
        entityIds: [m.code],
        detail: { nendo },
      });
      return c.json({ ...figures, asOf: new Date(at).toISOString() }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{code}/history',
      tags,
      summary: 'Every change to a municipality’s maturity items and contacts / 市町村カルテの履歴',
      request: { params: ZCodeParam, query: ZHistoryQuery },
      responses: jsonOk(ZHistory),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = requireMunicipalReader(actor);
      const history = await municipalHistory(db, policy, c.req.valid('param').code, c.req.valid('query'));
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'municipal_page',
        entityIds: [history.municipality.code],
        detail: { view: 'history', entries: history.entries.length },
      });
      return c.json({ entries: history.entries }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{code}/maturity/{item}',
      tags,
      summary: 'Record a maturity item of a municipality / 取組状況の記録',
      request: { params: ZItemParam, body: jsonBody(ZMaturityUpdate) },
      responses: jsonOk(ZMaturityValue),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = requireMunicipalReader(actor);
      const { code, item } = c.req.valid('param');
      const body = c.req.valid('json');
      const value = await db.transaction((tx) => setMaturity(tx, who(c, actor), policy, code, item, body));
      return c.json(value, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{code}/contacts/{division}',
      tags,
      summary: 'Record the contact of one of a municipality’s four divisions / 担当窓口の記録',
      request: { params: ZDivisionParam, body: jsonBody(ZContactUpdate) },
      responses: jsonOk(ZContact),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = requireMunicipalReader(actor);
      const { code, division } = c.req.valid('param');
      const body = c.req.valid('json');
      const value = await db.transaction((tx) => setContact(tx, who(c, actor), policy, code, division, body));
      return c.json(value, 200);
    },
  );

  return r;
}
