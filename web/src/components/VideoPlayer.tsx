import {
  LIBRARY_CAPTION_LANGUAGE_LABELS,
  LIBRARY_CAPTION_SRCLANG,
  type LibraryCaptionLanguage,
} from '../../../src/shared/vocab/library';
import { useLocale } from '../i18n';

/** A caption track of the video: WebVTT from our own origin. */
export type VideoTrack = { language: LibraryCaptionLanguage; path: string };

/**
 * A video of the one file store played in the page (HTML5 video from our own origin; the server answers Range
 * requests, so the player seeks without loading the whole file). The browser's own controls are reachable by
 * keyboard (Tab to the player, Space to play or pause, arrows to seek and change volume); the file stays
 * downloadable beside it for those who cannot play it here. No library: nothing loads from elsewhere.
 *
 * Its caption tracks (WCAG 2.2 1.2.2) are offered in the player's captions menu, each named in the reader's
 * language; the Japanese track is shown by default.
 */
export function VideoPlayer({
  src,
  title,
  fallback,
  tracks = [],
}: {
  src: string;
  title: string;
  /** What to say when the browser cannot play the file (with the download link beside the player). */
  fallback: string;
  tracks?: readonly VideoTrack[];
}) {
  const { locale } = useLocale();
  return (
    <figure className="mb-4 max-w-3xl">
      {/* biome-ignore lint/a11y/useMediaCaption: the item's caption tracks are rendered from its list below */}
      <video controls preload="metadata" src={src} aria-label={title} className="w-full rounded-8 bg-black">
        {tracks.map((t) => (
          <track
            key={t.language}
            kind="captions"
            src={t.path}
            srcLang={LIBRARY_CAPTION_SRCLANG[t.language]}
            label={LIBRARY_CAPTION_LANGUAGE_LABELS[t.language][locale]}
            default={t.language === 'ja'}
          />
        ))}
        {fallback}
      </video>
    </figure>
  );
}

/** Whether a stored file is a video that the player takes. */
export function isVideo(contentType: string | null | undefined): boolean {
  return !!contentType && contentType.startsWith('video/');
}
