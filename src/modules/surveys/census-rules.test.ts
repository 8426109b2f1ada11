import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../shared/survey';
import { besideLinked, type ReportedRow } from '../census/reported';
import {
  applyDecision,
  censusMappingProblems,
  censusQuestion,
  reportedFigure,
  reportedGap,
  reportedState,
} from './census-rules';

const q: SurveyQuestion = {
  id: 'children',
  type: 'number',
  title: '把握している医療的ケア児の人数',
  required: true,
  min: 0,
  maps: 'census_children',
};

describe('the count-of-children question', () => {
  it('is found by its marker and checked: a number, once, not below zero', () => {
    expect(censusQuestion({ questions: [q] })).toBe(q);
    expect(censusQuestion({ questions: [{ ...q, maps: undefined }] })).toBeNull();
    expect(censusMappingProblems({ questions: [q] })).toEqual([]);
    expect(censusMappingProblems({ questions: [{ ...q, type: 'text' }] })).toEqual([
      { path: 'questions.0.maps', message: 'The children counted are asked as a number.' },
    ]);
    const twice = censusMappingProblems({ questions: [q, { ...q, id: 'again' }] });
    expect(twice.map((p) => p.path)).toEqual(['questions.1.maps']);
    expect(censusMappingProblems({ questions: [{ ...q, max: -1 }] })[0]!.path).toBe('questions.0.max');
    // The other marker is not this one's business.
    expect(censusMappingProblems({ questions: [{ ...q, maps: 'accepted_care' }] })).toEqual([]);
  });

  it('reads a whole number of zero or more as the figure, and says why not otherwise', () => {
    expect(reportedFigure(q, { children: 12 })).toEqual({ figure: 12, problem: null });
    expect(reportedFigure(q, { children: 0 })).toEqual({ figure: 0, problem: null });
    expect(reportedFigure(q, { children: '7' })).toEqual({ figure: 7, problem: null });
    expect(reportedFigure(q, {})).toEqual({ figure: null, problem: 'not_answered' });
    expect(reportedFigure(q, { children: '' })).toEqual({ figure: null, problem: 'not_answered' });
    for (const bad of [2.5, -1, 'twelve', ['3'], { a: '1' }]) {
      expect(reportedFigure(q, { children: bad as never }), String(bad)).toEqual({
        figure: null,
        problem: 'not_whole',
      });
    }
  });
});

describe('applying a figure to a source', () => {
  const mine = { count: 12, answerId: 'a1', version: 2 };

  it('says where an answer stands against the source’s figure', () => {
    expect(reportedState('a1', 12, null)).toBe('new');
    expect(reportedState('a1', 12, mine)).toBe('applied');
    expect(reportedState('a1', 13, mine)).toBe('differs');
    expect(reportedState('a2', 12, mine)).toBe('differs');
  });

  it('changes nothing the second time, refuses a moved figure, else writes the next version', () => {
    expect(applyDecision('a1', 12, mine, 1)).toEqual({ kind: 'unchanged' });
    expect(applyDecision('a1', 12, mine, null)).toEqual({ kind: 'unchanged' });
    expect(applyDecision('a1', 12, null, null)).toEqual({ kind: 'write', next: 1 });
    expect(applyDecision('a1', 12, null, 3)).toEqual({ kind: 'conflict', currentVersion: null });
    expect(applyDecision('a2', 9, mine, 2)).toEqual({ kind: 'write', next: 3 });
    expect(applyDecision('a2', 9, mine, 1)).toEqual({ kind: 'conflict', currentVersion: 2 });
    expect(applyDecision('a2', 9, mine, null)).toEqual({ kind: 'conflict', currentVersion: 2 });
  });

  it('measures the gap as the linked count less the figure', () => {
    expect(reportedGap(10, 12)).toBe(-2);
    expect(reportedGap(12, 10)).toBe(2);
    expect(reportedGap(null, 10)).toBeNull();
    expect(reportedGap(10, null)).toBeNull();
  });
});

describe('the reported figures beside the results by municipality', () => {
  const row = (over: Partial<ReportedRow>): ReportedRow => ({
    sourceId: 's1',
    sourceName: '藤沢市 母子保健',
    municipalityCode: '142051',
    count: 12,
    version: 1,
    surveyId: 'sv',
    answerId: 'a1',
    appliedAt: new Date('2026-06-01T00:00:00Z'),
    ...over,
  });

  it('sums a municipality’s sources, counts 0 linked where the run found none, and leaves out the others', () => {
    const out = besideLinked(
      [
        { key: '142051', count: 10 },
        { key: '142034', count: 4 },
      ],
      [
        row({}),
        row({ sourceId: 's2', sourceName: '藤沢市 障害福祉', count: 1 }),
        row({ sourceId: 's3', sourceName: '茅ヶ崎市 母子保健', municipalityCode: '142077', count: 3 }),
        row({ sourceId: 's4', sourceName: '県教育委員会', municipalityCode: null, count: 40 }),
      ],
    );
    expect(out.map((m) => [m.municipalityCode, m.label, m.linked, m.reported, m.gap])).toEqual([
      ['142051', '藤沢市', 10, 13, -3],
      ['142077', '茅ヶ崎市', 0, 3, -3],
    ]);
    expect(out[0]!.sources.map((s) => [s.name, s.count])).toEqual([
      ['藤沢市 母子保健', 12],
      ['藤沢市 障害福祉', 1],
    ]);
    expect(out[0]!.sources[0]!.appliedAt).toBe('2026-06-01T00:00:00.000Z');
  });
});
