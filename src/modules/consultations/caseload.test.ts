import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCENTRATION_RULE, isValidRule, measureConcentration } from './caseload';

const loads = (...n: number[]) => n.map((openCases, i) => ({ personId: `p${i}`, openCases }));

describe('caseload concentration (MI-8)', () => {
  it('warns when the top 10 % hold over 40 % of open cases', () => {
    // 10 people: the top one holds 30 of 60 cases = 50 %.
    const c = measureConcentration(loads(30, 5, 5, 5, 5, 4, 3, 1, 1, 1));
    expect(c.topCount).toBe(1);
    expect(c.topPersonIds).toEqual(['p0']);
    expect(c.share).toBeCloseTo(0.5);
    expect(c.warn).toBe(true);
  });

  it('does not warn for an even spread', () => {
    const c = measureConcentration(loads(6, 6, 6, 6, 6, 6, 6, 6, 6, 6));
    expect(c.share).toBeCloseTo(0.1);
    expect(c.warn).toBe(false);
  });

  it('rounds the top up: 11 people make a top of 2', () => {
    const c = measureConcentration(loads(20, 10, 3, 3, 3, 3, 3, 3, 3, 3, 3));
    expect(c.topCount).toBe(2);
    expect(c.topCases).toBe(30);
    expect(c.share).toBeCloseTo(30 / 57);
    expect(c.warn).toBe(true);
  });

  it('makes no judgement on a handful of cases or people', () => {
    expect(measureConcentration(loads(5, 1, 1)).skipped).toBe('too_few_cases');
    expect(measureConcentration(loads(50, 1)).skipped).toBe('too_few_people');
    expect(measureConcentration(loads(50, 1)).warn).toBe(false);
    expect(measureConcentration([]).share).toBe(0);
  });

  it('follows a configured rule', () => {
    const l = loads(12, 8, 8, 8, 8, 8, 8, 8, 8, 8);
    expect(measureConcentration(l).warn).toBe(false);
    expect(measureConcentration(l, { topShare: 0.1, maxShare: 0.14, minCases: 10 }).warn).toBe(true);
  });

  it('validates rules', () => {
    expect(isValidRule(DEFAULT_CONCENTRATION_RULE)).toBe(true);
    expect(isValidRule({ topShare: 0, maxShare: 0.4, minCases: 10 })).toBe(false);
    expect(isValidRule({ topShare: 0.1, maxShare: 1, minCases: 10 })).toBe(false);
    expect(isValidRule({ topShare: 0.1, maxShare: 0.4, minCases: 1.5 })).toBe(false);
  });
});
