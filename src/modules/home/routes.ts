import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { CHILD_STATUSES } from '../registry/schemas';
import { homeFigures, LIFE_STAGES } from './figures';
import { FiguresCache, HOME_FIGURES_TTL_MS, homeFiguresKey } from './figures-cache';

const ZHomeFigures = z
  .object({
    nendo: z.number().int(),
    /** When these figures were computed: each server keeps a scope's figures for a minute. */
    asOf: z.string().datetime({ offset: true }),
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
      /** The system administrator's home: each prefecture's network (empty for everyone else). */
      byPrefecture: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          regions: z.number().int(),
          municipalities: z.number().int(),
          centres: z.number().int(),
          organisations: z.number().int(),
          users: z.number().int(),
        }),
      ),
    }),
  })
  .openapi('HomeFigures');

export function homeRoutes(deps: Deps) {
  const r = moduleRouter();
  // Per server, per scope (figures-cache.ts): the figures are the home page's first request for every user.
  const cache = new FiguresCache<Awaited<ReturnType<typeof homeFigures>>>(HOME_FIGURES_TTL_MS);
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
      const now = deps.now();
      const today = isoDateInJapan(now);
      // A read: the figures' statements run in parallel on the pool (no transaction), and the audit entry is
      // written before the answer leaves — for kept figures too, since every read of them is a read.
      const { value: figures, at } = await cache.get(homeFiguresKey(actor, today), now.getTime(), () =>
        homeFigures(deps.db.systemDb, actor, today),
      );
      const asOf = new Date(at).toISOString();
      if (figures.children) {
        // Aggregates only, but derived from personal records: the read is recorded.
        await recordAudit(
          deps.db.systemDb,
          { actor, meta: c.get('meta'), at: now },
          {
            action: 'search',
            entityType: 'child_figures',
            entityIds: [],
            detail: { total: figures.children.total, asOf },
          },
        );
      }
      return c.json({ ...figures, asOf }, 200);
    },
  );
  return r;
}
