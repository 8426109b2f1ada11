import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { Button } from '../Button';
import {
  type Cluster,
  clusterMarkers,
  fitView,
  type LatLon,
  type MapView,
  panBy,
  TILE_SIZE,
  tilesFor,
  tileUrl,
  toScreen,
  toWorld,
  zoomBy,
} from './mercator';
import { tileSettings } from './tiles';

/**
 * A small map with no map library: markers placed by Web Mercator arithmetic in a box, and — only when a tile
 * server is configured (MAP_TILE_URL on the server, ./tiles.ts) — raster tiles drawn under them. Nothing is
 * fetched unless a tile URL is given (closed networks: the default is markers only), and a tile that fails to
 * load is hidden, so the map still works with markers alone. Every marker is a link named after its service; the page lists the same results as text.
 */

export type MapMarker = {
  id: string;
  lat: number;
  lon: number;
  /** The accessible name (and tooltip): the service's name. */
  label: string;
  href: string;
  /** Number shown on the marker (the result's position in the list). */
  number?: number;
};

/** The box is as wide as its column and 5:8 as tall (within limits); its size is measured in CSS pixels. */
const DEFAULT_WIDTH = 640;
const MARKER_PX = 32;
const PAN_STEP = 160;

function boxFor(width: number) {
  return { width, height: Math.round(Math.min(480, Math.max(240, width * 0.625))) };
}

/** The box's width in CSS pixels, following resizes (phone rotation, print). */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || DEFAULT_WIDTH);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || DEFAULT_WIDTH));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

function isPlainClick(e: MouseEvent) {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function MarkerMap({
  markers,
  label,
  tileUrlTemplate = tileSettings().url,
  attribution = tileSettings().attribution,
  fallback,
  onNavigate,
  here,
  base = [],
}: {
  markers: readonly MapMarker[];
  /** Names the map region, e.g. 検索結果の地図. */
  label: string;
  /** {z}/{x}/{y} template; by default the server's MAP_TILE_URL (see ./tiles.ts), empty = markers only. */
  tileUrlTemplate?: string;
  attribution?: string;
  /** Where to look when there is no marker. */
  fallback?: LatLon;
  /** Client-side navigation for a plain click on a marker (otherwise the link is followed). */
  onNavigate?: (href: string) => void;
  /**
   * A place to mark without a link (the searcher's approximate position), kept in view with the markers. Pass
   * a stable object (memoised): a new one fits the view again.
   */
  here?: LatLon & { label: string };
  /**
   * Named reference points drawn faintly under the markers (municipalities around the results): a base that
   * says where the map is without any tile server. Not fitted into view, not interactive.
   */
  base?: readonly (LatLon & { label: string })[];
}) {
  const t = useT();
  const { ref, width } = useWidth();
  const box = useMemo(() => boxFor(width), [width]);
  const fitted = useMemo(
    () => fitView(here ? [...markers, here] : markers, box, { padding: MARKER_PX, fallback, singleZoom: 14 }),
    [markers, here, fallback, box],
  );
  const [view, setView] = useState<MapView>(fitted);
  const herePoint = here ? toScreen(toWorld(here), view, box) : null;
  // New results (or a new width): show them all again.
  useEffect(() => setView(fitted), [fitted]);
  const [tilesBroken, setTilesBroken] = useState(false);
  const failures = useRef(0);

  const clusters = useMemo(() => {
    const half = MARKER_PX / 2;
    const inside = markers
      .map((m) => ({ m, p: toScreen(toWorld(m), view, box) }))
      .filter(({ p }) => p.left >= 0 && p.left <= box.width && p.top >= 0 && p.top <= box.height);
    // Markers are kept whole inside the box and at least their size apart (WCAG 2.5.8 target size).
    return clusterMarkers(
      inside,
      ({ p }) => ({
        left: Math.min(box.width - half, Math.max(half, p.left)),
        top: Math.min(box.height - half, Math.max(half, p.top)),
      }),
      MARKER_PX + 4,
    );
  }, [markers, view, box]);

  const tiles = tileUrlTemplate && !tilesBroken ? tilesFor(view, box) : [];

  const zoomInto = (c: Cluster<{ m: MapMarker }>) => {
    const pts = c.items.map((i) => i.m);
    const next = fitView(pts, box, { padding: MARKER_PX, singleZoom: view.zoom + 2 });
    setView(next.zoom > view.zoom ? next : zoomBy({ ...view, center: toWorld(pts[0] as MapMarker) }, 2));
  };

  return (
    <div className="mb-6">
      <fieldset className="mb-2 flex flex-wrap gap-2 print:hidden">
        <legend className="sr-only">{t('map.controls')}</legend>
        <Button variant="secondary" onClick={() => setView((v) => zoomBy(v, 1))} disabled={view.zoom >= 18}>
          <span aria-hidden="true">＋</span>
          {t('map.zoomIn')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => zoomBy(v, -1))} disabled={view.zoom <= 0}>
          <span aria-hidden="true">－</span>
          {t('map.zoomOut')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => panBy(v, 0, -PAN_STEP))}>
          <span aria-hidden="true">↑</span>
          {t('map.north')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => panBy(v, 0, PAN_STEP))}>
          <span aria-hidden="true">↓</span>
          {t('map.south')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => panBy(v, -PAN_STEP, 0))}>
          <span aria-hidden="true">←</span>
          {t('map.west')}
        </Button>
        <Button variant="secondary" onClick={() => setView((v) => panBy(v, PAN_STEP, 0))}>
          <span aria-hidden="true">→</span>
          {t('map.east')}
        </Button>
        <Button variant="text" onClick={() => setView(fitted)}>
          {t('map.showAll')}
        </Button>
      </fieldset>
      <section
        ref={ref}
        aria-label={label}
        className="relative w-full overflow-hidden rounded-8 border border-solid-gray-600 bg-solid-gray-50"
        style={{ height: box.height }}
      >
        {/* A faint grid keeps the box from looking empty without tiles. */}
        <div
          aria-hidden="true"
          className="absolute inset-0"
          style={{
            backgroundImage:
              'linear-gradient(to right, rgb(0 0 0 / 0.06) 1px, transparent 1px), linear-gradient(to bottom, rgb(0 0 0 / 0.06) 1px, transparent 1px)',
            backgroundSize: '64px 64px',
          }}
        />
        {tiles.map((tile) => (
          <img
            key={`${tile.z}/${tile.x}/${tile.y}/${tile.left}`}
            src={tileUrl(tileUrlTemplate, tile)}
            alt=""
            aria-hidden="true"
            draggable={false}
            loading="lazy"
            className="pointer-events-none absolute max-w-none select-none"
            style={{ left: tile.left, top: tile.top, width: TILE_SIZE, height: TILE_SIZE }}
            onError={(e) => {
              e.currentTarget.style.visibility = 'hidden';
              failures.current += 1;
              // Nothing loads (no server on this network): give up on tiles, keep the markers.
              if (failures.current >= Math.min(4, tiles.length)) setTilesBroken(true);
            }}
          />
        ))}
        {base.map((b) => {
          const p = toScreen(toWorld(b), view, box);
          if (p.left < 0 || p.left > box.width || p.top < 0 || p.top > box.height) return null;
          return (
            <span
              key={`base-${b.label}`}
              aria-hidden="true"
              data-testid="map-base-label"
              className="pointer-events-none absolute flex -translate-x-1 -translate-y-1/2 items-center gap-1 whitespace-nowrap text-dns-14N-130 text-solid-gray-800"
              style={{ left: p.left, top: p.top }}
            >
              <span className="inline-block size-2 rounded-full bg-solid-gray-600" />
              <span className="rounded-4 bg-white/80 px-1">{b.label}</span>
            </span>
          );
        })}
        {clusters.map((c) => {
          const style = { left: c.left, top: c.top, width: MARKER_PX, height: MARKER_PX };
          const cls =
            'absolute flex -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-key-900 text-dns-14B-120 text-white no-underline shadow-2 hover:bg-key-1000 hover:text-white';
          const first = c.items[0]?.m as MapMarker;
          if (c.items.length === 1) {
            return (
              <a
                key={first.id}
                href={first.href}
                title={first.label}
                aria-label={
                  first.number ? t('map.markerNumbered', { n: first.number, name: first.label }) : first.label
                }
                className={cls}
                style={style}
                onClick={(e) => {
                  if (onNavigate && isPlainClick(e)) {
                    e.preventDefault();
                    onNavigate(first.href);
                  }
                }}
              >
                {first.number ?? '•'}
              </a>
            );
          }
          const names = c.items.map((i) => i.m.label).join('、');
          return (
            <button
              key={`group-${first.id}`}
              type="button"
              title={names}
              aria-label={t('map.group', { n: c.items.length, names })}
              className={`${cls} bg-key-1100 ring-2 ring-key-900`}
              style={style}
              onClick={() => zoomInto(c)}
            >
              {c.items.length}
            </button>
          );
        })}
        {here &&
          herePoint &&
          herePoint.left >= 0 &&
          herePoint.left <= box.width &&
          herePoint.top >= 0 &&
          herePoint.top <= box.height && (
            <span
              role="img"
              aria-label={here.label}
              title={here.label}
              className="pointer-events-none absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-4 border-white bg-error-1 shadow-2 ring-2 ring-error-1"
              style={{ left: herePoint.left, top: herePoint.top }}
            />
          )}
        {attribution && tiles.length > 0 && (
          <p className="absolute right-0 bottom-0 bg-white/80 px-1 text-dns-14N-130 text-solid-gray-800">
            {attribution}
          </p>
        )}
      </section>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700 print:hidden" aria-live="polite">
        {t('map.status', { zoom: view.zoom, shown: clusters.reduce((n, c) => n + c.items.length, 0) })}
      </p>
    </div>
  );
}
