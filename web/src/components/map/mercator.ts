/**
 * Web Mercator arithmetic for the small map (no map library: nothing is downloaded from elsewhere).
 *
 * "World" coordinates are the unit square of the Web Mercator plane (EPSG:3857): x from 0 (180°W) to 1
 * (180°E), y from 0 (85.0511°N) to 1 (85.0511°S). At zoom z the world is 256·2^z pixels wide and is cut
 * into 2^z × 2^z tiles of 256 px, numbered {z}/{x}/{y} from the north-west corner (the XYZ / "slippy map"
 * scheme used by OpenStreetMap and the GSI tiles of 国土地理院).
 */

export const TILE_SIZE = 256;
export const MAX_LATITUDE = 85.0511287798066;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 18;

export type LatLon = { lat: number; lon: number };
export type WorldPoint = { x: number; y: number };
/** What the map shows: the world point at the centre of the box, and the zoom level. */
export type MapView = { center: WorldPoint; zoom: number };
export type Size = { width: number; height: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Latitude/longitude (degrees, WGS 84) → the unit Web Mercator square. */
export function toWorld({ lat, lon }: LatLon): WorldPoint {
  const phi = (clamp(lat, -MAX_LATITUDE, MAX_LATITUDE) * Math.PI) / 180;
  const x = (lon + 180) / 360;
  const y = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
  return { x, y };
}

/** The inverse of toWorld. */
export function fromWorld({ x, y }: WorldPoint): LatLon {
  const lon = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { lat, lon };
}

/** Width of the whole world in pixels at a zoom level. */
export function worldPixels(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/** Where a world point falls in the box (pixels from its top-left corner). */
export function toScreen(p: WorldPoint, view: MapView, size: Size): { left: number; top: number } {
  const scale = worldPixels(view.zoom);
  return {
    left: (p.x - view.center.x) * scale + size.width / 2,
    top: (p.y - view.center.y) * scale + size.height / 2,
  };
}

/** Keeps the centre inside the world (y) and wraps it around the date line (x). */
export function normaliseView(view: MapView): MapView {
  const zoom = clamp(Math.round(view.zoom), MIN_ZOOM, MAX_ZOOM);
  const x = ((view.center.x % 1) + 1) % 1;
  const y = clamp(view.center.y, 0, 1);
  return { zoom, center: { x, y } };
}

/** Moves the view by a number of pixels (positive dx = east, positive dy = south). */
export function panBy(view: MapView, dx: number, dy: number): MapView {
  const scale = worldPixels(view.zoom);
  return normaliseView({
    zoom: view.zoom,
    center: { x: view.center.x + dx / scale, y: view.center.y + dy / scale },
  });
}

/** Changes the zoom level by a step, keeping the centre. */
export function zoomBy(view: MapView, step: number): MapView {
  return normaliseView({ zoom: view.zoom + step, center: view.center });
}

/**
 * The largest whole zoom level at which every point fits in the box with `padding` pixels to spare, centred
 * on their bounding box. One point (or none) gives `singleZoom`.
 */
export function fitView(
  points: readonly LatLon[],
  size: Size,
  opts: { padding?: number; singleZoom?: number; fallback?: LatLon; maxZoom?: number } = {},
): MapView {
  const padding = opts.padding ?? 32;
  const maxZoom = opts.maxZoom ?? 16;
  const fallback = opts.fallback ?? { lat: 35.45, lon: 139.35 };
  if (points.length === 0) return normaliseView({ center: toWorld(fallback), zoom: opts.singleZoom ?? 9 });
  const world = points.map(toWorld);
  const xs = world.map((p) => p.x);
  const ys = world.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const center = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  if (spanX === 0 && spanY === 0) return normaliseView({ center, zoom: opts.singleZoom ?? 14 });
  const availW = Math.max(1, size.width - 2 * padding);
  const availH = Math.max(1, size.height - 2 * padding);
  // spanX · 256 · 2^z ≤ availW  ⇔  z ≤ log2(availW / (spanX · 256))
  const zx = spanX > 0 ? Math.log2(availW / (spanX * TILE_SIZE)) : Number.POSITIVE_INFINITY;
  const zy = spanY > 0 ? Math.log2(availH / (spanY * TILE_SIZE)) : Number.POSITIVE_INFINITY;
  const zoom = clamp(Math.floor(Math.min(zx, zy, maxZoom)), MIN_ZOOM, MAX_ZOOM);
  return normaliseView({ center, zoom });
}

export type Tile = { z: number; x: number; y: number; left: number; top: number };

/**
 * The tiles covering the box at the view's zoom, with their pixel position in the box. Columns wrap around
 * the date line; rows outside the world (beyond ±85°) are left out.
 */
export function tilesFor(view: MapView, size: Size): Tile[] {
  const z = view.zoom;
  const n = 2 ** z;
  const scale = worldPixels(z);
  const originX = view.center.x * scale - size.width / 2;
  const originY = view.center.y * scale - size.height / 2;
  const firstCol = Math.floor(originX / TILE_SIZE);
  const lastCol = Math.floor((originX + size.width - 1) / TILE_SIZE);
  const firstRow = Math.max(0, Math.floor(originY / TILE_SIZE));
  const lastRow = Math.min(n - 1, Math.floor((originY + size.height - 1) / TILE_SIZE));
  const tiles: Tile[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    for (let col = firstCol; col <= lastCol; col++) {
      tiles.push({
        z,
        x: ((col % n) + n) % n,
        y: row,
        left: col * TILE_SIZE - originX,
        top: row * TILE_SIZE - originY,
      });
    }
  }
  return tiles;
}

/** Fills a tile URL template: 'https://tiles.example/{z}/{x}/{y}.png'. */
export function tileUrl(template: string, tile: Pick<Tile, 'z' | 'x' | 'y'>): string {
  return template
    .replaceAll('{z}', String(tile.z))
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{y}', String(tile.y));
}

export type Cluster<T> = { left: number; top: number; items: T[] };

/**
 * Groups markers that would overlap on screen. Greedy: a marker joins the first group whose anchor is within
 * `distance` pixels, otherwise it starts a group; so the anchors (where the markers are drawn) are always at
 * least `distance` apart and no two markers cover each other (WCAG 2.5.8 target size).
 */
export function clusterMarkers<T>(
  items: readonly T[],
  position: (item: T) => { left: number; top: number },
  distance: number,
): Cluster<T>[] {
  const clusters: Cluster<T>[] = [];
  for (const item of items) {
    const p = position(item);
    const near = clusters.find((c) => Math.hypot(c.left - p.left, c.top - p.top) < distance);
    if (near) near.items.push(item);
    else clusters.push({ left: p.left, top: p.top, items: [item] });
  }
  return clusters;
}
