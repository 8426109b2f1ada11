import { describe, expect, it } from 'vitest';
import {
  apportion,
  type ProfessionGroup,
  pickReplacement,
  type SeatHolder,
  type SelectionApplicant,
  SelectionInputError,
  seededOrder,
  selectApplicants,
} from './selection';

/** A small deterministic PRNG for generating cases (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: readonly T[], rnd: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A random applicant pool: 1–9 regions (sometimes a no-region group), 0–120 applicants. */
function randomCase(n: number) {
  const rnd = prng(n * 7919 + 1);
  const regionCount = 1 + Math.floor(rnd() * 9);
  const applicants: SelectionApplicant[] = [];
  const size = Math.floor(rnd() * 121);
  const medicalShare = rnd();
  for (let i = 0; i < size; i++) {
    const r = Math.floor(rnd() * rnd() * (regionCount + 1));
    applicants.push({
      id: `A${String(i).padStart(4, '0')}`,
      region: r === regionCount ? null : `R${r}`,
      professionGroup: rnd() < medicalShare ? 'medical' : 'welfare',
    });
  }
  const seats = Math.floor(rnd() * (size + 10));
  return { applicants, seats, seed: `seed-${n}`, rnd };
}

const app = (id: string, region: string | null, g: ProfessionGroup): SelectionApplicant => ({
  id,
  region,
  professionGroup: g,
});

/** The worked example of docs/learning.md: 20 applicants in four regions, 10 seats. */
function workedExample(): SelectionApplicant[] {
  const list: SelectionApplicant[] = [];
  const add = (region: string, medical: number, welfare: number) => {
    for (let i = 1; i <= medical; i++) list.push(app(`${region}-m${i}`, region, 'medical'));
    for (let i = 1; i <= welfare; i++) list.push(app(`${region}-w${i}`, region, 'welfare'));
  };
  add('hokushin', 5, 3);
  add('toshin', 2, 4);
  add('chushin', 4, 0);
  add('nanshin', 1, 1);
  return list;
}

describe('selectApplicants — the worked example', () => {
  const result = selectApplicants(workedExample(), 10, 'R8-coordinator');
  const region = (r: string) => result.regions.find((x) => x.region === r)!;

  it('guarantees one of each group to the three regions that have both, then shares the other four seats', () => {
    expect(result.guaranteeSeatsNeeded).toBe(6);
    expect(result.guaranteeSeatsGiven).toBe(6);
    expect(result.proportionalSeats).toBe(4);
    expect(region('chushin').guaranteeEligible).toBe(false);
    for (const r of ['hokushin', 'toshin', 'nanshin']) expect(region(r).guaranteed).toBe(2);
    // nanshin has nobody left, so the four seats are shared by 8 : 6 : 4 → 1.78, 1.33, 0.89 → 2, 1, 1.
    expect(region('nanshin').proportional).toBe(0);
    expect(region('hokushin').quota).toBeCloseTo(16 / 9, 10);
    expect(region('toshin').quota).toBeCloseTo(4 / 3, 10);
    expect(region('chushin').quota).toBeCloseTo(8 / 9, 10);
    expect(result.regions.map((r) => [r.region, r.proportional, r.selected])).toEqual([
      ['chushin', 1, 1],
      ['hokushin', 2, 4],
      ['nanshin', 0, 2],
      ['toshin', 1, 3],
    ]);
    expect(result.selected).toHaveLength(10);
    expect(result.waiting).toHaveLength(10);
    expect(result.emptySeats).toBe(0);
  });

  it('explains every decision and ranks the waiting list', () => {
    const reasons = result.decisions.map((d) => d.reason);
    expect(reasons.filter((r) => r === 'guaranteed_medical')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'guaranteed_welfare')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'proportional_share')).toHaveLength(4);
    expect(reasons.filter((r) => r === 'waiting')).toHaveLength(10);
    const waiting = result.decisions.filter((d) => d.outcome === 'waiting');
    expect(waiting.map((d) => d.waitRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Without unfilled guarantees the waiting list is the seeded order of those left.
    const lottery = waiting.map((d) => d.lotteryRank);
    expect(lottery).toEqual([...lottery].sort((a, b) => a - b));
    const seated = result.decisions.filter((d) => d.outcome === 'selected');
    expect(seated.map((d) => d.seatOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seated.every((d) => d.waitRank === null)).toBe(true);
  });

  it('gives each guaranteed seat to the first of that group in the region in the seeded order', () => {
    const order = seededOrder(
      'R8-coordinator',
      workedExample().map((a) => a.id),
    );
    for (const d of result.decisions.filter((x) => x.reason.startsWith('guaranteed_'))) {
      const group = d.reason === 'guaranteed_medical' ? 'medical' : 'welfare';
      const first = order.find((id) => id.startsWith(`${d.region}-${group[0]}`));
      expect(d.id).toBe(first);
      expect(d.professionGroup).toBe(group);
    }
  });
});

describe('selectApplicants — when seats are fewer than the guarantees', () => {
  // Five regions with both groups: ten guaranteed seats wanted.
  const pool = ['a', 'b', 'c', 'd', 'e'].flatMap((r) => [
    app(`${r}1`, r, 'medical'),
    app(`${r}2`, r, 'welfare'),
    app(`${r}3`, r, 'welfare'),
  ]);

  it('gives one seat to as many regions as possible, in the seeded order of regions', () => {
    const result = selectApplicants(pool, 3, 's');
    expect(result.guaranteeSeatsNeeded).toBe(10);
    expect(result.guaranteeSeatsGiven).toBe(3);
    expect(result.proportionalSeats).toBe(0);
    const seatedRegions = result.regions.filter((r) => r.selected > 0);
    expect(seatedRegions).toHaveLength(3);
    expect(seatedRegions.every((r) => r.selected === 1)).toBe(true);
    expect(seatedRegions.map((r) => r.regionRank).sort()).toEqual([1, 2, 3]);
  });

  it('then the second seat of each region in the same order; the unfilled guarantees head the waiting list', () => {
    const result = selectApplicants(pool, 7, 's');
    const byRank = [...result.regions].sort((a, b) => a.regionRank - b.regionRank);
    expect(byRank.map((r) => r.selected)).toEqual([2, 2, 1, 1, 1]);
    const head = result.decisions.filter((d) => d.reason === 'waiting_for_guarantee');
    expect(head.map((d) => d.waitRank)).toEqual([1, 2, 3]);
    expect(head.map((d) => byRank.find((r) => r.region === d.region)!.regionRank)).toEqual([3, 4, 5]);
    // Each waits for the group its region still lacks.
    for (const d of head) {
      const seated = result.decisions.find((x) => x.region === d.region && x.outcome === 'selected')!;
      expect(seated.professionGroup).not.toBe(d.professionGroup);
    }
  });

  it('gives nothing with no seats: everyone waits', () => {
    const result = selectApplicants(pool, 0, 's');
    expect(result.selected).toEqual([]);
    expect(result.waiting).toHaveLength(pool.length);
  });
});

describe('selectApplicants — properties over 400 random pools', () => {
  const cases = Array.from({ length: 400 }, (_, n) => randomCase(n));

  it('respects the seat count and lists every applicant exactly once', () => {
    for (const { applicants, seats, seed } of cases) {
      const r = selectApplicants(applicants, seats, seed);
      expect(r.selected.length).toBe(Math.min(seats, applicants.length));
      expect(r.emptySeats).toBe(seats - r.selected.length);
      expect([...r.selected, ...r.waiting].sort()).toEqual(applicants.map((a) => a.id).sort());
      expect(r.decisions.map((d) => d.id)).toEqual([...r.selected, ...r.waiting]);
    }
  });

  it('holds the guarantees when seats allow, and otherwise seats the regions in their seeded order', () => {
    for (const { applicants, seats, seed } of cases) {
      const r = selectApplicants(applicants, seats, seed);
      const eligible = r.regions.filter((x) => x.guaranteeEligible);
      expect(r.guaranteeSeatsNeeded).toBe(eligible.length * 2);
      const seated = (region: string | null, g: ProfessionGroup) =>
        r.decisions.some((d) => d.region === region && d.professionGroup === g && d.outcome === 'selected');
      if (seats >= eligible.length * 2) {
        for (const x of eligible) {
          expect(seated(x.region, 'medical') && seated(x.region, 'welfare')).toBe(true);
        }
      } else {
        const ranked = [...eligible].sort((a, b) => a.regionRank - b.regionRank);
        ranked.forEach((x, i) => {
          expect(x.guaranteed).toBe(i < seats - eligible.length ? 2 : i < seats ? 1 : 0);
        });
      }
      for (const x of r.regions.filter((y) => !y.guaranteeEligible)) expect(x.guaranteed).toBe(0);
    }
  });

  it('gives the same result for the same applicants in any order, and a different one for another seed', () => {
    let differs = 0;
    for (const { applicants, seats, seed, rnd } of cases) {
      const r = selectApplicants(applicants, seats, seed);
      expect(selectApplicants(shuffle(applicants, rnd), seats, seed)).toEqual(r);
      const other = selectApplicants(applicants, seats, `${seed}x`);
      if (other.selected.join() !== r.selected.join()) differs++;
    }
    expect(differs).toBeGreaterThan(300);
  });

  it('shares the remaining seats within one seat of each region’s quota, and within its applicants', () => {
    for (const { applicants, seats, seed } of cases) {
      const r = selectApplicants(applicants, seats, seed);
      expect(r.regions.reduce((s, x) => s + x.proportional, 0)).toBe(r.proportionalSeats - r.emptySeats);
      for (const x of r.regions) {
        expect(x.selected).toBeLessThanOrEqual(x.applicants);
        expect(x.selected).toBe(x.guaranteed + x.proportional);
        if (x.selected < x.applicants) {
          // Not capped: the whole part of its quota or one more.
          expect(x.proportional).toBeGreaterThanOrEqual(Math.floor(x.quota + 1e-9));
          expect(x.proportional).toBeLessThanOrEqual(Math.ceil(x.quota - 1e-9));
        }
      }
    }
  });

  it('follows the plain proportion of all applicants when no region runs out', () => {
    const rnd = prng(5);
    for (let n = 0; n < 100; n++) {
      // Eight regions of 20–59 applicants each and seats below a third of them: no region is ever capped.
      const applicants = Array.from({ length: 8 }, (_, r) =>
        Array.from({ length: 20 + Math.floor(rnd() * 40) }, (_, i) =>
          app(`r${r}-${i}`, `R${r}`, rnd() < 0.5 ? 'medical' : 'welfare'),
        ),
      ).flat();
      const seats = 16 + Math.floor(rnd() * (applicants.length / 3 - 16));
      const r = selectApplicants(applicants, seats, String(n));
      for (const x of r.regions) {
        const quota = (r.proportionalSeats * x.applicants) / applicants.length;
        expect(x.quota).toBeCloseTo(quota, 9);
        expect(Math.abs(x.proportional - quota)).toBeLessThan(1);
      }
    }
  });

  it('places the waiting list in the seeded order after any unfilled guarantees', () => {
    for (const { applicants, seats, seed } of cases) {
      const r = selectApplicants(applicants, seats, seed);
      const rest = r.decisions.filter((d) => d.reason === 'waiting').map((d) => d.lotteryRank);
      expect(rest).toEqual([...rest].sort((a, b) => a - b));
      const waitingForGuarantee = r.decisions.filter((d) => d.reason === 'waiting_for_guarantee');
      expect(waitingForGuarantee.length).toBe(r.guaranteeSeatsNeeded - r.guaranteeSeatsGiven);
      expect(waitingForGuarantee.every((d, i) => d.waitRank === i + 1)).toBe(true);
    }
  });
});

describe('selectApplicants — edges and bad input', () => {
  it('seats everyone when seats exceed applicants, and leaves the rest empty', () => {
    const r = selectApplicants([app('1', 'x', 'medical'), app('2', null, 'welfare')], 5, 's');
    expect(r.selected.sort()).toEqual(['1', '2']);
    expect(r.emptySeats).toBe(3);
    expect(r.regions.map((x) => x.region)).toEqual(['x', null]);
  });

  it('gives no guarantee to applicants without a region even with both groups', () => {
    const pool = [app('1', null, 'medical'), app('2', null, 'welfare'), app('3', 'x', 'welfare')];
    const r = selectApplicants(pool, 2, 's');
    expect(r.guaranteeSeatsNeeded).toBe(0);
    expect(r.decisions.every((d) => d.reason === 'proportional_share' || d.reason === 'waiting')).toBe(true);
  });

  it('handles an empty pool', () => {
    const r = selectApplicants([], 3, 's');
    expect(r).toMatchObject({ selected: [], waiting: [], emptySeats: 3, regions: [] });
  });

  it.each([
    [[app('1', 'x', 'medical'), app('1', 'y', 'welfare')], 2, 'duplicate_id'],
    [[app('', 'x', 'medical')], 2, 'empty_id'],
    [[{ id: '1', region: 'x', professionGroup: 'nurse' as ProfessionGroup }], 2, 'bad_group'],
    [[app('1', 'x', 'medical')], -1, 'bad_seats'],
    [[app('1', 'x', 'medical')], 1.5, 'bad_seats'],
  ])('refuses bad input (%#)', (pool, seats, code) => {
    expect(() => selectApplicants(pool, seats, 's')).toThrow(SelectionInputError);
    try {
      selectApplicants(pool, seats, 's');
    } catch (e) {
      expect((e as SelectionInputError).code).toBe(code);
    }
  });
});

describe('apportion', () => {
  it('is the largest-remainder method, ties to the lower rank', () => {
    const parts = [
      { key: 0, weight: 1, cap: 9, rank: 2 },
      { key: 1, weight: 1, cap: 9, rank: 1 },
      { key: 2, weight: 1, cap: 9, rank: 3 },
    ];
    const seats = (m: Map<number, { seats: number }>) => [0, 1, 2].map((k) => m.get(k)!.seats);
    expect(seats(apportion(4, parts))).toEqual([1, 2, 1]);
    expect(seats(apportion(5, parts))).toEqual([2, 2, 1]);
    // 7 seats by 5 : 3 : 2 → 3.5, 2.1, 1.4 → 3 + 1, 2, 1.
    const weighted = [
      { key: 0, weight: 5, cap: 9, rank: 3 },
      { key: 1, weight: 3, cap: 9, rank: 1 },
      { key: 2, weight: 2, cap: 9, rank: 2 },
    ];
    expect(seats(apportion(7, weighted))).toEqual([4, 2, 1]);
  });

  it('caps a part at its applicants and shares the rest again', () => {
    const parts = [
      { key: 0, weight: 10, cap: 1, rank: 1 },
      { key: 1, weight: 5, cap: 9, rank: 2 },
      { key: 2, weight: 5, cap: 9, rank: 3 },
    ];
    const m = apportion(6, parts);
    expect([0, 1, 2].map((k) => m.get(k)!.seats)).toEqual([1, 3, 2]);
    expect(m.get(1)!.quota).toBe(2.5);
    expect(m.get(0)!.quota).toBe(3);
  });
});

describe('pickReplacement', () => {
  const holder = (
    id: string,
    region: string,
    g: ProfessionGroup,
    status: 'selected' | 'waiting',
    waitRank: number | null = null,
  ): SeatHolder => ({ id, region, professionGroup: g, status, waitRank });

  it('moves up the region’s best-ranked waiting applicant of the group the freed seat leaves empty', () => {
    const holders = [
      holder('a-w', 'a', 'welfare', 'selected'),
      holder('b-m', 'b', 'medical', 'waiting', 1),
      holder('a-m2', 'a', 'medical', 'waiting', 3),
      holder('a-m3', 'a', 'medical', 'waiting', 2),
    ];
    expect(pickReplacement(holders, { region: 'a', professionGroup: 'medical' })).toBe('a-m3');
  });

  it('takes the head of the waiting list when the region still has someone of that group', () => {
    const holders = [
      holder('a-m1', 'a', 'medical', 'selected'),
      holder('a-w', 'a', 'welfare', 'selected'),
      holder('b-m', 'b', 'medical', 'waiting', 1),
      holder('a-m2', 'a', 'medical', 'waiting', 2),
    ];
    expect(pickReplacement(holders, { region: 'a', professionGroup: 'medical' })).toBe('b-m');
  });

  it('takes the head when the region has only one group, or nobody of the group waits, and null when none wait', () => {
    const onlyMedical = [
      holder('b-w', 'b', 'welfare', 'waiting', 1),
      holder('a-m2', 'a', 'medical', 'waiting', 2),
    ];
    expect(pickReplacement(onlyMedical, { region: 'a', professionGroup: 'medical' })).toBe('b-w');
    const noneOfGroup = [
      holder('a-w', 'a', 'welfare', 'selected'),
      holder('b-w', 'b', 'welfare', 'waiting', 1),
    ];
    expect(pickReplacement(noneOfGroup, { region: 'a', professionGroup: 'medical' })).toBe('b-w');
    expect(
      pickReplacement([holder('a-w', 'a', 'welfare', 'selected')], {
        region: 'a',
        professionGroup: 'medical',
      }),
    ).toBe(null);
  });
});
