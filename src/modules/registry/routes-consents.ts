import { createRoute } from '@hono/zod-openapi';
import { mapConstraintErrors } from '../../server/constraint-errors';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { recordConsent, withdrawConsent } from './consents';
import { jsonCreated } from './routes-write';
import { ZChildDetail } from './schemas-detail';
import { ZConsentParams, ZRecordConsentRequest, ZWithdrawConsentRequest } from './schemas-write';
import { detailAfterWrite, writerOf } from './write';

const tags = ['registry'];

/** The guardian's consent decisions and their withdrawal (they decide what municipal staff see). */
export function registryConsentRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/consents',
      tags,
      summary: 'Record a consent decision of the guardian / 同意の記録',
      request: { params: ZIdParam, body: jsonBody(ZRecordConsentRequest) },
      responses: jsonCreated(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () => db.transaction(async (tx) => detailAfterWrite(tx, w, await recordConsent(tx, w, id, body))),
        'conflict',
      );
      return c.json(detail, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/consents/{consentId}/withdraw',
      tags,
      summary: 'Withdraw a consent / 同意の撤回',
      request: { params: ZConsentParams, body: jsonBody(ZWithdrawConsentRequest) },
      responses: jsonOk(ZChildDetail),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const { id, consentId } = c.req.valid('param');
      const body = c.req.valid('json');
      const detail = await mapConstraintErrors(
        () =>
          db.transaction(async (tx) =>
            detailAfterWrite(tx, w, await withdrawConsent(tx, w, id, consentId, body)),
          ),
        'conflict',
      );
      return c.json(detail, 200);
    },
  );

  return r;
}
