import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, lists, tables and links', () => {
    const html = renderMarkdown(
      '# 設置要綱\n\n- 第1条 目的\n- 第2条 構成\n\n| 区分 | 人数 |\n|---|---|\n| 医療 | 2 |\n\n[県のページ](https://www.pref.example.jp/)',
    );
    expect(html).toContain('<h1>設置要綱</h1>');
    expect(html).toContain('<li>第1条 目的</li>');
    expect(html).toContain('<td>医療</td>');
    expect(html).toContain('<a href="https://www.pref.example.jp/" rel="noopener noreferrer">県のページ</a>');
  });

  it('escapes raw HTML: no script, no event attributes', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<b onclick="x()">太字</b>',
    );
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript: and data: URLs, and turns images into their alt text', () => {
    const html = renderMarkdown(
      '[押す](javascript:alert(1)) [データ](data:text/html,x) ![地図](https://evil.example/a.png)',
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).not.toContain('<img');
    expect(html).toContain('地図');
  });

  it('keeps mailto and tel links', () => {
    const html = renderMarkdown('[電話](tel:0466-00-0000) [メール](mailto:info@example.jp)');
    expect(html).toContain('href="tel:0466-00-0000"');
    expect(html).toContain('href="mailto:info@example.jp"');
  });
});

describe('markdownText', () => {
  it('gives the text without markup', () => {
    expect(markdownText('## 就学\n\n**4月**までに <相談>')).toBe('就学 4月までに <相談>');
  });
});

describe('renderMarkdown and URLs', () => {
  it('keeps paths of our site and anchors, drops protocol-relative and vbscript URLs', () => {
    const html = renderMarkdown(
      '[相談](/public/consultations) [上へ](#top) [外](//evil.example) [v](VBScript:x)',
    );
    expect(html).toContain('href="/public/consultations"');
    expect(html).toContain('href="#top"');
    expect(html).not.toContain('evil.example"');
    expect(html.toLowerCase()).not.toContain('vbscript');
  });
});
