/**
 * A public page's content: HTML the server rendered from the centre's Markdown with src/shared/markdown.ts
 * (raw HTML escaped, unsafe links dropped, no images) — only that renderer's output may be passed here. Its
 * headings move down one level under the page's own h1, and its elements get the product's text styles.
 */
const PROSE = [
  'break-words text-std-16N-170 text-solid-gray-900',
  '[&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:text-std-20B-150 [&_h2:first-child]:mt-0',
  '[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-std-18B-160 [&_h4]:mt-3 [&_h4]:text-std-17B-170',
  '[&_h5]:mt-3 [&_h5]:text-std-16B-170 [&_h6]:mt-3 [&_h6]:text-std-16B-170',
  '[&_p]:mb-3 [&_p:last-child]:mb-0 [&_ul]:mb-3 [&_ul]:list-disc [&_ul]:pl-6',
  '[&_ol]:mb-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mb-1',
  '[&_a]:text-key-900 [&_a]:underline [&_a]:underline-offset-4',
  '[&_blockquote]:mb-3 [&_blockquote]:border-l-4 [&_blockquote]:border-solid-gray-300 [&_blockquote]:pl-4',
  '[&_code]:font-mono [&_pre]:mb-3 [&_pre]:overflow-x-auto [&_pre]:bg-solid-gray-50 [&_pre]:p-3',
  '[&_table]:mb-3 [&_table]:block [&_table]:overflow-x-auto [&_table]:border-collapse',
  '[&_th]:border [&_th]:border-solid-gray-300 [&_th]:p-2 [&_th]:text-left [&_td]:border [&_td]:border-solid-gray-300 [&_td]:p-2',
].join(' ');

export function demoteHeadings(html: string, by: number): string {
  return html.replace(
    /<(\/?)h([1-6])>/g,
    (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + by)}>`,
  );
}

export function SiteHtml({ html, lang }: { html: string; lang: string }) {
  return (
    <div
      className={PROSE}
      lang={lang}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts on the server
      dangerouslySetInnerHTML={{ __html: demoteHeadings(html, 1) }}
    />
  );
}
