import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonBody, moduleRouter, ZIdParam } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { CARE_ITEMS } from '../../shared/care-score';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../shared/vocab/resources';
import { consumeLink, findLiveLink } from './links';
import type { ResourcePolicy } from './policy';
import { findService, municipalityNames, presentService } from './queries';
import {
  ZConfirmByLink,
  ZConfirmByLinkResponse,
  ZConfirmView,
  ZPublicOptions,
  ZPublicSearchQuery,
  ZPublicSearchResponse,
  ZPublicService,
} from './schemas-public';
import { publicListing, publicSearch } from './search';
import { clearSearchCacheOnWrite, searchCacheFor } from './search-cache';
import { STALE_AFTER_MONTHS } from './text';
import { correctService } from './write-service';

const tags = ['public'];

const NONE = { kind: 'none' } as const;
const LINK_POLICY: ResourcePolicy = {
  read: NONE,
  write: NONE,
  provider: null,
  prefectureWide: false,
  gaps: false,
  bottlenecks: NONE,
};

/**
 * Public requests per client address and minute on each server (search, listing pages, confirmation links),
 * kept in memory: a refusal costs no database work (decision 0015).
 */
export const PUBLIC_RESOURCES_RATE_LIMIT = { limit: 300, windowMs: 60_000 };

const ok = <T extends z.ZodType>(schema: T) => ({
  200: { description: 'OK', content: { 'application/json': { schema } } },
  400: ERROR_RESPONSES[400],
  404: ERROR_RESPONSES[404],
  429: { description: 'Too many requests / リクエスト過多', content: ERROR_RESPONSES[400].content },
});

const ZTokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/**
 * The public resources site's API (ME-6): no sign-in, rate-limited per client address. Search and listing
 * pages show active listings only; the provider confirmation link reads and answers one listing.
 */
export function publicResourceRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const cache = searchCacheFor<Awaited<ReturnType<typeof publicSearch>>>(deps);
  r.use('*', clearSearchCacheOnWrite(deps)); // a provider's confirmation by link changes a listing

  // One bucket per address for all of them; the link's token, not the limit, guards the confirmation.
  const rateLimit = perServerLimit(deps, PUBLIC_RESOURCES_RATE_LIMIT);

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Vocabularies of the search form / 検索条件の選択肢（サービス種別・医療的ケア）',
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: ZPublicOptions } } } },
    }),
    (c) => {
      c.header('cache-control', 'public, max-age=3600');
      return c.json(
        {
          serviceTypes: SERVICE_TYPES.map((code) => ({ code, ...SERVICE_TYPE_LABELS[code] })),
          careItems: CARE_ITEMS.map((i) => ({ code: i.code, ja: i.ja, en: i.en })),
          staleAfterMonths: STALE_AFTER_MONTHS,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Search the directory / 社会資源の検索（サインイン不要）',
      description:
        'Place (municipality code or name, address, or a gazetteer place — 町名, station, landmark, postal code — ' +
        'searched near its point, each result with its distance and why it matched), service type, care items needed (all accepted, with or without ' +
        'conditions), age and free text in Japanese; active listings only; stale listings (not confirmed for ' +
        '12 months) come after fresh ones.',
      middleware: [rateLimit] as const,
      request: { query: ZPublicSearchQuery },
      responses: ok(ZPublicSearchResponse),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const now = deps.now();
      const key = JSON.stringify(q); // the validated query: defaults filled, keys in schema order
      let answer = cache.get(key, now.getTime());
      if (!answer) {
        answer = await publicSearch(db, q, now);
        cache.set(key, answer, now.getTime());
      }
      return c.json(answer, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/confirm/{token}',
      tags,
      summary: 'The listing a provider link is for / 確認リンクの掲載内容（リンクは有効のまま）',
      middleware: [rateLimit] as const,
      request: { params: ZTokenParam },
      responses: ok(ZConfirmView),
    }),
    async (c) => {
      const now = deps.now();
      const { link, prefectureCode } = await findLiveLink(db, c.req.valid('param').token, now);
      const row = await findService(db, prefectureCode, { kind: 'prefecture' }, link.serviceId);
      if (!row) throw new AppError('token_invalid');
      const names = await municipalityNames(db, row.s.areaCodes);
      return c.json(
        { service: presentService(row, names, now), expiresAt: link.expiresAt.toISOString() },
        200,
      );
    },
  );

  // PUT is the documented verb; POST does the same for clients (and forms) that only POST.
  for (const method of ['put', 'post'] as const) {
    r.openapi(
      createRoute({
        method,
        path: '/confirm/{token}',
        tags,
        summary:
          'Confirm or correct a listing through its link (single use) / 確認リンクから掲載内容を確認・修正（1回限り）',
        middleware: [rateLimit] as const,
        request: { params: ZTokenParam, body: jsonBody(ZConfirmByLink) },
        responses: ok(ZConfirmByLinkResponse),
      }),
      async (c) => {
        const now = deps.now();
        const { token } = c.req.valid('param');
        const body = c.req.valid('json');
        const out = await db.transaction(async (tx) => {
          const link = await consumeLink(tx, token, now);
          // The link is the authority: no actor, no policy beyond "this one listing".
          const w = {
            actor: null,
            meta: c.get('meta'),
            at: now,
            policy: LINK_POLICY,
            prefectureCode: link.prefectureCode,
          };
          const { changed } = await correctService(tx, w, link.serviceId, body.changes ?? {}, null, {
            kind: 'provider_link',
            userId: null,
            by: body.confirmedBy ?? null,
          });
          return { serviceId: link.serviceId, confirmedAt: now.toISOString(), changed };
        });
        return c.json(out, 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One listing / 社会資源の詳細（公開）',
      middleware: [rateLimit] as const,
      request: { params: ZIdParam },
      responses: ok(ZPublicService),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      return c.json(await publicListing(db, id, deps.now()), 200);
    },
  );

  return r;
}
