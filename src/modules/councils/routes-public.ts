import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonOk, moduleRouter } from '../../server/openapi';
import { personalFeed } from './calendar';
import { publicMinutes } from './public-minutes';
import { originOf } from './routes-bodies';
import { ZPublicMinutesList, ZPublicMinutesQuery } from './schemas';

/** Public minutes of a prefecture (no sign-in): the public part of minutes marked public. */
export function publicMinutesRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/minutes',
      tags: ['public'],
      summary: 'Published minutes of a prefecture’s councils (public part only) / 公開議事録',
      request: { query: ZPublicMinutesQuery },
      responses: jsonOk(ZPublicMinutesList),
    }),
    async (c) => c.json(await publicMinutes(db, c.req.valid('query')), 200),
  );
  return r;
}

const ZFeedParam = z.object({
  file: z.string().openapi({ param: { name: 'file', in: 'path' }, example: 'k3J…Q.ics' }),
});

/** The personal calendar feed (`/api/public/calendar/{token}.ics`): calendar apps cannot sign in, the token is the key. */
export function calendarFeedRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{file}',
      tags: ['councils'],
      summary: 'A user’s calendar feed by its token (`{token}.ics`); 404 once revoked / 個人カレンダー配信',
      request: { params: ZFeedParam },
      responses: {
        200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const text = await personalFeed(
        db,
        c.req.valid('param').file,
        c.get('meta'),
        deps.now(),
        originOf(deps, c),
      );
      return c.body(text, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, no-store',
        'x-robots-tag': 'noindex',
      });
    },
  );
  return r;
}
