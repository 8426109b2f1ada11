import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './app';

export const WEB_DIST = resolve('dist/web');

/**
 * Serves the built single-page app from our own origin (no CDN: closed government networks).
 * Every non-API GET that is not a file is answered with index.html, so deep links work.
 * Returns false when the front end has not been built.
 */
export function serveWeb(app: App, dist = WEB_DIST): boolean {
  if (!existsSync(resolve(dist, 'index.html'))) return false;
  const root = relative(process.cwd(), dist) || '.';
  const indexHtml = readFileSync(resolve(dist, 'index.html'), 'utf8');
  app.use('/assets/*', serveStatic({ root }));
  app.get('/favicon.svg', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml);
  });
  return true;
}
