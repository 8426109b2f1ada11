import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/shared/markdown';
import { demoteHeadings } from './MarkdownHtml';

describe('a charter placed in a page', () => {
  it('moves its headings under the section’s own, never past h6', () => {
    expect(demoteHeadings('<h1>設置要綱</h1>\n<h2>第1章</h2>\n<h5>注</h5>', 2)).toBe(
      '<h3>設置要綱</h3>\n<h4>第1章</h4>\n<h6>注</h6>',
    );
  });

  it('leaves HTML written in the Markdown as text, headings and all', () => {
    const html = demoteHeadings(renderMarkdown('# 要綱\n\n<h1 onclick="x()">偽の見出し</h1>'), 2);
    expect(html).toContain('<h3>要綱</h3>');
    expect(html).toContain('&lt;h1 onclick=&quot;x()&quot;&gt;偽の見出し&lt;/h1&gt;');
    expect(html).not.toMatch(/<h1|onclick="/);
  });
});
