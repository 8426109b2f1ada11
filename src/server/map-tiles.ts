import type { Hono } from 'hono';
import type { MapTiles } from './config';
import type { AppEnv } from './context';

/** Where the browser asks for map tiles: under our own origin, so no request of a page leaves it. */
export const MAP_TILES_PATH = '/map-tiles';
/** The template written into the pages (web/src/components/map/tiles.ts reads it). */
export const MAP_TILES_TEMPLATE = `${MAP_TILES_PATH}/{z}/{x}/{y}`;

const TIMEOUT_MS = 10_000;

/** z/x/y as numbers when they name a tile of the Web Mercator pyramid (z 0–20), else null. */
export function tileOf(z: string, x: string, y: string): { z: number; x: number; y: number } | null {
  if (![z, x, y].every((v) => /^\d{1,7}$/.test(v))) return null;
  const t = { z: Number(z), x: Number(x), y: Number(y) };
  const n = 2 ** t.z;
  return t.z <= 20 && t.x < n && t.y < n ? t : null;
}

/**
 * Proxies the configured tile server (MAP_TILE_URL) under our origin: the server fetches the tile and answers
 * it with a day's cache, images only. An unknown tile answers 404, an unreachable or odd upstream 502 — the
 * map then hides the tile and keeps its markers and base.
 */
export function registerMapTiles(app: Hono<AppEnv>, tiles: MapTiles, fetchTile: typeof fetch = fetch) {
  app.get(`${MAP_TILES_PATH}/:z/:x/:y`, async (c) => {
    const t = tileOf(c.req.param('z'), c.req.param('x'), c.req.param('y'));
    if (!t) return c.body(null, 404);
    const url = tiles.url.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
    let upstream: Response;
    try {
      upstream = await fetchTile(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    } catch {
      return c.body(null, 502);
    }
    const type = upstream.headers.get('content-type') ?? '';
    if (upstream.status === 404) return c.body(null, 404);
    if (!upstream.ok || !type.startsWith('image/')) return c.body(null, 502);
    const bytes = new Uint8Array(await upstream.arrayBuffer());
    c.header('content-type', type);
    c.header('cache-control', 'public, max-age=86400');
    return c.body(bytes, 200);
  });
}
