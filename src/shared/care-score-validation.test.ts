/** Validation of care-item lists, properties over random lists, and the structural check of the table. */
import { describe, expect, it } from 'vitest';
import {
  CARE_ITEMS,
  CARE_TABLE,
  type CareItemInput,
  CareItemsError,
  type CareTable,
  careTier,
  checkCareTable,
  computeCareScore,
  validateCareItems,
  WATCH_LEVELS,
  watchLevelsOf,
} from './care-score';

/** Every (item, level it does not define) pair, generated from the JSON. */
const UNDEFINED_CASES = CARE_ITEMS.flatMap((item) =>
  WATCH_LEVELS.filter((l) => item.watch[l] === undefined).map((level) => ({ code: item.code, level })),
);

describe('validateCareItems', () => {
  it('accepts an empty list and a valid list', () => {
    expect(validateCareItems([])).toEqual([]);
    expect(validateCareItems([{ code: 'ventilator', watch: 'mid' }, { code: 'nebulizer' }])).toEqual([]);
  });

  it('reports an unknown code, in Japanese and English, naming the code', () => {
    const problems = validateCareItems([{ code: 'oxygen' }, { code: 'jetpack', watch: 'high' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'unknown_code', index: 1, field: 'code', code: 'jetpack' });
    expect(problems[0]!.message.ja).toContain('jetpack');
    expect(problems[0]!.message.en).toContain('jetpack');
    expect(problems[0]!.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it.each(UNDEFINED_CASES)('reports $level for $code (not defined by the item)', ({ code, level }) => {
    const problems = validateCareItems([{ code, watch: level }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'undefined_watch', index: 0, field: 'watch', code });
    expect(problems[0]!.message.ja).toContain(code);
    expect(problems[0]!.message.en).toContain(`"${level}"`);
    expect(() => computeCareScore([{ code, watch: level }])).toThrow(CareItemsError);
  });

  it('names the allowed levels: mid for tracheostomy', () => {
    const [p] = validateCareItems([{ code: 'tracheostomy', watch: 'mid' }]);
    expect(p!.message.en).toBe('The care item "tracheostomy" has no watch level "mid" (allowed: high, low).');
    expect(p!.message.ja).toContain('high, low');
  });

  it('reports a watch value that is no level at all', () => {
    for (const watch of ['extreme', 'toString', '']) {
      expect(validateCareItems([{ code: 'oxygen', watch }])[0]).toMatchObject({ kind: 'undefined_watch' });
    }
  });

  it('reports a duplicate code at its second occurrence', () => {
    const problems = validateCareItems([
      { code: 'suction' },
      { code: 'oxygen' },
      { code: 'suction', watch: 'high' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'duplicate_code', index: 2, field: 'code', code: 'suction' }),
    ]);
    expect(problems[0]!.message.ja).toContain('suction');
    expect(problems[0]!.message.en).toContain('items.0');
  });

  it('reports every problem of a list, in order', () => {
    const problems = validateCareItems([
      { code: 'nope' },
      { code: 'nebulizer', watch: 'high' },
      { code: 'nope' },
    ]);
    expect(problems.map((p) => [p.kind, p.index, p.field])).toEqual([
      ['unknown_code', 0, 'code'],
      ['undefined_watch', 1, 'watch'],
      ['unknown_code', 2, 'code'],
      ['duplicate_code', 2, 'code'],
    ]);
  });

  it('computeCareScore throws for an unknown code, carrying the problems', () => {
    try {
      computeCareScore([{ code: 'nope' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CareItemsError);
      expect((e as CareItemsError).problems[0]!.kind).toBe('unknown_code');
    }
  });
});

describe('properties over random lists (deterministic)', () => {
  // A small linear congruential generator: the same lists on every run.
  let seed = 20260601;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const randomList = (): CareItemInput[] =>
    CARE_ITEMS.filter(() => next() < 0.35).map((item) => {
      const levels = watchLevelsOf(item);
      return { code: item.code, watch: levels[Math.floor(next() * levels.length)] };
    });

  it('the breakdown adds up, the tier follows the total, and adding an item never lowers the total', () => {
    for (let n = 0; n < 500; n++) {
      const list = randomList();
      const r = computeCareScore(list);
      expect(r.breakdown.reduce((s, l) => s + l.base + l.watch, 0)).toBe(r.total);
      expect(r.tier).toBe(careTier(r.total));
      expect(r.breakdown.map((l) => l.code)).toEqual(
        CARE_ITEMS.map((i) => i.code).filter((c) => list.some((x) => x.code === c)),
      );
      for (let i = 0; i < list.length; i++) {
        const without = list.filter((_, j) => j !== i);
        expect(computeCareScore(without).total).toBeLessThanOrEqual(r.total);
      }
      // The request order does not matter.
      expect(computeCareScore([...list].reverse())).toEqual(r);
    }
  });
});

describe('checkCareTable', () => {
  it('finds broken tables', () => {
    const broken: CareTable = {
      ...CARE_TABLE,
      items: [
        { ...CARE_TABLE.items[0]!, watch: { high: 2, low: 1 } },
        { ...CARE_TABLE.items[0]!, base: 0 },
      ],
      tiers: {
        note: '',
        thresholds: [
          { tier: 2, min: 3 },
          { tier: 1, min: 16 },
        ],
      },
    };
    expect(checkCareTable(broken)).toEqual([
      'ventilator: watch.low must be 0',
      'duplicate code ventilator',
      'ventilator: base must be a positive integer',
      'a higher tier must need more points',
    ]);
  });
});
