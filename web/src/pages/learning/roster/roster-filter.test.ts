import { describe, expect, it } from 'vitest';
import { filterRoster, NOT_RECORDED, optionsOf } from './roster-filter';

const row = (over: Partial<Parameters<typeof filterRoster>[0][number]> & { name: string }) => ({
  workplace: null,
  regionId: 'r1',
  municipalityCode: '142051',
  activity: 'unconfirmed' as const,
  professionGroup: 'medical',
  nendo: 2026,
  ...over,
});

const rows = [
  row({ name: '湘南 花子', workplace: '湘南訪問看護ステーション', activity: 'active' }),
  row({
    name: '県央 太郎',
    regionId: 'r2',
    municipalityCode: '142123',
    professionGroup: 'welfare',
    nendo: 2025,
  }),
  row({ name: '未登録 三郎', regionId: null, municipalityCode: null, activity: 'inactive' }),
];

describe('roster filters', () => {
  it('keeps every row without a filter', () => {
    expect(filterRoster(rows, {})).toHaveLength(3);
  });

  it('finds by name or workplace, ignoring spaces and full-width letters', () => {
    expect(filterRoster(rows, { q: '湘南花子' }).map((r) => r.name)).toEqual(['湘南 花子']);
    expect(filterRoster(rows, { q: '訪問看護' }).map((r) => r.name)).toEqual(['湘南 花子']);
    expect(filterRoster(rows, { q: 'ｘｙｚ' })).toEqual([]);
  });

  it('filters by region, municipality (not recorded included), activity, group and 年度 together', () => {
    expect(filterRoster(rows, { regionId: 'r2' }).map((r) => r.name)).toEqual(['県央 太郎']);
    expect(filterRoster(rows, { municipalityCode: NOT_RECORDED }).map((r) => r.name)).toEqual([
      '未登録 三郎',
    ]);
    expect(filterRoster(rows, { activity: 'active' }).map((r) => r.name)).toEqual(['湘南 花子']);
    expect(filterRoster(rows, { group: 'welfare', nendo: 2025 }).map((r) => r.name)).toEqual(['県央 太郎']);
    expect(filterRoster(rows, { group: 'welfare', nendo: 2026 })).toEqual([]);
  });

  it('lists each region once, in the rows’ order, with not recorded as its own option', () => {
    expect(optionsOf(rows, (r) => [r.regionId, r.regionId === 'r1' ? '湘南東部' : null])).toEqual([
      { value: 'r1', name: '湘南東部' },
      { value: 'r2', name: null },
      { value: NOT_RECORDED, name: null },
    ]);
  });
});
