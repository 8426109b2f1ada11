import { Buffer } from 'node:buffer';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { consultationSettings } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import { requireActor, requireWriter } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { overdueBeforeIn } from '../calendar/calendar';
import { reachConsultation, withoutJit } from './access';
import { isValidRule } from './caseload';
import { caseloadBoard, concentrationRuleOf } from './caseload-board';
import { consultationFigures, figuresXlsx } from './figures';
import { ZCaseloadResponse, ZFiguresResponse, ZSimilarResponse, ZStoredRule } from './schemas-board';
import { similarConsultations } from './similar';
import { actorTeams } from './teams';

const tags = ['consultations'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ZFiguresQuery = z.object({
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});

const ZRuleRequest = z
  .object({
    topShare: z.number().gt(0).lt(1),
    maxShare: z.number().gt(0).lt(1),
    minCases: z.number().int().min(0).max(100_000),
    /** Working days a public request may wait untouched before it is escalated (1–20; unchanged when left out). */
    escalateAfterWorkingDays: z.number().int().min(1).max(20).optional(),
  })
  .strict();

/** The caseload board and its rule, figures by 年度 and their export, the hub (teams: routes-teams.ts). */
export function consultationBoardRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/caseload',
      tags,
      summary:
        'Caseload board per person, team and region, with the concentration warning / ケース負担の状況',
      responses: jsonOk(ZCaseloadResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const teams = await actorTeams(db, actor);
      const today = isoDateInJapan(now);
      const cutOff = await overdueBeforeIn(db, actor.prefectureCode, today);
      const board = await withoutJit(db, (tx) =>
        caseloadBoard(
          tx,
          actor,
          teams.map((t) => t.id),
          today,
          cutOff,
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
      responses: jsonOk(ZStoredRule),
    }),
    async (c) => {
      const actor = requireWriter(c);
      if (actor.role !== 'centre_admin' || !actor.prefectureCode) throw new AppError('forbidden');
      const { escalateAfterWorkingDays, ...rule } = c.req.valid('json');
      if (!isValidRule(rule)) throw new AppError('consultation_rule_invalid');
      const escalation = escalateAfterWorkingDays === undefined ? {} : { escalateAfterWorkingDays };
      const at = deps.now();
      await db.transaction(async (tx) => {
        const before = await concentrationRuleOf(tx, actor.prefectureCode!);
        await tx
          .insert(consultationSettings)
          .values({
            prefectureCode: actor.prefectureCode!,
            ...rule,
            ...escalation,
            updatedBy: actor.userId,
            updatedAt: at,
          })
          .onConflictDoUpdate({
            target: consultationSettings.prefectureCode,
            set: {
              ...rule,
              ...escalation,
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
              before: {
                topShare: before.topShare,
                maxShare: before.maxShare,
                minCases: before.minCases,
                escalateAfterWorkingDays: before.escalateAfterWorkingDays,
              },
              after: { ...rule, ...escalation },
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
      responses: jsonOk(ZFiguresResponse),
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
      responses: jsonOk(ZSimilarResponse),
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
