import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { CHILD_STATUSES } from '../registry/schemas';
import { homeFigures, LIFE_STAGES } from './figures';

const ZHomeFigures = z
  .object({
    nendo: z.number().int(),
    scope: z.object({
      kind: z.enum(['none', 'prefecture', 'regions', 'municipality', 'organisation']),
      prefectureName: z.string().nullable(),
      regionNames: z.array(z.string()),
      municipalityName: z.string().nullable(),
      organisationName: z.string().nullable(),
    }),
    children: z
      .object({
        total: z.number().int(),
        byStatus: z.array(z.object({ status: z.enum(CHILD_STATUSES), count: z.number().int() })),
        byLifeStage: z.array(z.object({ stage: z.enum(LIFE_STAGES), count: z.number().int() })),
        byMunicipality: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
        newThisNendo: z.number().int(),
        turning18ThisNendo: z.number().int(),
        enteringSchoolNextNendo: z.number().int(),
      })
      .nullable(),
    network: z.object({
      regions: z.number().int(),
      municipalities: z.number().int(),
      centres: z.number().int(),
      organisations: z.number().int(),
      users: z.number().int(),
      prefectures: z.number().int(),
    }),
  })
  .openapi('HomeFigures');

export function homeRoutes(deps: Deps) {
  const r = moduleRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/figures',
      tags: ['home'],
      summary: 'Figures for the home page, over the user’s scope / ホーム画面の集計（閲覧範囲内）',
      responses: jsonOk(ZHomeFigures),
    }),
    async (c) => {
      const actor = requireActor(c);
      // A read: the figures' statements run in parallel on the pool (no transaction), and the audit entry is
      // written before the answer leaves.
      const figures = await homeFigures(deps.db.systemDb, actor, isoDateInJapan(deps.now()));
      if (figures.children) {
        // Aggregates only, but derived from personal records: the read is recorded.
        await recordAudit(
          deps.db.systemDb,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'search',
            entityType: 'child_figures',
            entityIds: [],
            detail: { total: figures.children.total },
          },
        );
      }
      return c.json(figures, 200);
    },
  );
  return r;
}
