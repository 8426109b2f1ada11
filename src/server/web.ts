import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './app';
import type { MapTiles } from './config';
import { MAP_TILES_TEMPLATE } from './map-tiles';

export const WEB_DIST = resolve('dist/web');

/** The public resources site's own light page (a second Vite entry, see web/public-resources.html). */
export const PUBLIC_RESOURCES_HTML = 'public-resources.html';

/** The meta tags the map reads its tile server from (web/src/components/map/tiles.ts). */
export const MAP_TILES_META = 'tsunagu-map-tiles';
export const MAP_ATTRIBUTION_META = 'tsunagu-map-attribution';
/** The external address links shown to staff are written with (PUBLIC_URL; web/src/lib/links.ts). */
export const PUBLIC_URL_META = 'tsunagu-public-url';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Run-time settings a page reads from its HTML. */
export type PageSettings = { mapTiles?: MapTiles | undefined; publicUrl?: string | undefined };

/**
 * Puts the run-time settings a page needs into its HTML, so it needs no extra request: the map's tiles (under
 * our own origin, proxied to MAP_TILE_URL by map-tiles.ts) and the external address for links handed to others, each only when configured (markers only and the
 * browser's own address otherwise).
 */
export function withSettings(html: string, settings: PageSettings): string {
  const meta = (name: string, value: string) => `<meta name="${name}" content="${escapeAttribute(value)}" />`;
  const { mapTiles, publicUrl } = settings;
  const tags =
    (mapTiles ? meta(MAP_TILES_META, MAP_TILES_TEMPLATE) : '') +
    (mapTiles?.attribution ? meta(MAP_ATTRIBUTION_META, mapTiles.attribution) : '') +
    (publicUrl ? meta(PUBLIC_URL_META, publicUrl.replace(/\/+$/, '')) : '');
  return tags ? html.replace('</head>', `${tags}</head>`) : html;
}

/** /public/resources and everything under it (searches, listings, the provider's link page). */
export function isPublicResourcesPath(path: string): boolean {
  return path === '/public/resources' || path.startsWith('/public/resources/');
}

/** The public training page (/public/trainings; not the certificate check under it, which is the app's page). */
export function isPublicTrainingsPath(path: string): boolean {
  return path === '/public/trainings' || path === '/public/trainings/';
}

/** The centre's public site: its home, its pages and the first windows (pages/public/site/routes.ts). */
export function isPublicSitePath(path: string): boolean {
  return (
    path === '/public' ||
    path === '/public/' ||
    path === '/public/first-window' ||
    path === '/public/good-practices' ||
    path.startsWith('/public/good-practices/') ||
    (path.startsWith('/public/pages/') && path.length > '/public/pages/'.length)
  );
}

/** The public library (/public/library and an item's page): a family opens it from a printed sheet on a phone. */
export function isPublicLibraryPath(path: string): boolean {
  return path === '/public/library' || path.startsWith('/public/library/');
}

/** A survey's answering page (/public/surveys/{token}): a family opens it from a letter's link or QR code. */
export function isPublicSurveysPath(path: string): boolean {
  return path.startsWith('/public/surveys/') && path.length > '/public/surveys/'.length;
}

/**
 * Serves the built web client from our own origin (no CDN: closed government networks).
 * Every non-API GET that is not a file is answered with a page so deep links work: the public resources site
 * with its own light page, everything else with the app's index.html (same CSP and cache headers for both).
 * Returns false when the front end has not been built.
 */
export function serveWeb(app: App, opts: { dist?: string } & PageSettings = {}): boolean {
  const dist = opts.dist ?? WEB_DIST;
  if (!existsSync(resolve(dist, 'index.html'))) return false;
  const root = relative(process.cwd(), dist) || '.';
  const indexHtml = withSettings(readFileSync(resolve(dist, 'index.html'), 'utf8'), opts);
  const publicFile = resolve(dist, PUBLIC_RESOURCES_HTML);
  // A build from before the split has no light page: the app serves those paths itself.
  const publicHtml = existsSync(publicFile)
    ? withSettings(readFileSync(publicFile, 'utf8'), opts)
    : indexHtml;
  app.use('/assets/*', serveStatic({ root }));
  app.get('/favicon.svg', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    c.header('cache-control', 'no-cache');
    const light =
      isPublicResourcesPath(c.req.path) ||
      isPublicTrainingsPath(c.req.path) ||
      isPublicLibraryPath(c.req.path) ||
      isPublicSurveysPath(c.req.path) ||
      isPublicSitePath(c.req.path);
    return c.html(light ? publicHtml : indexHtml);
  });
  return true;
}
