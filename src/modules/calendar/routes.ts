/**
 * The working-day calendar's extra closures (`/api/calendar`): read by every staff role of the prefecture, kept
 * by its administrators (the network's rules: network/support.ts), each change audited. A closure is named by
 * its day (one per prefecture and day), so removing one names no record id.
 */
import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { workingDayClosures } from '../../db/schema';
import { pgErrorCode } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { publicHolidaysOfYear } from '../../shared/working-days';
import { recordAudit } from '../audit/record';
import { canAdminister } from '../network/policy';
import { networkRequest } from '../network/support';
import { closuresOfYear, forgetCalendar } from './calendar';
import {
  ZAddClosureRequest,
  ZClosure,
  ZClosuresQuery,
  ZClosuresResponse,
  ZRemoveClosureQuery,
} from './schemas';

const tags = ['calendar'];

export function calendarRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/closures',
      tags,
      summary: 'Public holidays and the extra closed days of a year / 休日と休業日の一覧',
      request: { query: ZClosuresQuery },
      responses: jsonOk(ZClosuresResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const t = await networkRequest(c, deps, 'read', q.prefecture);
      const year = q.year ?? Number(isoDateInJapan(deps.now()).slice(0, 4));
      const closures = await closuresOfYear(db, t.prefectureCode, year);
      return c.json(
        {
          year,
          holidays: publicHolidaysOfYear(year),
          closures: closures.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
          canManage: canAdminister(t.actor, t.prefectureCode),
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/closures',
      tags,
      summary: 'Add an extra closed day (administrators) / 休業日の追加',
      request: { query: ZClosuresQuery.pick({ prefecture: true }), body: jsonBody(ZAddClosureRequest) },
      responses: jsonOk(ZClosure),
    }),
    async (c) => {
      const t = await networkRequest(c, deps, 'write', c.req.valid('query').prefecture);
      const body = c.req.valid('json');
      try {
        const row = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(workingDayClosures)
            .values({
              prefectureCode: t.prefectureCode,
              closedOn: body.closedOn,
              label: body.label,
              createdBy: t.actor.userId,
              createdAt: t.who.at,
            })
            .returning();
          await recordAudit(tx, t.who, {
            action: 'configure',
            entityType: 'working_day_closure',
            entityIds: [row!.id],
            prefectureCode: t.prefectureCode,
            detail: { event: 'created', closedOn: body.closedOn, label: body.label },
          });
          return row!;
        });
        forgetCalendar(db, t.prefectureCode);
        return c.json(
          { id: row.id, closedOn: row.closedOn, label: row.label, createdAt: row.createdAt.toISOString() },
          200,
        );
      } catch (err) {
        if (pgErrorCode(err) === '23505') throw new AppError('duplicate');
        throw err;
      }
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/closures',
      tags,
      summary: 'Remove an extra closed day (administrators) / 休業日の削除',
      request: { query: ZRemoveClosureQuery },
      responses: { 204: { description: 'Removed / 削除しました' } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const t = await networkRequest(c, deps, 'write', q.prefecture);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(workingDayClosures)
          .where(
            and(
              eq(workingDayClosures.prefectureCode, t.prefectureCode),
              eq(workingDayClosures.closedOn, q.on),
            ),
          )
          .returning();
        if (!row) throw new AppError('not_found');
        await recordAudit(tx, t.who, {
          action: 'configure',
          entityType: 'working_day_closure',
          entityIds: [row.id],
          prefectureCode: t.prefectureCode,
          detail: { event: 'deleted', closedOn: row.closedOn, label: row.label },
        });
      });
      forgetCalendar(db, t.prefectureCode);
      return c.body(null, 204);
    },
  );

  return r;
}
