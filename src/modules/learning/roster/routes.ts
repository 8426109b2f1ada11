import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../../server/context';
import { AppError } from '../../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../../server/openapi';
import { XLSX_TYPE, xlsxAnswer } from '../../../server/xlsx-response';
import { isoDateInJapan } from '../../../shared/dates';
import { nendoOf } from '../../../shared/nendo';
import { requireActor, requireWriter } from '../../accounts/middleware';
import { recordAudit } from '../../audit/record';
import { trainingFigures } from '../figures/figures';
import { figuresXlsx, rosterXlsx } from '../figures/workbooks';
import { learningPolicyFor } from '../scope';
import { rosterArea } from './area';
import { addPoolMember, poolView, proposeTeam, removePoolMember, updatePoolMember } from './pool';
import { coordinatorRoster, setCoordinatorStatus } from './roster';
import {
  ZFiguresQuery,
  ZLang,
  ZLearnerParam,
  ZPool,
  ZPoolAddRequest,
  ZPoolQuery,
  ZPoolUpdateRequest,
  ZProposal,
  ZProposalQuery,
  ZRoster,
  ZRosterRow,
  ZRosterStatusRequest,
  ZTrainingFigures,
} from './schemas';

const tags = ['learning'];
const xlsxResponses = {
  200: {
    description: 'The file',
    content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...ERROR_RESPONSES,
};

/**
 * The coordinator roster, the branches' supervise pools and the team proposal, and the training figures by
 * 年度 with their workbooks (docs/learning.md §7–8). Staff of the learning module only: everyone else 403
 * before anything is read.
 */
export function rosterRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const areaOf = async (actor: ReturnType<typeof requireActor>) => {
    const policy = await learningPolicyFor(db, actor);
    const area = rosterArea(policy);
    if (area.kind === 'none' || !actor.prefectureCode) throw new AppError('forbidden');
    return { policy, area, pref: actor.prefectureCode };
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/roster',
      tags,
      summary: 'Coordinator roster with counts per municipality and region / コーディネーター名簿',
      responses: jsonOk(ZRoster),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { area, pref } = await areaOf(actor);
      const roster = await coordinatorRoster(db, pref, area);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'read',
          entityType: 'coordinator_roster',
          entityIds: [],
          detail: { rows: roster.rows.length },
        },
      );
      return c.json(roster, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/roster/export',
      tags,
      summary: 'Coordinator roster as .xlsx / コーディネーター名簿（xlsx）',
      request: { query: z.object({ lang: ZLang }) },
      responses: xlsxResponses,
    }),
    async (c) => {
      const actor = requireActor(c);
      const { area, pref } = await areaOf(actor);
      const lang = c.req.valid('query').lang;
      const roster = await coordinatorRoster(db, pref, area);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'export',
          entityType: 'coordinator_roster',
          entityIds: [],
          detail: { rows: roster.rows.length, lang },
        },
      );
      const body = await rosterXlsx(roster, lang);
      return xlsxAnswer(c, body, `${'coordinator-roster'}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/roster/{learnerUserId}/status',
      tags,
      summary: 'Whether a trained coordinator is active, and when it was confirmed / 活動状況の確認',
      request: { params: ZLearnerParam, body: jsonBody(ZRosterStatusRequest) },
      responses: jsonOk(ZRosterRow),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const { area } = await areaOf(actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const row = await db.transaction((tx) =>
        setCoordinatorStatus(tx, who, area, c.req.valid('param').learnerUserId, c.req.valid('json')),
      );
      return c.json(row, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/supervise-pool',
      tags,
      summary: 'Supervise pools of the centres with expertise and load / スーパーバイズの人材プール',
      request: { query: ZPoolQuery },
      responses: jsonOk(ZPool),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { area, pref } = await areaOf(actor);
      return c.json(await poolView(db, pref, area, c.req.valid('query').centreId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/supervise-pool/proposal',
      tags,
      summary: 'A supervise team covering the needed expertise with the least-loaded members / チーム案',
      request: { query: ZProposalQuery },
      responses: jsonOk(ZProposal),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { area, pref } = await areaOf(actor);
      const q = c.req.valid('query');
      return c.json(await proposeTeam(db, pref, area, q.centreId, q.tags), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/supervise-pool',
      tags,
      summary: 'Add a person of the network to a centre’s supervise pool / プールへの追加',
      request: { body: jsonBody(ZPoolAddRequest) },
      responses: {
        201: {
          description: 'Added',
          content: { 'application/json': { schema: z.object({ id: z.string() }) } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireWriter(c);
      const { area } = await areaOf(actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const id = await db.transaction((tx) => addPoolMember(tx, who, area, c.req.valid('json')));
      return c.json({ id }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/supervise-pool/{id}',
      tags,
      summary: 'Change a pool member’s expertise / 専門分野の変更',
      request: { params: ZIdParam, body: jsonBody(ZPoolUpdateRequest) },
      responses: jsonOk(z.object({ ok: z.literal(true) })),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const { area } = await areaOf(actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      await db.transaction((tx) =>
        updatePoolMember(tx, who, area, c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/supervise-pool/{id}',
      tags,
      summary: 'Take a person out of a supervise pool / プールから外す',
      request: { params: ZIdParam },
      responses: jsonOk(z.object({ ok: z.literal(true) })),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const { area } = await areaOf(actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      await db.transaction((tx) => removePoolMember(tx, who, area, c.req.valid('param').id));
      return c.json({ ok: true as const }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures',
      tags,
      summary: 'Training figures of one 年度 / 年度別の研修統計',
      request: { query: ZFiguresQuery },
      responses: jsonOk(ZTrainingFigures),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { policy } = await areaOf(actor);
      const nendo = c.req.valid('query').nendo ?? nendoOf(isoDateInJapan(deps.now()));
      const figures = await trainingFigures(db, policy, nendo);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        { action: 'read', entityType: 'training_figures', entityIds: [], detail: { nendo } },
      );
      return c.json(figures, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures/export',
      tags,
      summary: 'Training figures of one 年度 as .xlsx / 年度別の研修統計（xlsx）',
      request: { query: ZFiguresQuery },
      responses: xlsxResponses,
    }),
    async (c) => {
      const actor = requireActor(c);
      const { policy } = await areaOf(actor);
      const q = c.req.valid('query');
      const nendo = q.nendo ?? nendoOf(isoDateInJapan(deps.now()));
      const figures = await trainingFigures(db, policy, nendo);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        { action: 'export', entityType: 'training_figures', entityIds: [], detail: { nendo, lang: q.lang } },
      );
      const body = await figuresXlsx(figures, q.lang);
      return xlsxAnswer(c, body, `${`training-figures-${nendo}`}.xlsx`);
    },
  );

  return r;
}
