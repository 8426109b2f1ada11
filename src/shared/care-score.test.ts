import { describe, expect, it } from 'vitest';
import {
  CARE_ITEMS,
  CARE_TABLE,
  type CareItemInput,
  type CareTable,
  careTier,
  checkCareTable,
  computeCareScore,
  findCareItem,
  IMPLEMENTED_RULES,
  validateCareItems,
  type WatchLevel,
  watchLevelsOf,
} from './care-score';

/**
 * The R3 table as the team read it, hard-coded so that any change to care-items.json shows up here and is
 * reviewed (rows marked false are not yet checked against the official table).
 */
const EXPECTED_R3: Record<
  string,
  { no: number; base: number; watch: Partial<Record<WatchLevel, number>>; verified: boolean }
> = {
  ventilator: { no: 1, base: 10, watch: { high: 2, mid: 1, low: 0 }, verified: true },
  tracheostomy: { no: 2, base: 8, watch: { high: 2, low: 0 }, verified: true },
  nasopharyngeal_airway: { no: 3, base: 5, watch: { high: 1, low: 0 }, verified: true },
  oxygen: { no: 4, base: 8, watch: { high: 1, low: 0 }, verified: true },
  suction: { no: 5, base: 8, watch: { high: 1, low: 0 }, verified: true },
  nebulizer: { no: 6, base: 3, watch: { low: 0 }, verified: true },
  tube_feeding_gastric: { no: 7, base: 8, watch: { high: 2, low: 0 }, verified: true },
  tube_feeding_intestinal: { no: 7, base: 8, watch: { high: 2, low: 0 }, verified: true },
  feeding_pump: { no: 7, base: 3, watch: { high: 1, low: 0 }, verified: true },
  central_venous_catheter: { no: 8, base: 8, watch: { high: 2, low: 0 }, verified: true },
  subcutaneous_injection: { no: 9, base: 5, watch: { high: 1, low: 0 }, verified: true },
  subcutaneous_pump: { no: 9, base: 3, watch: { high: 1, low: 0 }, verified: false },
  blood_glucose: { no: 10, base: 3, watch: { high: 1, low: 0 }, verified: false },
  dialysis: { no: 11, base: 8, watch: { high: 2, low: 0 }, verified: false },
  catheterization_intermittent: { no: 12, base: 5, watch: { low: 0 }, verified: false },
  catheterization_continuous: { no: 12, base: 3, watch: { high: 1, low: 0 }, verified: false },
  bowel_stoma: { no: 13, base: 5, watch: { high: 1, low: 0 }, verified: false },
  bowel_manual_or_irrigation: { no: 13, base: 5, watch: { low: 0 }, verified: false },
  bowel_enema: { no: 13, base: 3, watch: { low: 0 }, verified: false },
  seizure_management: { no: 14, base: 3, watch: { high: 2, low: 0 }, verified: false },
};

/** Every (item, level it defines) pair, generated from the JSON. */
const DEFINED_CASES = CARE_ITEMS.flatMap((item) =>
  watchLevelsOf(item).map((level) => ({ code: item.code, level, points: item.base + item.watch[level]! })),
);

const score = (...items: CareItemInput[]) => computeCareScore(items);

describe('the R3 table', () => {
  it('is version R3 with the 20 rows the team read, in order', () => {
    expect(CARE_TABLE.version).toBe('R3');
    expect(CARE_ITEMS.map((i) => i.code)).toEqual(Object.keys(EXPECTED_R3));
  });

  it.each(Object.entries(EXPECTED_R3))('%s has the expected points', (code, expected) => {
    const item = findCareItem(code)!;
    expect({ no: item.no, base: item.base, watch: item.watch, verified: item.verified }).toEqual(expected);
    expect(item.ja).not.toBe('');
    expect(item.en).not.toBe('');
  });

  it('passes the structural check, and every rule in it is implemented', () => {
    expect(checkCareTable(CARE_TABLE)).toEqual([]);
    expect(CARE_TABLE.rules.map((r) => r.id).sort()).toEqual([...IMPLEMENTED_RULES].sort());
  });

  it('has the R3 tier thresholds', () => {
    expect(CARE_TABLE.tiers.thresholds).toEqual([
      { tier: 3, min: 32 },
      { tier: 2, min: 16 },
      { tier: 1, min: 3 },
    ]);
  });

  it('finds nothing for an unknown code', () => {
    expect(findCareItem('teleportation')).toBeUndefined();
    expect(findCareItem('toString')).toBeUndefined();
  });
});

describe('one item at every watch level it defines (generated from the JSON)', () => {
  it('covers all 20 rows and 37 levels', () => {
    expect(new Set(DEFINED_CASES.map((c) => c.code)).size).toBe(20);
    expect(DEFINED_CASES).toHaveLength(37);
  });

  it.each(DEFINED_CASES)('$code at $level scores $points', ({ code, level, points }) => {
    const expected = EXPECTED_R3[code]!;
    expect(points).toBe(expected.base + expected.watch[level]!);
    const result = score({ code, watch: level });
    expect(result.total).toBe(points);
    expect(result.breakdown).toEqual([{ code, base: expected.base, watch: expected.watch[level] }]);
    expect(result.tier).toBe(careTier(points));
    expect(validateCareItems([{ code, watch: level }])).toEqual([]);
  });

  it.each(CARE_ITEMS.map((i) => i.code))('%s without a watch level counts as low', (code) => {
    expect(score({ code })).toEqual(score({ code, watch: 'low' }));
    expect(score({ code }).total).toBe(EXPECTED_R3[code]!.base);
  });
});

describe('special rules', () => {
  it('ventilator with tracheostomy: the tracheostomy watch score is not added', () => {
    const r = score({ code: 'ventilator', watch: 'high' }, { code: 'tracheostomy', watch: 'high' });
    expect(r.total).toBe(10 + 2 + 8);
    expect(r.breakdown).toEqual([
      { code: 'ventilator', base: 10, watch: 2 },
      { code: 'tracheostomy', base: 8, watch: 0, rule: 'ventilator_with_tracheostomy' },
    ]);
    // Order of the request does not matter; the ventilator's own watch level still counts.
    expect(score({ code: 'tracheostomy', watch: 'high' }, { code: 'ventilator', watch: 'mid' }).total).toBe(
      19,
    );
    expect(score({ code: 'tracheostomy', watch: 'low' }, { code: 'ventilator' }).total).toBe(18);
  });

  it('tracheostomy without a ventilator keeps its watch score', () => {
    expect(score({ code: 'tracheostomy', watch: 'high' }).total).toBe(10);
    expect(score({ code: 'tracheostomy', watch: 'high' }, { code: 'oxygen' }).total).toBe(18);
  });

  it('the ventilator family counts once, at the higher watch level', () => {
    const r = score(
      { code: 'ventilator', watch: 'low' },
      { code: 'ventilator', watch: 'high' },
      { code: 'ventilator', watch: 'mid' },
    );
    expect(r.total).toBe(12);
    expect(r.breakdown).toEqual([{ code: 'ventilator', base: 10, watch: 2 }]);
  });

  it('tube feeding: one route counts, the one with the higher total', () => {
    const r = score({ code: 'tube_feeding_gastric' }, { code: 'tube_feeding_intestinal', watch: 'high' });
    expect(r.total).toBe(10);
    expect(r.breakdown).toEqual([
      { code: 'tube_feeding_gastric', base: 0, watch: 0, rule: 'tube_feeding_route_once' },
      { code: 'tube_feeding_intestinal', base: 8, watch: 2 },
    ]);
    const g = score({ code: 'tube_feeding_gastric', watch: 'high' }, { code: 'tube_feeding_intestinal' });
    expect(g.total).toBe(10);
    expect(g.breakdown[0]).toEqual({ code: 'tube_feeding_gastric', base: 8, watch: 2 });
  });

  it('tube feeding: with equal routes the first in table order counts, once', () => {
    const r = score({ code: 'tube_feeding_intestinal' }, { code: 'tube_feeding_gastric' });
    expect(r.total).toBe(8);
    expect(r.breakdown.map((l) => [l.code, l.base])).toEqual([
      ['tube_feeding_gastric', 8],
      ['tube_feeding_intestinal', 0],
    ]);
  });

  it('tube feeding: the feeding pump adds to the route', () => {
    expect(score({ code: 'tube_feeding_gastric' }, { code: 'feeding_pump', watch: 'high' }).total).toBe(12);
    expect(
      score(
        { code: 'tube_feeding_gastric', watch: 'high' },
        { code: 'tube_feeding_intestinal', watch: 'high' },
        { code: 'feeding_pump' },
      ).total,
    ).toBe(8 + 2 + 3);
    expect(score({ code: 'feeding_pump' }).total).toBe(3);
  });

  it('the two injection sub-items both count (no rule joins them)', () => {
    expect(score({ code: 'subcutaneous_injection' }, { code: 'subcutaneous_pump' }).total).toBe(8);
  });

  it('applies only the rules the table lists (a rule is data too)', () => {
    const noRules: CareTable = { ...CARE_TABLE, rules: [] };
    const items: CareItemInput[] = [
      { code: 'ventilator', watch: 'high' },
      { code: 'tracheostomy', watch: 'high' },
      { code: 'tube_feeding_gastric' },
      { code: 'tube_feeding_intestinal' },
    ];
    expect(computeCareScore(items, noRules).total).toBe(12 + 10 + 8 + 8);
    expect(computeCareScore(items).total).toBe(12 + 8 + 8);
  });

  it('refuses a table with a rule the code does not know', () => {
    const table: CareTable = {
      ...CARE_TABLE,
      rules: [{ id: 'mystery', ja: '謎', en: '?', verified: false }],
    };
    expect(() => computeCareScore([{ code: 'oxygen' }], table)).toThrow(/mystery/);
    expect(checkCareTable(table)).toContain('rule mystery is not implemented');
  });
});

describe('worked examples of care-score.md', () => {
  it('ventilator (high) + tracheostomy (high) + suction (high) + gastrostomy (low) = 37 → tier 3', () => {
    const r = score(
      { code: 'ventilator', watch: 'high' },
      { code: 'tracheostomy', watch: 'high' },
      { code: 'suction', watch: 'high' },
      { code: 'tube_feeding_gastric', watch: 'low' },
    );
    expect(r).toEqual({
      total: 37,
      tier: 3,
      breakdown: [
        { code: 'ventilator', base: 10, watch: 2 },
        { code: 'tracheostomy', base: 8, watch: 0, rule: 'ventilator_with_tracheostomy' },
        { code: 'suction', base: 8, watch: 1 },
        { code: 'tube_feeding_gastric', base: 8, watch: 0 },
      ],
    });
  });

  it('oxygen (low) + suction (low) = 16 → tier 2', () => {
    expect(score({ code: 'oxygen', watch: 'low' }, { code: 'suction', watch: 'low' })).toMatchObject({
      total: 16,
      tier: 2,
    });
  });

  it('nebulizer only = 3 → tier 1', () => {
    expect(score({ code: 'nebulizer' })).toEqual({
      total: 3,
      tier: 1,
      breakdown: [{ code: 'nebulizer', base: 3, watch: 0 }],
    });
  });
});

describe('tiers', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [15, 1],
    [16, 2],
    [31, 2],
    [32, 3],
    [80, 3],
  ])('%i points → tier %i', (total, tier) => {
    expect(careTier(total)).toBe(tier);
  });

  it.each<[number, CareItemInput[]]>([
    [0, []],
    [3, [{ code: 'nebulizer' }]],
    [
      15,
      [
        { code: 'oxygen', watch: 'high' },
        { code: 'nasopharyngeal_airway', watch: 'high' },
      ],
    ],
    [16, [{ code: 'oxygen' }, { code: 'suction' }]],
    [
      31,
      [
        { code: 'ventilator', watch: 'high' },
        { code: 'tracheostomy', watch: 'high' },
        { code: 'suction' },
        { code: 'nebulizer' },
      ],
    ],
    [
      32,
      [
        { code: 'ventilator', watch: 'high' },
        { code: 'tracheostomy', watch: 'high' },
        { code: 'suction', watch: 'high' },
        { code: 'nebulizer' },
      ],
    ],
  ])('a list worth %i points gets the tier of that total', (total, items) => {
    const r = computeCareScore(items);
    expect(r.total).toBe(total);
    expect(r.tier).toBe(careTier(total));
  });

  it('follows the thresholds of the table (no code change for a new revision)', () => {
    const table: CareTable = {
      ...CARE_TABLE,
      tiers: { note: '', thresholds: [{ tier: 1, min: 5 }] },
      items: CARE_TABLE.items.map((i) => (i.code === 'nebulizer' ? { ...i, base: 5 } : i)),
    };
    expect(computeCareScore([{ code: 'nebulizer' }], table)).toMatchObject({ total: 5, tier: 1 });
    expect(careTier(40, table)).toBe(1);
    expect(careTier(4, table)).toBe(0);
  });
});
