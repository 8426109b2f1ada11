import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../shared/markdown';
import { noticeOnShow, pickLang, titleIn, writtenLangs } from './content';
import { shownDivision } from './first-windows';

const page = {
  titleJa: 'センターについて',
  titleEn: 'About the centre',
  titleEasy: '',
  bodyJa: '# 役割\n\n相談できます。',
  bodyEn: 'We can help.',
  bodyEasy: 'そうだん できます。',
};

describe('a page in the language asked for', () => {
  it('counts a language as written only with both its title and its text', () => {
    expect(writtenLangs(page)).toEqual(['ja', 'en']);
    expect(writtenLangs({ ...page, bodyEn: '  ' })).toEqual(['ja']);
    expect(writtenLangs({ ...page, titleEasy: 'センターの こと' })).toEqual(['ja', 'en', 'easy']);
  });

  it.each([
    ['ja', 'ja', false, 'センターについて'],
    ['en', 'en', false, 'About the centre'],
    ['easy', 'ja', true, 'センターについて'],
  ] as const)('asked %s: shows %s (fell back: %s)', (asked, lang, fellBack, title) => {
    const c = pickLang(page, asked);
    expect(c).toMatchObject({ lang, fellBack, title });
    expect(c.body).toBe(lang === 'en' ? page.bodyEn : page.bodyJa);
  });

  it('names a page in Japanese where its title is not written in the language', () => {
    expect(titleIn(page, 'easy')).toBe('センターについて');
    expect(titleIn(page, 'en')).toBe('About the centre');
  });
});

describe('the emergency notice window', () => {
  const n = {
    status: 'published',
    startsAt: new Date('2026-12-06T00:00:00+09:00'),
    endsAt: new Date('2026-12-08T17:00:00+09:00'),
  };
  it.each([
    ['2026-12-05T23:59:59+09:00', false],
    ['2026-12-06T00:00:00+09:00', true],
    ['2026-12-08T16:59:59+09:00', true],
    ['2026-12-08T17:00:00+09:00', false],
  ])('at %s on show: %s', (at, onShow) => {
    expect(noticeOnShow(n, new Date(at))).toBe(onShow);
  });
  it('shows no draft, and an open-ended published notice from its start', () => {
    expect(noticeOnShow({ ...n, status: 'draft' }, new Date('2026-12-07T00:00:00Z'))).toBe(false);
    expect(noticeOnShow({ ...n, endsAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('the first window shown', () => {
  it('is the centre’s choice when that contact is recorded, else the first recorded by the default order', () => {
    expect(shownDivision('education', ['education', 'disability_welfare'])).toBe('education');
    expect(shownDivision('education', ['maternal_child_health', 'childcare'])).toBe('maternal_child_health');
    expect(shownDivision(null, ['childcare', 'disability_welfare'])).toBe('disability_welfare');
    expect(shownDivision(null, [])).toBeNull();
  });
});

describe('Markdown on a public page', () => {
  it('never passes script, event attributes or javascript: links through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[link](javascript:alert(3)) [tel](tel:0466-00-0000)',
    );
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="tel:0466-00-0000"');
  });
});
