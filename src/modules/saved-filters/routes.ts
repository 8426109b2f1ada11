import { createRoute } from '@hono/zod-openapi';
import { and, count, desc, eq } from 'drizzle-orm';
import { savedFilters } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import {
  type FilterValues,
  MAX_SAVED_FILTERS,
  SAVED_FILTER_SCHEMAS,
  ZCreateSavedFilterRequest,
  ZDeleteSavedFilterResponse,
  ZListSavedFiltersQuery,
  ZListSavedFiltersResponse,
  ZSavedFilter,
} from './schemas';

const tags = ['saved-filters'];

const columns = {
  id: savedFilters.id,
  name: savedFilters.name,
  filter: savedFilters.filter,
  createdAt: savedFilters.createdAt,
};

function present(row: { id: string; name: string; filter: Record<string, unknown>; createdAt: Date }) {
  // Stored as the list's own schema gave it back: parameter → value, as in a query.
  return { ...row, filter: row.filter as FilterValues, createdAt: row.createdAt.toISOString() };
}

/**
 * A user's own saved filters: list, save, delete. Another user's filter is never listed and deleting it
 * answers 404 — filters can hold names typed into the search box.
 */
export function savedFilterRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: '保存した検索条件 / Your saved filters of a list',
      request: { query: ZListSavedFiltersQuery },
      responses: jsonOk(ZListSavedFiltersResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { scope } = c.req.valid('query');
      const rows = await db
        .select(columns)
        .from(savedFilters)
        .where(and(eq(savedFilters.userId, actor.userId), eq(savedFilters.scope, scope)))
        .orderBy(desc(savedFilters.createdAt), savedFilters.id);
      return c.json(rows.map(present), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: '検索条件の保存 / Save a filter',
      request: { body: jsonBody(ZCreateSavedFilterRequest) },
      responses: jsonOk(ZSavedFilter),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { scope, name, filter } = c.req.valid('json');
      // The filter must be one the list accepts; it is stored as validated (dates in ISO, unknown keys dropped).
      const parsed = SAVED_FILTER_SCHEMAS[scope].safeParse(filter);
      if (!parsed.success) {
        throw new AppError('validation_failed', {
          issues: parsed.error.issues.map((i) => ({
            path: ['filter', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        });
      }
      const row = await db.transaction(async (tx) => {
        const [n] = await tx
          .select({ n: count() })
          .from(savedFilters)
          .where(and(eq(savedFilters.userId, actor.userId), eq(savedFilters.scope, scope)));
        if ((n?.n ?? 0) >= MAX_SAVED_FILTERS) {
          throw new AppError('validation_failed', {
            issues: [
              {
                path: 'filter',
                message: `保存できる検索条件は ${MAX_SAVED_FILTERS} 件までです / at most ${MAX_SAVED_FILTERS} saved filters per list`,
              },
            ],
          });
        }
        const [created] = await tx
          .insert(savedFilters)
          .values({ userId: actor.userId, scope, name, filter: parsed.data })
          .returning(columns);
        return created!;
      });
      return c.json(present(row), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: '保存した検索条件の削除 / Delete one of your saved filters',
      request: { params: ZIdParam },
      responses: jsonOk(ZDeleteSavedFilterResponse),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const deleted = await db
        .delete(savedFilters)
        .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, actor.userId)))
        .returning({ id: savedFilters.id });
      if (deleted.length === 0) throw new AppError('not_found');
      return c.json({ ok: true as const }, 200);
    },
  );

  return r;
}
