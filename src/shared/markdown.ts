import { micromark } from 'micromark';
import { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

/**
 * Markdown written by centre staff (a council's charter, the public site's pages, library descriptions) as HTML
 * that is safe to show. micromark (CommonMark, with GFM tables and bare links) is used with its defaults kept:
 * raw HTML in the source is escaped, not passed through, so `<script>` or an `onerror=` attribute arrives as
 * text; a link whose URL is not http(s), mailto, tel, a path of our site or an anchor (`javascript:`, `data:`)
 * loses its URL (micromark's own list leaves out tel:, which families on phones need).
 * Images are dropped to their alt text besides: a page must not load anything from another origin (closed
 * government networks), and files are served from our own store.
 */
const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

export function renderMarkdown(source: string): string {
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: true, // checked below, with tel: allowed
    extensions: [gfmTable(), gfmAutolinkLiteral()],
    htmlExtensions: [gfmTableHtml(), gfmAutolinkLiteralHtml()],
  });
  return html
    .replace(/ (href|src)="([^"]*)"/g, (_all, attribute: string, url: string) =>
      SAFE_URL.test(url) ? ` ${attribute}="${url}"` : ` ${attribute}=""`,
    )
    .replace(/<img [^>]*alt="([^"]*)"[^>]*>/g, '$1')
    .replace(/<a href="(https?:\/\/[^"]*)"/g, '<a href="$1" rel="noopener noreferrer"');
}

/** Plain text of Markdown, for a list's excerpt or a search index: the rendered HTML without its tags. */
export function markdownText(source: string): string {
  return renderMarkdown(source)
    .replace(/<\/(p|h[1-6]|li|td|th|tr|blockquote|pre)>|<br \/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
