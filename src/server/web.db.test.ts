import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import type { MapTiles } from './config';
import type { AppEnv } from './context';
import { registerMapTiles } from './map-tiles';
import {
  isPublicResourcesPath,
  isPublicSitePath,
  isPublicSurveysPath,
  isPublicTrainingsPath,
  PUBLIC_RESOURCES_HTML,
  serveWeb,
  withSettings,
} from './web';

/** A stand-in build: the two pages of dist/web, told apart by their <title>. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-web-'));
  mkdirSync(join(dir, 'assets'));
  const page = (title: string) =>
    `<!doctype html><html lang="ja"><head><meta charset="UTF-8" /><title>${title}</title></head><body><div id="root"></div></body></html>`;
  writeFileSync(join(dir, 'index.html'), page('app'));
  writeFileSync(join(dir, PUBLIC_RESOURCES_HTML), page('public resources'));
  return dir;
}

const TILES: MapTiles = {
  url: 'https://tiles.example.lg.jp/{z}/{x}/{y}.png',
  origin: 'https://tiles.example.lg.jp',
  attribution: '地図: "Example" & <co>',
};

async function get(t: TestApp, path: string) {
  const res = await t.app.request(path, { headers: { accept: 'text/html' } });
  return { res, html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
}

describe('the web client without a tile server', () => {
  let t: TestApp;
  const dist = fakeDist();
  beforeAll(async () => {
    t = await createTestApp();
    expect(serveWeb(t.app, { dist })).toBe(true);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    '/public/resources',
    '/public/resources?where=%E6%A8%AA%E6%B5%9C&care=suction',
    '/public/resources/0193a6c2-0000-7000-8000-000000000001',
    '/public/resources/confirm',
    '/public',
    '/public/pages/about',
    '/public/first-window',
  ])('serves the light public page for %s, with the app page’s CSP and cache headers', async (path) => {
    const { res, html, csp } = await get(t, path);
    expect(res.status).toBe(200);
    expect(html).toContain('<title>public resources</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data:;");
    expect(html).not.toContain('tsunagu-map-tiles');
    const app = await get(t, '/children');
    expect(app.csp).toBe(csp);
    expect(app.res.headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/', '/children', '/public/care-score', '/public/resourcesx', '/resources/gaps'])(
    'serves the app for %s',
    async (path) => {
      const { res, html } = await get(t, path);
      expect(res.status).toBe(200);
      expect(html).toContain('<title>app</title>');
    },
  );

  it('still answers unknown API paths with the JSON 404', async () => {
    const res = await t.app.request('/api/public/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('the web client with MAP_TILE_URL', () => {
  let t: TestApp;
  const dist = fakeDist();
  beforeAll(async () => {
    t = await createTestApp({ mapTiles: TILES });
    serveWeb(t.app, { dist, mapTiles: TILES });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('writes the tile setting into the public page as a path of our own origin, escaped', async () => {
    const { html } = await get(t, '/public/resources/confirm');
    expect(html).toContain('<meta name="tsunagu-map-tiles" content="/map-tiles/{z}/{x}/{y}" />');
    expect(html).not.toContain('tiles.example.lg.jp');
    expect(html).toContain(
      '<meta name="tsunagu-map-attribution" content="地図: &quot;Example&quot; &amp; &lt;co&gt;" />',
    );
    expect(html.indexOf('tsunagu-map-tiles')).toBeLessThan(html.indexOf('</head>'));
  });

  it('keeps every source to our own origin: the tiles come through it', async () => {
    const { csp } = await get(t, '/public/resources');
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    expect(csp).not.toContain('tiles.example.lg.jp');
    // API answers carry the same policy (one header for the whole origin).
    const api = await t.app.request('/healthz');
    expect(api.headers.get('content-security-policy')).toBe(csp);
  });
});

describe('the map tile proxy', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  const asked: string[] = [];
  const app = new Hono<AppEnv>();
  registerMapTiles(app, TILES, (async (url: string) => {
    asked.push(url);
    if (url.includes('/9/')) return new Response('no', { status: 404 });
    if (url.includes('/8/'))
      return new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } });
    return new Response(png, { status: 200, headers: { 'content-type': 'image/png' } });
  }) as typeof fetch);

  it('answers a tile of the configured server under our origin, cached, images only', async () => {
    const res = await app.request('/map-tiles/3/7/5');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    expect(asked).toEqual(['https://tiles.example.lg.jp/3/7/5.png']);
    expect((await app.request('/map-tiles/9/1/1')).status).toBe(404);
    expect((await app.request('/map-tiles/8/1/1')).status).toBe(502);
    // Not a tile of the pyramid: refused without asking upstream.
    expect((await app.request('/map-tiles/2/4/0')).status).toBe(404);
    expect((await app.request('/map-tiles/1/a/0')).status).toBe(404);
    expect(asked.length).toBe(3);
  });
});

describe('web helpers', () => {
  it('tells the public resources paths apart', () => {
    expect(isPublicResourcesPath('/public/resources')).toBe(true);
    expect(isPublicResourcesPath('/public/resources/')).toBe(true);
    expect(isPublicResourcesPath('/public/resources/confirm')).toBe(true);
    expect(isPublicResourcesPath('/public/resourcesx')).toBe(false);
    expect(isPublicResourcesPath('/public/register')).toBe(false);
    // The training page comes from the light entry; its certificate check is the app's page.
    expect(isPublicTrainingsPath('/public/trainings')).toBe(true);
    expect(isPublicTrainingsPath('/public/trainings/certificates')).toBe(false);
    // The centre's site: its home, pages and first windows; the forms under /public stay the app's pages.
    expect(isPublicSitePath('/public')).toBe(true);
    expect(isPublicSitePath('/public/pages/faq')).toBe(true);
    expect(isPublicSitePath('/public/pages/')).toBe(false);
    expect(isPublicSitePath('/public/first-window')).toBe(true);
    expect(isPublicSitePath('/public/register')).toBe(false);
    expect(isPublicSitePath('/public/library')).toBe(false);
    // A survey's answering page, by its link.
    expect(isPublicSurveysPath('/public/surveys/AbCdEfGhIjKlMnOpQr')).toBe(true);
    expect(isPublicSurveysPath('/public/surveys/')).toBe(false);
  });

  it('leaves the page as built without a tile server', () => {
    expect(withSettings('<head></head>', {})).toBe('<head></head>');
    expect(withSettings('<head></head>', { mapTiles: { ...TILES, attribution: '' } })).toBe(
      '<head><meta name="tsunagu-map-tiles" content="/map-tiles/{z}/{x}/{y}" /></head>',
    );
  });

  it('writes PUBLIC_URL for the links shown to staff, without a trailing slash', () => {
    expect(withSettings('<head></head>', { publicUrl: 'https://tsunagu.pref.example.lg.jp/' })).toBe(
      '<head><meta name="tsunagu-public-url" content="https://tsunagu.pref.example.lg.jp" /></head>',
    );
  });
});
