import { describe, expect, it } from 'vitest';
import { PREFECTURES } from '../shared/municipalities';
import { buildChildren, demoCareScore, schoolEntry } from './children';
import { shareChildren } from './generate';
import { FAMILY_NAMES } from './names';
import { buildOrganisations } from './organisations';
import {
  chunkedPlan,
  demoMunicipalitiesOf,
  kanagawaPlan,
  planFor,
  UNVERIFIED_NOTE,
} from './prefecture-plans';
import { createRng } from './random';

describe('kanagawaPlan', () => {
  const plan = kanagawaPlan();

  it('has the 5 prefectural regions and the 3 designated cities, covering all 33 municipalities once', () => {
    expect(plan.regions.map((r) => r.name)).toEqual([
      '横浜市',
      '川崎市',
      '相模原市',
      '横須賀・三浦',
      '湘南東部',
      '湘南西部',
      '県央',
      '県西',
    ]);
    const codes = plan.regions.flatMap((r) => r.municipalityCodes);
    expect(codes).toHaveLength(33);
    expect(new Set(codes).size).toBe(33);
    expect(codes.every((c) => c.startsWith('14') && /^\d{6}$/.test(c))).toBe(true);
    expect(plan.regions.find((r) => r.name === '湘南東部')!.municipalityCodes).toContain('142051'); // 藤沢市
  });

  it('marks the unverified memberships and gives each prefectural region one branch', () => {
    for (const r of plan.regions.filter((x) => !x.designatedCity)) expect(r.note).toBe(UNVERIFIED_NOTE);
    expect(plan.branches.map((b) => b.regionNames)).toEqual([
      ['横須賀・三浦'],
      ['湘南東部'],
      ['湘南西部'],
      ['県央'],
      ['県西'],
    ]);
  });
});

describe('chunkedPlan', () => {
  it('partitions every prefecture into at most 8 regions (Northern Territories left out)', () => {
    for (const p of PREFECTURES) {
      const plan = chunkedPlan(p.code);
      const codes = plan.regions.flatMap((r) => r.municipalityCodes);
      expect(plan.regions.length).toBeLessThanOrEqual(8);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.sort()).toEqual(
        demoMunicipalitiesOf(p.code)
          .map((m) => m.code)
          .sort(),
      );
      expect(new Set(plan.regions.map((r) => r.name)).size).toBe(plan.regions.length);
    }
    expect(demoMunicipalitiesOf('01').some((m) => m.name === '色丹村')).toBe(false);
    expect(planFor('14').regions).toHaveLength(8);
  });

  it('shares children exactly, more to prefectures with more weight', () => {
    const plans = PREFECTURES.map((p) => chunkedPlan(p.code));
    const counts = shareChildren(plans, 21_000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(21_000);
    const tokyo = counts[PREFECTURES.findIndex((p) => p.code === '13')]!;
    const tottori = counts[PREFECTURES.findIndex((p) => p.code === '31')]!;
    expect(tokyo).toBeGreaterThan(tottori * 3);
  });
});

describe('builders', () => {
  it('computes the school-entry cohort (2 April – 1 April)', () => {
    expect(schoolEntry('2019-04-01')).toBe('2025-04-01');
    expect(schoolEntry('2019-04-02')).toBe('2026-04-01');
    expect(schoolEntry('2020-01-15')).toBe('2026-04-01');
  });

  it('gives care scores of at least 3 points', () => {
    const r = createRng(9);
    for (let i = 0; i < 500; i++) expect(demoCareScore(r)).toBeGreaterThanOrEqual(3);
  });

  it('has variant family names that point to a listed common spelling with the same reading', () => {
    const variants = FAMILY_NAMES.filter((f) => f.variantOf);
    expect(variants.map((v) => v.kanji)).toEqual(
      expect.arrayContaining(['髙橋', '渡邊', '齋藤', '𠮷田', '山﨑']),
    );
    for (const v of variants) {
      expect(FAMILY_NAMES.some((f) => f.kanji === v.variantOf && f.kana === v.kana)).toBe(true);
    }
  });

  it('builds children aged 0–19 at the reference date, with twins, deterministically', () => {
    const plan = kanagawaPlan();
    const build = () => {
      const network = buildOrganisations(createRng(1), plan);
      const residences = plan.regions.flatMap((r, regionIndex) =>
        r.municipalityCodes.map((code) => ({ code, weight: 1, regionIndex })),
      );
      return buildChildren(createRng(2), {
        prefectureCode: '14',
        count: 1_000,
        asOf: '2026-04-01',
        residences,
        services: network.services,
      });
    };
    const a = build();
    const strip = (rows: { id?: string; childId?: string }[]) => rows.map(({ id, childId, ...rest }) => rest);
    const b = build();
    expect(strip(a.children)).toEqual(strip(b.children));
    expect(a.children).toHaveLength(1_000);
    for (const c of a.children) {
      expect(c.birthDate > '2006-04-01').toBe(true);
      expect(c.birthDate <= '2026-04-01').toBe(true);
    }
    const key = (c: (typeof a.children)[number]) => `${c.familyName}|${c.birthDate}|${c.municipalityCode}`;
    const keys = a.children.map(key);
    expect(keys.length - new Set(keys).size).toBeGreaterThan(5); // twins share family, birth date and address
    for (const f of a.affiliations) {
      expect(f.startedOn <= '2026-04-01').toBe(true);
      if (f.endedOn) expect(f.endedOn >= f.startedOn).toBe(true);
    }
  });
});
