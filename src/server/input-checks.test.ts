import { describe, expect, it } from 'vitest';
import { jsonIssues, MAX_ISSUES, pathIssues, queryIssues } from './input-checks';
import { splitUrl } from './input-hygiene';

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('queryIssues', () => {
  it('passes ordinary and percent-encoded queries', () => {
    expect(queryIssues('')).toEqual([]);
    expect(queryIssues(`q=${encodeURIComponent('山田 𠮷')}&page=2&flag`)).toEqual([]);
    expect(queryIssues('q=a+b&&x=%25')).toEqual([]);
  });

  it('names the parameter holding a control character, bilingually, without echoing the value', () => {
    const [issue, ...rest] = queryIssues('page=1&q=%00');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'q', code: 'control_character' });
    expect(issue!.ja).toMatch(/NUL/);
    expect(issue!.en).toMatch(/NUL/);
    expect(issue!.message).toBe(`${issue!.ja} / ${issue!.en}`);
    expect(paths(queryIssues('q=a%0Ab'))).toEqual(['q']);
    expect(paths(queryIssues('q=%09'))).toEqual(['q']);
    expect(paths(queryIssues('q=%C2%85'))).toEqual(['q']);
    expect(paths(queryIssues('q=%ED%A0%80'))).toEqual(['q']); // a surrogate encoded as UTF-8 does not decode
  });

  it('refuses invalid percent-encoding', () => {
    for (const q of ['q=%', 'q=%zz', 'q=%E0%A4%A', 'q=%FF']) {
      expect(queryIssues(q), q).toMatchObject([{ path: 'q', code: 'invalid_encoding' }]);
    }
  });

  it('does not echo a parameter name that is itself unreadable', () => {
    expect(paths(queryIssues('%00=1'))).toEqual(['(query)']);
    expect(paths(queryIssues('%=1'))).toEqual(['(query)']);
    expect(paths(queryIssues(`${'n'.repeat(65)}=%00`))).toEqual(['(query)']);
  });
});

describe('pathIssues', () => {
  it('names the route parameter of a bad segment', () => {
    expect(pathIssues('/api/children/00000000-0000-4000-8000-000000000000', '/api/children/:id')).toEqual([]);
    expect(paths(pathIssues('/api/children/ab%00cd', '/api/children/:id'))).toEqual(['id']);
    expect(
      pathIssues('/api/public/resources/confirm/%E0%A4', '/api/public/resources/confirm/:token'),
    ).toMatchObject([{ path: 'token', code: 'invalid_encoding' }]);
    expect(paths(pathIssues('/api/x%0Ay', null))).toEqual(['(path)']);
  });
});

describe('jsonIssues', () => {
  it('checks every string, keys included, and names the field as the validation hook does', () => {
    const body = {
      name: '山田\u0000',
      guardians: [{ name: 'ok' }, { name: 'x\ud800' }],
      note: 'two\nlines',
      tags: ['a\u0085'],
      nested: { 'bad\u0001key': 'v' },
      n: 1,
      b: true,
      z: null,
    };
    const issues = jsonIssues(body, []);
    expect(paths(issues).sort()).toEqual(['guardians.1.name', 'name', 'nested', 'note', 'tags.0']);
    expect(issues.every((i) => i.code === 'control_character' && i.ja && i.en)).toBe(true);
    expect(JSON.stringify(issues)).not.toContain('山田');
  });

  it('lets tab and line breaks through in multi-line fields only', () => {
    const body = { note: 'a\r\n\tb', items: [{ memo: 'x\ny', code: 'c\td' }], title: 'a\nb' };
    const issues = jsonIssues(body, [['note'], ['items', '*', 'memo']]);
    expect(paths(issues).sort()).toEqual(['items.0.code', 'title']);
    expect(issues[0]!.en).toMatch(/multi-line/);
    // NUL is refused in a multi-line field too.
    expect(paths(jsonIssues({ note: 'a\n\u0000' }, [['note']]))).toEqual(['note']);
  });

  it('names the body itself when it is a bare string, and stops listing after MAX_ISSUES', () => {
    expect(paths(jsonIssues('\u0000', []))).toEqual(['(body)']);
    expect(
      jsonIssues(
        Array.from({ length: 100 }, () => '\u0000'),
        [],
      ),
    ).toHaveLength(MAX_ISSUES);
  });

  it('walks very deep nesting without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonIssues(deep, [])).toHaveLength(1);
  });
});

describe('splitUrl', () => {
  it('gives the raw path and query', () => {
    expect(splitUrl('http://localhost/api/children?q=%00&x=1')).toEqual({
      path: '/api/children',
      query: 'q=%00&x=1',
    });
    expect(splitUrl('http://h:8080/a/b')).toEqual({ path: '/a/b', query: '' });
    expect(splitUrl('http://h/a?b=1#frag')).toEqual({ path: '/a', query: 'b=1' });
  });
});
