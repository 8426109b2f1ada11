/**
 * A story's text as HTML from the shared Markdown renderer (src/shared/markdown.ts: raw HTML escaped, unsafe link
 * URLs dropped, no images); only that renderer's output may be passed here. Its headings move down under the
 * page's section heading (a story's `##` becomes an h4 under the section's h2), with the product's text styles.
 */
const PROSE = [
  'max-w-3xl break-words',
  '[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-std-20B-150 [&_h3:first-child]:mt-0',
  '[&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:text-std-18B-160 [&_h4:first-child]:mt-0 [&_h5]:mt-3 [&_h5]:text-std-17B-170',
  '[&_h6]:mt-3 [&_h6]:text-std-16B-170',
  '[&_p]:mb-3 [&_ul]:mb-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:mb-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:mb-1',
  '[&_a]:text-key-900 [&_a]:underline [&_a]:underline-offset-4',
  '[&_blockquote]:mb-3 [&_blockquote]:border-l-4 [&_blockquote]:border-solid-gray-300 [&_blockquote]:pl-4',
  '[&_table]:mb-3 [&_table]:border-collapse [&_th]:border [&_th]:border-solid-gray-300 [&_th]:p-2',
  '[&_td]:border [&_td]:border-solid-gray-300 [&_td]:p-2',
].join(' ');

/** Moves every heading down by two levels (at most h6); the HTML holds no raw tags of its own. */
export function demote(html: string): string {
  return html.replace(
    /<(\/?)h([1-6])>/g,
    (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + 2)}>`,
  );
}

export function StoryText({ html }: { html: string }) {
  return (
    <div
      className={PROSE}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by src/shared/markdown.ts (see above)
      dangerouslySetInnerHTML={{ __html: demote(html) }}
    />
  );
}
