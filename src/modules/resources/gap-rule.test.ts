import { describe, expect, it } from 'vitest';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import { SERVICE_TYPES } from '../../shared/vocab/resources';
import {
  allocatePlaces,
  countsForStage,
  gapCell,
  gapLevel,
  lifeStageSupply,
  NEED_TYPES,
  needOf,
  placesOf,
  type RuleService,
  rankShortages,
  STAGE_SERVICE_TYPES,
} from './gap-rule';

let n = 0;
const svc = (type: string, o: Partial<RuleService> = {}): RuleService => ({
  id: `s${++n}`,
  type,
  minAge: null,
  maxAge: null,
  capacity: null,
  vacancy: null,
  ...o,
});

describe('which services count', () => {
  it('never counts hospitals, clinics, pharmacies, residential care or consultation offices', () => {
    for (const type of [
      'hospital',
      'clinic',
      'pharmacy',
      'medical_residential',
      'consultation_support',
      'other',
    ])
      for (const stage of LIFE_STAGES) expect(countsForStage(svc(type), stage)).toBe(false);
  });
  it('counts day services by age: 児童発達支援 before school, 放課後等デイ during it, neither for adults', () => {
    expect(countsForStage(svc('child_development_support'), 'infant')).toBe(true);
    expect(countsForStage(svc('child_development_support'), 'preschool')).toBe(true);
    expect(countsForStage(svc('child_development_support'), 'elementary')).toBe(false);
    expect(countsForStage(svc('after_school_day_service'), 'preschool')).toBe(false);
    for (const stage of ['elementary', 'junior_high', 'high_school'] as const)
      expect(countsForStage(svc('after_school_day_service'), stage)).toBe(true);
    expect(countsForStage(svc('after_school_day_service'), 'adult')).toBe(false);
    expect(countsForStage(svc('nursery'), 'infant')).toBe(true);
    expect(countsForStage(svc('kindergarten'), 'infant')).toBe(false);
  });
  it('counts home visits and short stays at every stage', () => {
    for (const type of ['home_visit_nursing', 'home_visit_care', 'medical_short_stay', 'welfare_short_stay'])
      for (const stage of LIFE_STAGES) expect(countsForStage(svc(type), stage)).toBe(true);
  });
  it('honours the service’s 対象年齢 where stated; an unstated bound does not exclude', () => {
    const from6 = svc('welfare_short_stay', { minAge: 6, maxAge: 64 });
    expect(countsForStage(from6, 'infant')).toBe(false);
    expect(countsForStage(from6, 'preschool')).toBe(true); // a 6-year-old before school entry
    expect(countsForStage(from6, 'adult')).toBe(true);
    const upTo12 = svc('home_visit_nursing', { maxAge: 12 });
    expect(countsForStage(upTo12, 'elementary')).toBe(true);
    expect(countsForStage(upTo12, 'junior_high')).toBe(true); // 12 is in both
    expect(countsForStage(upTo12, 'high_school')).toBe(false);
    expect(countsForStage(svc('after_school_day_service', { minAge: 13 }), 'elementary')).toBe(false);
  });
  it('uses only known service types', () => {
    for (const types of Object.values(STAGE_SERVICE_TYPES))
      for (const t of types) expect(SERVICE_TYPES).toContain(t);
  });
});

describe('places', () => {
  it('are each need’s 目安, using the 定員 where known', () => {
    expect(placesOf(svc('after_school_day_service'))).toBe(2);
    expect(placesOf(svc('after_school_day_service', { capacity: 30 }))).toBe(2);
    expect(placesOf(svc('child_development_support', { capacity: 1 }))).toBe(1);
    expect(placesOf(svc('home_visit_nursing', { capacity: 1 }))).toBe(3);
    expect(placesOf(svc('medical_short_stay', { capacity: 6 }))).toBe(6); // one child per bed
    expect(placesOf(svc('medical_short_stay'))).toBe(2);
    expect(placesOf(svc('hospital', { capacity: 300 }))).toBe(0);
  });
  it('each counted type meets exactly one need', () => {
    for (const type of SERVICE_TYPES) {
      const needs = new Set(
        LIFE_STAGES.flatMap((st) =>
          Object.entries(NEED_TYPES[st])
            .filter(([, types]) => (types as readonly string[]).includes(type))
            .map(([n]) => n),
        ),
      );
      expect(needs.size).toBeLessThanOrEqual(1);
      expect(needOf(type)).toBe(needs.size ? [...needs][0] : null);
    }
  });
  it('are given once: a station serving every age is kept for the ages nothing else serves', () => {
    const visit = svc('home_visit_nursing'); // 3 places, all ages
    const cds = svc('child_development_support'); // infant and preschool
    const given = allocatePlaces(
      new Map([
        ['infant', 2],
        ['elementary', 3],
      ] as const),
      new Map([
        ['infant', [visit, cds]],
        ['elementary', [visit]],
      ] as const),
    );
    // The infants take the development support first (it serves fewer stages), the station goes to school age.
    expect(Object.fromEntries(given)).toEqual({ elementary: 3, infant: 2 });
    const short = allocatePlaces(
      new Map([
        ['infant', 2],
        ['elementary', 3],
      ] as const),
      new Map([
        ['infant', [visit]],
        ['elementary', [visit]],
      ] as const),
    );
    expect((short.get('infant') ?? 0) + (short.get('elementary') ?? 0)).toBe(3);
  });
});

describe('a cell', () => {
  it('counts each need on its own, per life stage, with who counts', () => {
    const accepting = [
      svc('after_school_day_service', { capacity: 10, vacancy: 2 }),
      svc('home_visit_nursing'),
      svc('hospital', { capacity: 300, vacancy: 20 }),
      svc('pharmacy'),
    ];
    const c = gapCell('ventilator', { infant: 1, elementary: 4 }, accepting);
    expect(c.stages).toEqual([
      {
        stage: 'infant',
        demand: 1,
        services: 1,
        shortage: 1,
        needs: [
          { need: 'day', services: 0, places: 0, shortage: 1 },
          { need: 'visit', services: 1, places: 1, shortage: 0 },
          { need: 'short_stay', services: 0, places: 0, shortage: 1 },
        ],
        byType: [{ type: 'home_visit_nursing', services: 1 }],
      },
      {
        stage: 'elementary',
        demand: 4,
        services: 2,
        shortage: 4,
        needs: [
          { need: 'day', services: 1, places: 2, shortage: 2 },
          { need: 'visit', services: 1, places: 2, shortage: 2 },
          { need: 'short_stay', services: 0, places: 0, shortage: 4 },
        ],
        byType: [
          { type: 'after_school_day_service', services: 1 },
          { type: 'home_visit_nursing', services: 1 },
        ],
      },
    ]);
    expect(c).toMatchObject({
      demand: 5,
      demandByStage: { infant: 1, elementary: 4 },
      services: 2, // the hospital and the pharmacy do not count
      capacity: 10,
      vacancy: 2,
      capacityUnknown: 1,
      places: 5,
      shortage: 5,
      uncovered: 0,
      level: 'high',
    });
  });
  it('calls a stage with nowhere to go 供給なし even when other stages are covered', () => {
    const c = gapCell('suction', { infant: 1, adult: 1 }, [svc('child_development_support')]);
    expect(c).toMatchObject({ uncovered: 1, level: 'noSupply', services: 1 });
    expect(c.shortage).toBeGreaterThanOrEqual(c.uncovered);
  });
  it('is 充足 when every need of every child is within the 目安, and never has a negative shortage', () => {
    const many = [
      ...Array.from({ length: 5 }, () => svc('home_visit_nursing')),
      ...Array.from({ length: 5 }, () => svc('after_school_day_service')),
      svc('medical_short_stay', { capacity: 10 }),
    ];
    const c = gapCell('oxygen', { elementary: 1 }, many);
    expect(c).toMatchObject({ shortage: 0, level: 'low', services: 11 });
    expect(c.stages[0]!.needs.every((n) => n.shortage === 0)).toBe(true);
  });
  it('without children shows the services counted for any stage and no level', () => {
    const c = gapCell('oxygen', {}, [svc('nursery'), svc('pharmacy')]);
    expect(c).toMatchObject({ demand: 0, services: 1, shortage: 0, level: 'none', stages: [] });
  });
});

describe('levels', () => {
  it.each([
    [{ demand: 0, shortage: 0, uncovered: 0 }, 'none'],
    [{ demand: 4, shortage: 4, uncovered: 1 }, 'noSupply'],
    [{ demand: 4, shortage: 3, uncovered: 0 }, 'high'],
    [{ demand: 4, shortage: 2, uncovered: 0 }, 'mid'],
    [{ demand: 4, shortage: 0, uncovered: 0 }, 'low'],
  ] as const)('%j → %s', (c, level) => expect(gapLevel(c)).toBe(level));
  it('agree with the table: a cell is listed exactly when its level is not 充足 or 需要なし', () => {
    const services = [
      svc('home_visit_nursing'),
      svc('after_school_day_service', { minAge: 6, maxAge: 18 }),
      svc('child_development_support', { capacity: 1 }),
      svc('welfare_short_stay', { capacity: 4 }),
    ];
    for (let infant = 0; infant < 5; infant++)
      for (let elementary = 0; elementary < 8; elementary++) {
        const c = gapCell('x', { infant, elementary }, services);
        const listed = rankShortages([c]).length === 1;
        expect(listed).toBe(c.level !== 'low' && c.level !== 'none');
      }
  });
});

describe('the shortage table', () => {
  it('keeps rows with a shortage only, the largest first', () => {
    const rows = [
      { id: 'a', shortage: 0, uncovered: 0, demand: 9 },
      { id: 'b', shortage: 2, uncovered: 0, demand: 3 },
      { id: 'c', shortage: 5, uncovered: 0, demand: 8 },
      { id: 'd', shortage: 2, uncovered: 2, demand: 2 },
      { id: 'e', shortage: 2, uncovered: 0, demand: 4 },
    ];
    expect(rankShortages(rows).map((r) => [r.rank, r.id])).toEqual([
      [1, 'c'],
      [2, 'd'],
      [3, 'e'],
      [4, 'b'],
    ]);
  });
});

describe('the life-stage view (MI-4)', () => {
  it('sets services anyone can use against those accepting each care item', () => {
    const view = lifeStageSupply(
      [
        { ...svc('after_school_day_service', { minAge: 6, maxAge: 18 }), accepts: [] },
        { ...svc('after_school_day_service', { minAge: 6, maxAge: 18 }), accepts: ['suction', 'suction'] },
        { ...svc('home_visit_nursing'), accepts: ['ventilator', 'suction'] },
        { ...svc('hospital'), accepts: ['ventilator', 'suction'] },
      ],
      { elementary: 5 },
    );
    const elementary = view.find((v) => v.stage === 'elementary')!;
    expect(elementary).toMatchObject({
      children: 5,
      all: 3,
      anyCare: 2,
      accepting: { suction: 2, ventilator: 1 },
    });
    expect(elementary.types.find((t) => t.type === 'after_school_day_service')).toEqual({
      type: 'after_school_day_service',
      all: 2,
      anyCare: 1,
      accepting: { suction: 1 },
    });
    const infant = view.find((v) => v.stage === 'infant')!;
    expect(infant).toMatchObject({ children: 0, all: 1, anyCare: 1 });
    expect(view.map((v) => v.stage)).toEqual([...LIFE_STAGES]);
  });
});
