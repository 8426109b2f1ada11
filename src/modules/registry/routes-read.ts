import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { reachChild } from './child-access';
import { childDetail, formerResidenceCut } from './child-detail';
import { listChildHistory } from './history';
import { ZChildDetail, ZGetChildHistoryResponse } from './schemas-detail';

const tags = ['registry'];

/**
 * Reading one child record and its history. Both go through the by-id scope (full record, or the reduced
 * view of a former residence) and are audited before the answer leaves. Mounted last: it takes /{id}.
 */
export function registryReadRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One child record / 医療的ケア児の記録',
      request: { params: ZIdParam },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const actor = requireActor(c);
      const now = deps.now();
      const reached = await reachChild(db, actor, c.req.valid('param').id);
      const detail = reached ? await childDetail(db, actor, reached, isoDateInJapan(now)) : undefined;
      if (!reached || !detail) throw new AppError('not_found');
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: now },
        {
          action: 'read',
          entityType: 'child',
          entityIds: [detail.id],
          ...(detail.access === 'full' ? {} : { detail: { access: detail.access } }),
        },
      );
      return c.json(detail, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/history',
      tags,
      summary: 'Every change to a child record, newest first / 変更履歴',
      request: { params: ZIdParam },
      responses: jsonOk(ZGetChildHistoryResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const reached = await reachChild(db, actor, c.req.valid('param').id);
      if (!reached) throw new AppError('not_found');
      let cut: Parameters<typeof listChildHistory>[2];
      if (reached.access === 'former_residence') {
        if (actor.scope.kind !== 'municipality') throw new AppError('not_found');
        const former = await formerResidenceCut(db, reached.child.id, actor.scope.municipalityCode);
        if (!former) throw new AppError('not_found');
        cut = former.cut;
      }
      const entries = await listChildHistory(db, reached.child.id, cut);
      await recordAudit(
        db,
        { actor, meta: c.get('meta'), at: deps.now() },
        {
          action: 'read',
          entityType: 'child',
          entityIds: [reached.child.id],
          detail: { view: 'history', access: reached.access },
        },
      );
      return c.json(entries, 200);
    },
  );

  return r;
}
