import { describe, expect, it } from 'vitest';
import {
  clusterMarkers,
  fitView,
  fromWorld,
  MAX_LATITUDE,
  panBy,
  TILE_SIZE,
  tilesFor,
  tileUrl,
  toScreen,
  toWorld,
  worldPixels,
  zoomBy,
} from './mercator';

/** The tile holding a point, by the usual slippy-map formula written independently (asinh form). */
function tileOf(lat: number, lon: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n),
  };
}

describe('Web Mercator projection', () => {
  it.each([
    { name: 'null island', lat: 0, lon: 0, x: 0.5, y: 0.5 },
    { name: 'date line west', lat: 0, lon: -180, x: 0, y: 0.5 },
    { name: 'date line east', lat: 0, lon: 180, x: 1, y: 0.5 },
    { name: 'north edge', lat: MAX_LATITUDE, lon: 0, x: 0.5, y: 0 },
    { name: 'south edge', lat: -MAX_LATITUDE, lon: 0, x: 0.5, y: 1 },
  ])('maps $name to ($x, $y)', ({ lat, lon, x, y }) => {
    const p = toWorld({ lat, lon });
    expect(p.x).toBeCloseTo(x, 9);
    expect(p.y).toBeCloseTo(y, 9);
  });

  it('clamps latitudes beyond ±85.0511° to the edge of the square', () => {
    expect(toWorld({ lat: 89, lon: 0 }).y).toBeCloseTo(0, 9);
    expect(toWorld({ lat: -90, lon: 0 }).y).toBeCloseTo(1, 9);
  });

  it.each([
    { name: 'Tokyo station', lat: 35.681236, lon: 139.767125, z: 15, x: 29105, y: 12903 },
    { name: 'Yokohama', lat: 35.4437, lon: 139.638, z: 10, x: 909, y: 404 },
    { name: 'Sydney', lat: -33.86, lon: 151.21, z: 8, x: 235, y: 153 },
  ])('puts $name in tile $z/$x/$y', ({ lat, lon, z, x, y }) => {
    const p = toWorld({ lat, lon });
    const n = 2 ** z;
    expect({ x: Math.floor(p.x * n), y: Math.floor(p.y * n) }).toEqual({ x, y });
    expect(tileOf(lat, lon, z)).toEqual({ x, y });
  });

  it('round-trips latitude and longitude', () => {
    for (let lat = -85; lat <= 85; lat += 8.5) {
      for (let lon = -180; lon <= 180; lon += 22.5) {
        const back = fromWorld(toWorld({ lat, lon }));
        expect(back.lat).toBeCloseTo(lat, 9);
        expect(back.lon).toBeCloseTo(lon, 9);
      }
    }
  });

  it('agrees with the tile formula over a grid of points and zoom levels', () => {
    for (let z = 0; z <= 18; z += 3) {
      for (let lat = -80; lat <= 80; lat += 13.7) {
        for (let lon = -179; lon <= 179; lon += 31.3) {
          const p = toWorld({ lat, lon });
          const n = 2 ** z;
          expect({ x: Math.floor(p.x * n), y: Math.floor(p.y * n) }).toEqual(tileOf(lat, lon, z));
        }
      }
    }
  });
});

describe('view arithmetic', () => {
  const size = { width: 640, height: 400 };

  it('puts the centre of the view in the middle of the box', () => {
    const view = { center: toWorld({ lat: 35.4, lon: 139.4 }), zoom: 10 };
    expect(toScreen(view.center, view, size)).toEqual({ left: 320, top: 200 });
  });

  it('moves a point one tile right for 1/2^z of the world', () => {
    const view = { center: { x: 0.5, y: 0.5 }, zoom: 3 };
    const p = toScreen({ x: 0.5 + 1 / 8, y: 0.5 }, view, size);
    expect(p).toEqual({ left: 320 + TILE_SIZE, top: 200 });
  });

  it('pans by pixels and wraps around the date line', () => {
    const view = { center: { x: 0.5, y: 0.5 }, zoom: 0 };
    expect(panBy(view, 64, -64).center).toEqual({ x: 0.75, y: 0.25 });
    expect(panBy({ center: { x: 0.9, y: 0.5 }, zoom: 0 }, 64, 0).center.x).toBeCloseTo(0.15, 9);
    expect(panBy(view, 0, -10_000).center.y).toBe(0);
  });

  it('zooms by whole steps within 0–18', () => {
    const view = { center: { x: 0.5, y: 0.5 }, zoom: 17 };
    expect(zoomBy(view, 1).zoom).toBe(18);
    expect(zoomBy(zoomBy(view, 1), 1).zoom).toBe(18);
    expect(zoomBy({ ...view, zoom: 0 }, -1).zoom).toBe(0);
  });

  it('fits the points with padding at the largest whole zoom', () => {
    const pts = [
      { lat: 35.6, lon: 139.1 },
      { lat: 35.2, lon: 139.7 },
    ];
    const view = fitView(pts, size, { padding: 20 });
    for (const p of pts) {
      const s = toScreen(toWorld(p), view, size);
      expect(s.left).toBeGreaterThanOrEqual(20);
      expect(s.left).toBeLessThanOrEqual(620);
      expect(s.top).toBeGreaterThanOrEqual(20);
      expect(s.top).toBeLessThanOrEqual(380);
    }
    // One level closer would not fit.
    const closer = { ...view, zoom: view.zoom + 1 };
    const spread = pts.map((p) => toScreen(toWorld(p), closer, size));
    const fits = spread.every((s) => s.left >= 20 && s.left <= 620 && s.top >= 20 && s.top <= 380);
    expect(fits).toBe(false);
  });

  it('uses a fixed zoom for one point and the fallback for none', () => {
    expect(fitView([{ lat: 35, lon: 139 }], size, { singleZoom: 13 }).zoom).toBe(13);
    const none = fitView([], size, { fallback: { lat: 0, lon: 0 }, singleZoom: 5 });
    expect(none.zoom).toBe(5);
    expect(none.center.x).toBeCloseTo(0.5, 9);
  });
});

describe('tiles', () => {
  it('covers the box exactly with 256 px tiles', () => {
    const size = { width: 640, height: 400 };
    const view = { center: toWorld({ lat: 35.44, lon: 139.64 }), zoom: 12 };
    const tiles = tilesFor(view, size);
    const centreTile = tileOf(35.44, 139.64, 12);
    expect(tiles.some((t) => t.x === centreTile.x && t.y === centreTile.y)).toBe(true);
    // Every pixel of the box lies in exactly one tile.
    for (const [px, py] of [
      [0, 0],
      [639, 399],
      [320, 200],
      [100, 350],
    ] as [number, number][]) {
      const covering = tiles.filter(
        (t) => px >= t.left && px < t.left + TILE_SIZE && py >= t.top && py < t.top + TILE_SIZE,
      );
      expect(covering).toHaveLength(1);
    }
    expect(tiles.every((t) => t.z === 12)).toBe(true);
  });

  it('wraps columns across the date line and drops rows outside the world', () => {
    const tiles = tilesFor({ center: { x: 0, y: 0 }, zoom: 1 }, { width: 512, height: 512 });
    expect(tiles.every((t) => t.y >= 0 && t.y <= 1 && t.x >= 0 && t.x <= 1)).toBe(true);
    expect(new Set(tiles.map((t) => `${t.x}/${t.y}`)).size).toBe(tiles.length);
    expect(worldPixels(1)).toBe(512);
  });

  it('fills the URL template', () => {
    expect(tileUrl('/tiles/{z}/{x}/{y}.png', { z: 5, x: 28, y: 12 })).toBe('/tiles/5/28/12.png');
  });
});

describe('clusterMarkers', () => {
  it('keeps the drawn markers at least the given distance apart', () => {
    const pts = [
      { id: 'a', left: 10, top: 10 },
      { id: 'b', left: 20, top: 15 },
      { id: 'c', left: 60, top: 10 },
      { id: 'd', left: 85, top: 10 },
      { id: 'e', left: 200, top: 200 },
    ];
    const clusters = clusterMarkers(pts, (p) => p, 30);
    expect(clusters.map((c) => c.items.map((i) => i.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    for (const a of clusters) {
      for (const b of clusters) {
        if (a !== b) expect(Math.hypot(a.left - b.left, a.top - b.top)).toBeGreaterThanOrEqual(30);
      }
    }
  });
});
