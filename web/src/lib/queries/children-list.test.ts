import { describe, expect, it } from 'vitest';
import { apiParams, exportHref, filterOf, parseChildListSearch } from './children-list';

describe('registry list filters', () => {
  it('keeps known values from the URL and drops the rest', () => {
    expect(
      parseChildListSearch({
        q: ' たかはし ',
        status: 'at_home',
        lifeStage: 'martian',
        sort: 'birthDate',
        page: '3',
        careItem: '',
        other: 'x',
      }),
    ).toEqual({ q: 'たかはし', status: 'at_home', sort: 'birthDate', page: 3 });
    expect(parseChildListSearch({ page: '1' })).toEqual({});
  });

  it('sends 和暦 birth dates as ISO dates and leaves unreadable ones to the server', () => {
    expect(apiParams({ birthDate: 'H31.4.5' }).birthDate).toBe('2019-04-05');
    expect(apiParams({ birthFrom: '令和元年5月1日' }).birthFrom).toBe('2019-05-01');
    expect(apiParams({ birthDate: 'someday' }).birthDate).toBe('someday');
  });

  it('exports the same filter without the page', () => {
    const filter = filterOf({ q: 'たかはし', municipality: '142051', page: 2 });
    expect(filter).toEqual({ q: 'たかはし', municipality: '142051' });
    const url = new URL(exportHref(filter, 'en'), 'http://x');
    expect(url.pathname).toBe('/api/children/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'たかはし',
      municipality: '142051',
      format: 'xlsx',
      lang: 'en',
    });
  });
});
