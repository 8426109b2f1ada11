import { Buffer } from 'node:buffer';
import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  centres,
  consultationSettings,
  consultationTeamMembers,
  consultationTeams,
  municipalities,
  people,
  regions,
} from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { reachConsultation, withoutJit } from './access';
import { isValidRule } from './caseload';
import { caseloadBoard, concentrationRuleOf } from './caseload-board';
import { consultationFigures, figuresXlsx } from './figures';
import { similarConsultations } from './similar';
import { actorTeams } from './teams';

const tags = ['consultations'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZAny = z.record(z.string(), z.unknown());

const ZFiguresQuery = z.object({
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});

const ZRuleRequest = z
  .object({
    topShare: z.number().gt(0).lt(1),
    maxShare: z.number().gt(0).lt(1),
    minCases: z.number().int().min(0).max(100_000),
  })
  .strict();

const ZSuperviseTeamRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    tier: z.enum(['region', 'centre']),
    centreId: z.string().uuid().nullable().optional(),
    memberPersonIds: z.array(z.string().uuid()).min(1).max(100),
  })
  .strict();

/** The caseload board and its rule, figures by 年度 and their export, the hub, teams and supervise teams. */
export function consultationBoardRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/teams',
      tags,
      summary: 'My teams and the teams a case can be sent to / 担当チームと依頼先',
      responses: jsonOk(ZAny),
    }),
    async (c) => {
      const actor = requireActor(c);
      const pref = actor.prefectureCode;
      if (!pref)
        return c.json({ mine: [], municipalities: [], regions: [], branches: [], superviseTeams: [] }, 200);
      const [mine, munis, regs, branches, supervise] = await Promise.all([
        actorTeams(db, actor),
        db
          .select({ code: municipalities.code, name: municipalities.name })
          .from(municipalities)
          .where(eq(municipalities.prefectureCode, pref))
          .orderBy(municipalities.code),
        db
          .select({ id: regions.id, name: regions.name })
          .from(regions)
          .where(eq(regions.prefectureCode, pref))
          .orderBy(regions.sortOrder, regions.name),
        db
          .select({ id: centres.id, name: centres.name })
          .from(centres)
          .where(and(eq(centres.prefectureCode, pref), eq(centres.kind, 'branch')))
          .orderBy(centres.name),
        db
          .select({ id: consultationTeams.id, name: consultationTeams.name, tier: consultationTeams.tier })
          .from(consultationTeams)
          .where(and(eq(consultationTeams.prefectureCode, pref), eq(consultationTeams.kind, 'supervise')))
          .orderBy(consultationTeams.name),
      ]);
      return c.json(
        {
          mine: mine.map((t) => ({ id: t.id, tier: t.tier, kind: t.kind, name: t.name })),
          municipalities: munis,
          regions: regs,
          branches,
          superviseTeams: supervise,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/supervise-teams',
      tags,
      summary: 'Form a supervise team from people of the network (ME-2) / スーパーバイズチームの編成',
      request: { body: jsonBody(ZSuperviseTeamRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZAny } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireWriter(c);
      if (!actor.prefectureCode || (actor.role !== 'centre_admin' && actor.role !== 'centre_staff'))
        throw new AppError('forbidden');
      const body = c.req.valid('json');
      const at = deps.now();
      const team = await db.transaction(async (tx) => {
        const found = await tx
          .select({ id: people.id })
          .from(people)
          .where(
            and(eq(people.prefectureCode, actor.prefectureCode!), inArray(people.id, body.memberPersonIds)),
          );
        if (found.length !== new Set(body.memberPersonIds).size) {
          throw new AppError('validation_failed', {
            issues: [
              { path: 'memberPersonIds', message: '登録されていない人が含まれています / Unknown people' },
            ],
          });
        }
        const [row] = await tx
          .insert(consultationTeams)
          .values({
            prefectureCode: actor.prefectureCode!,
            kind: 'supervise',
            tier: body.tier,
            centreId: body.centreId ?? null,
            name: body.name,
            createdAt: at,
          })
          .returning();
        await tx
          .insert(consultationTeamMembers)
          .values(found.map((p) => ({ teamId: row!.id, personId: p.id, addedAt: at })));
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at },
          {
            action: 'configure',
            entityType: 'consultation_team',
            entityIds: [row!.id],
            detail: { members: found.length },
          },
        );
        return row!;
      });
      return c.json(
        { id: team.id, name: team.name, tier: team.tier, kind: team.kind, members: body.memberPersonIds },
        201,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/caseload',
      tags,
      summary:
        'Caseload board per person, team and region, with the concentration warning / ケース負担の状況',
      responses: jsonOk(ZAny),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const teams = await actorTeams(db, actor);
      const board = await withoutJit(db, (tx) =>
        caseloadBoard(
          tx,
          actor,
          teams.map((t) => t.id),
          isoDateInJapan(now),
        ),
      );
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'read',
          entityType: 'consultation_caseload',
          entityIds: [],
          detail: { people: board.people.length },
        },
      );
      return c.json(board, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/caseload/rule',
      tags,
      summary:
        'Change the concentration rule of the prefecture (centre administrators) / 集中判定ルールの変更',
      request: { body: jsonBody(ZRuleRequest) },
      responses: jsonOk(ZAny),
    }),
    async (c) => {
      const actor = requireWriter(c);
      if (actor.role !== 'centre_admin' || !actor.prefectureCode) throw new AppError('forbidden');
      const rule = c.req.valid('json');
      if (!isValidRule(rule)) throw new AppError('consultation_rule_invalid');
      const at = deps.now();
      await db.transaction(async (tx) => {
        const before = await concentrationRuleOf(tx, actor.prefectureCode!);
        await tx
          .insert(consultationSettings)
          .values({ prefectureCode: actor.prefectureCode!, ...rule, updatedBy: actor.userId, updatedAt: at })
          .onConflictDoUpdate({
            target: consultationSettings.prefectureCode,
            set: {
              ...rule,
              updatedBy: actor.userId,
              updatedAt: at,
              version: sql`${consultationSettings.version} + 1`,
            },
          });
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at },
          {
            action: 'configure',
            entityType: 'consultation_settings',
            entityIds: [actor.prefectureCode!],
            detail: {
              before: { topShare: before.topShare, maxShare: before.maxShare, minCases: before.minCases },
              after: rule,
            },
          },
        );
      });
      return c.json(await concentrationRuleOf(db, actor.prefectureCode), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures',
      tags,
      summary: 'Figures of one 年度 / 年度別の相談統計',
      request: { query: ZFiguresQuery },
      responses: jsonOk(ZAny),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const nendo = c.req.valid('query').nendo ?? nendoOf(isoDateInJapan(now));
      const teams = await actorTeams(db, actor);
      const figures = await withoutJit(db, (tx) =>
        consultationFigures(
          tx,
          actor,
          teams.map((t) => t.id),
          nendo,
        ),
      );
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        { action: 'read', entityType: 'consultation_figures', entityIds: [], detail: { nendo } },
      );
      return c.json(figures, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures/export',
      tags,
      summary: 'Figures of one 年度 as .xlsx / 年度別の相談統計（xlsx）',
      request: { query: ZFiguresQuery },
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
      const now = deps.now();
      const q = c.req.valid('query');
      const nendo = q.nendo ?? nendoOf(isoDateInJapan(now));
      const teams = await actorTeams(db, actor);
      const figures = await withoutJit(db, (tx) =>
        consultationFigures(
          tx,
          actor,
          teams.map((t) => t.id),
          nendo,
        ),
      );
      // An export that is not recorded did not happen: the entry is written before the file is sent.
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'export',
          entityType: 'consultation_figures',
          entityIds: [],
          detail: { nendo, lang: q.lang },
        },
      );
      const body = await figuresXlsx(figures, q.lang);
      return c.body(new Uint8Array(Buffer.from(body)), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="consultation-figures-${nendo}.xlsx"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/similar',
      tags,
      summary: 'Similar past consultations and who resolved them (hub, KU-4) / 類似の過去相談',
      request: { params: ZIdParam },
      responses: jsonOk(ZAny),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const reached = await reachConsultation(db, actor, c.req.valid('param').id);
      if (!reached) throw new AppError('not_found');
      const items = await similarConsultations(db, actor, reached.teamIds, reached.row);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'search',
          entityType: 'consultation',
          entityIds: [reached.row.id, ...items.map((i) => i.id)],
          detail: { view: 'similar', childDetailsShown: items.filter((i) => i.childName).length },
        },
      );
      return c.json({ items }, 200);
    },
  );

  return r;
}
