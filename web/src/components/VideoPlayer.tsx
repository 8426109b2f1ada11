/**
 * A video of the one file store played in the page (HTML5 video from our own origin; the server answers Range
 * requests, so the player seeks without loading the whole file). The browser's own controls are reachable by
 * keyboard (Tab to the player, Space to play or pause, arrows to seek and change volume); the file stays
 * downloadable beside it for those who cannot play it here. No library: nothing loads from elsewhere.
 */
export function VideoPlayer({
  src,
  title,
  fallback,
}: {
  src: string;
  title: string;
  /** What to say when the browser cannot play the file (with the download link beside the player). */
  fallback: string;
}) {
  return (
    <figure className="mb-4 max-w-3xl">
      {/* biome-ignore lint/a11y/useMediaCaption: a library item carries no caption track yet (docs/knowledge.md §2) */}
      <video controls preload="metadata" src={src} aria-label={title} className="w-full rounded-8 bg-black">
        {fallback}
      </video>
    </figure>
  );
}

/** Whether a stored file is a video that the player takes. */
export function isVideo(contentType: string | null | undefined): boolean {
  return !!contentType && contentType.startsWith('video/');
}
