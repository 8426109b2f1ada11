import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { XLSX_TYPE, xlsxAnswer, xlsxOk } from '../../server/xlsx-response';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import type { Actor, RequestMeta } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { supportEntries, tabulate } from './cross-tab';
import { fourDivisionStatus, setCadence } from './four-division';
import { fourDivisionXlsx } from './four-division-workbook';
import { listEngagements } from './queries';
import {
  ZCadenceRequest,
  ZCrossTab,
  ZCrossTabQuery,
  ZFourDivisionExportQuery,
  ZFourDivisionList,
  ZFourDivisionQuery,
  ZFourDivisionRow,
  ZMunicipalityEngagements,
  ZMunicipalityParam,
} from './schemas';
import { municipalityInScope, requireEngagementAccess } from './scope';
import { countsWithin, summaryWithin } from './summary';
import { crossTabXlsx } from './workbook';

const tags = ['engagements'];

/**
 * The four-division meeting cycle of every municipality (the overdue list) and its cadence, one municipality's
 * engagements for the municipality page, and the support log's cross-tabulation with its workbook.
 */
export function cycleRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (meta: RequestMeta, actor: Actor) => ({
    actor,
    meta,
    at: deps.now(),
    today: isoDateInJapan(deps.now()),
  });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/four-division',
      tags,
      summary: 'Four-division meetings by municipality, overdue first / 4課協議の状況',
      request: { query: ZFourDivisionQuery },
      responses: jsonOk(ZFourDivisionList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const q = c.req.valid('query');
      const today = isoDateInJapan(deps.now());
      let items = await fourDivisionStatus(db, policy, today);
      if (q.state) items = items.filter((i) => i.state === q.state);
      if (q.onCycle) items = items.filter((i) => i.onCycle);
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'read',
        entityType: 'engagement_cadence',
        entityIds: [],
        detail: { ...q, rows: items.length },
      });
      return c.json({ items, today, canEdit: policy.write }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/four-division/export',
      tags,
      summary: 'Four-division meetings by municipality as .xlsx / 4課協議の状況（xlsx）',
      request: { query: ZFourDivisionExportQuery },
      responses: xlsxOk(),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const { lang, ...q } = c.req.valid('query');
      const today = isoDateInJapan(deps.now());
      let items = await fourDivisionStatus(db, policy, today);
      if (q.state) items = items.filter((i) => i.state === q.state);
      if (q.onCycle) items = items.filter((i) => i.onCycle);
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'export',
        entityType: 'engagement_cadence',
        entityIds: [],
        detail: { ...q, rows: items.length, lang },
      });
      return xlsxAnswer(
        c,
        await fourDivisionXlsx(items, today, lang),
        `four-division-${today.replaceAll('-', '')}.xlsx`,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/cadences/{municipalityCode}',
      tags,
      summary: 'Set a municipality’s four-division meeting cycle and owner / 4課協議の開催間隔',
      request: { params: ZMunicipalityParam, body: jsonBody(ZCadenceRequest) },
      responses: jsonOk(ZFourDivisionRow),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor, 'write');
      const code = c.req.valid('param').municipalityCode;
      const body = c.req.valid('json');
      const row = await db.transaction((tx) => setCadence(tx, who(c.get('meta'), actor), policy, code, body));
      return c.json(row, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/municipalities/{municipalityCode}',
      tags,
      summary: 'One municipality’s engagements for its page / 市町村の訪問・協議・支援',
      request: { params: ZMunicipalityParam },
      responses: jsonOk(ZMunicipalityEngagements),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const muni = await municipalityInScope(db, policy, c.req.valid('param').municipalityCode);
      const today = isoDateInJapan(deps.now());
      const nendo = nendoOf(today);
      const [summary, [fourDivision], recent] = await Promise.all([
        summaryWithin(db, policy, muni.code, today),
        fourDivisionStatus(db, policy, today, [muni.code]),
        listEngagements(db, policy, { municipalityCode: muni.code }, 5),
      ]);
      const counts = await countsWithin(db, policy, nendo, muni.code);
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'read',
        entityType: 'engagement',
        entityIds: recent.items.map((i) => i.id),
        detail: { municipalityCode: muni.code },
      });
      return c.json(
        {
          municipality: muni,
          summary,
          fourDivision: fourDivision!,
          counts: { hearing: counts.hearing, four_division: counts.four_division, support: counts.support },
          nendo,
          recent: recent.items,
          canRecord: policy.write,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/cross-tab',
      tags,
      summary: 'Support log cross-tabulation of one 年度 / 市町村支援の記録のクロス集計',
      request: { query: ZCrossTabQuery },
      responses: jsonOk(ZCrossTab),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const q = c.req.valid('query');
      const nendo = q.nendo ?? nendoOf(isoDateInJapan(deps.now()));
      const tab = tabulate(nendo, q.row, q.col, await supportEntries(db, policy, nendo, !!q.goodExample));
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'read',
        entityType: 'engagement_figures',
        entityIds: [],
        detail: { nendo, row: q.row, col: q.col, goodExample: !!q.goodExample },
      });
      return c.json(tab, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/cross-tab/export',
      tags,
      summary: 'Support log cross-tabulation as .xlsx / クロス集計（xlsx）',
      request: { query: ZCrossTabQuery },
      responses: {
        200: {
          description: 'The file',
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await requireEngagementAccess(db, actor);
      const q = c.req.valid('query');
      const nendo = q.nendo ?? nendoOf(isoDateInJapan(deps.now()));
      const tab = tabulate(nendo, q.row, q.col, await supportEntries(db, policy, nendo, !!q.goodExample));
      await recordAudit(db, who(c.get('meta'), actor), {
        action: 'export',
        entityType: 'engagement_figures',
        entityIds: [],
        detail: { nendo, row: q.row, col: q.col, goodExample: !!q.goodExample, lang: q.lang },
      });
      const body = await crossTabXlsx(tab, q.lang, !!q.goodExample);
      return xlsxAnswer(c, body, `support-log-${nendo}-${q.row}-${q.col}.xlsx`);
    },
  );

  return r;
}
