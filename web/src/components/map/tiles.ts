/**
 * The map's tile server, a run-time server setting (MAP_TILE_URL, docs/configuration.md): the server writes it
 * into the served page as <meta name="tsunagu-map-tiles">, so no extra request is needed. No meta (the
 * default) = markers only. The template is a path of our own origin (/map-tiles/…): the server proxies the
 * tile server, so the map never leaves the origin.
 */
export type TileSettings = { url: string; attribution: string };

function meta(name: string): string {
  if (typeof document === 'undefined') return '';
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
}

/** Read once per page load: the setting cannot change without the server restarting. */
let cached: TileSettings | null = null;

export function tileSettings(): TileSettings {
  cached ??= { url: meta('tsunagu-map-tiles'), attribution: meta('tsunagu-map-attribution') };
  return cached;
}
