/**
 * The one rule of the gaps (需要と供給の分析; NA-4, NA-5, MI-4), as data and pure functions: which services count
 * as supply for a child of each life stage, how many children one service is expected to carry, and from those the
 * shortage, the level of a heat-map cell and the order of the shortage table. The heat map, the table, the
 * workbook, a regional issue's evidence and the life-stage view all read these functions — nothing else counts.
 *
 * Supply is what meets the needs of daily life, each on its own: somewhere to spend the day for the child's age
 * (day services, nursery and school support), care at home (home visits) and short stays. Hospitals, clinics,
 * pharmacies, residential facilities and consultation offices accept care items too, but a family cannot spend
 * its days there, so they are not counted.
 */
import type { LifeStage } from '../../shared/vocab/registry';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import { GAP_NEEDS, type GapLevel, type GapNeed, type ServiceType } from '../../shared/vocab/resources';

/** Ages (whole years, inclusive) of each life stage, matched against a service's 対象年齢. */
export const STAGE_AGES: Record<LifeStage, { min: number; max: number | null }> = {
  infant: { min: 0, max: 2 },
  preschool: { min: 3, max: 6 },
  elementary: { min: 6, max: 12 },
  junior_high: { min: 12, max: 15 },
  high_school: { min: 15, max: 18 },
  adult: { min: 18, max: null },
};

/**
 * The needs of daily life, each met only by its own kinds of service: somewhere to spend the day (通い先), care
 * at home (訪問) and a short stay for the family's rest (短期入所). A region full of home-visit nursing still
 * lacks a day service for a ventilated child, so each need is counted on its own.
 */
export const NEEDS = GAP_NEEDS;
export type Need = GapNeed;

const VISITS: ServiceType[] = ['home_visit_nursing', 'home_visit_care', 'home_based_development_support'];
const SHORT_STAY: ServiceType[] = ['medical_short_stay', 'welfare_short_stay'];
const SCHOOL_DAY: ServiceType[] = [
  'after_school_day_service',
  'school',
  'special_needs_school',
  'nursery_visit_support',
];

/** The service types that meet each need at each life stage (a need absent for a stage is not counted there). */
export const NEED_TYPES: Record<LifeStage, Partial<Record<Need, readonly ServiceType[]>>> = {
  infant: {
    day: ['child_development_support', 'nursery', 'nursery_visit_support'],
    visit: VISITS,
    short_stay: SHORT_STAY,
  },
  preschool: {
    day: ['child_development_support', 'nursery', 'kindergarten', 'nursery_visit_support'],
    visit: VISITS,
    short_stay: SHORT_STAY,
  },
  elementary: { day: SCHOOL_DAY, visit: VISITS, short_stay: SHORT_STAY },
  junior_high: { day: SCHOOL_DAY, visit: VISITS, short_stay: SHORT_STAY },
  high_school: { day: SCHOOL_DAY, visit: VISITS, short_stay: SHORT_STAY },
  adult: { visit: ['home_visit_nursing', 'home_visit_care'], short_stay: SHORT_STAY },
};

/**
 * Children with one care item that one service of each need is expected to carry (the 目安, the 充足 bound),
 * and how its 定員 is used where known: a day service carries up to `perService`, fewer when its 定員 is
 * smaller; a home-visit station `perService` (no 定員); a short stay one child per bed of its 定員 (beds are
 * used in turn), `perService` when the beds are not stated.
 */
export const PLACES: Record<Need, { perService: number; capacity: 'atMost' | 'perBed' | 'ignored' }> = {
  day: { perService: 2, capacity: 'atMost' },
  visit: { perService: 3, capacity: 'ignored' },
  short_stay: { perService: 2, capacity: 'perBed' },
};

/** Every type counted for a stage, whatever the need (the rest — hospitals, pharmacies … — never count). */
export const STAGE_SERVICE_TYPES: Record<LifeStage, readonly ServiceType[]> = Object.fromEntries(
  LIFE_STAGES.map((st) => [st, [...new Set(NEEDS.flatMap((n) => NEED_TYPES[st][n] ?? []))]]),
) as unknown as Record<LifeStage, readonly ServiceType[]>;

/** What the rule needs of a service: its type, 対象年齢 (null: not stated) and 定員 / 空き when known. */
export type RuleService = {
  id: string;
  type: string;
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
  vacancy: number | null;
};

/**
 * Whether a service counts for a child of the stage (for one need, or any): its type meets that need at that
 * stage and its 対象年齢 overlaps the stage's ages (an unstated bound does not exclude).
 */
export function countsForStage(
  s: Pick<RuleService, 'type' | 'minAge' | 'maxAge'>,
  stage: LifeStage,
  need?: Need,
): boolean {
  const types: readonly string[] = need ? (NEED_TYPES[stage][need] ?? []) : STAGE_SERVICE_TYPES[stage];
  if (!types.includes(s.type)) return false;
  const ages = STAGE_AGES[stage];
  if (s.minAge !== null && ages.max !== null && s.minAge > ages.max) return false;
  if (s.maxAge !== null && s.maxAge < ages.min) return false;
  return true;
}

/** The need a service type meets (each counted type meets one); null for types never counted. */
export function needOf(type: string): Need | null {
  for (const need of NEEDS)
    if (LIFE_STAGES.some((st) => (NEED_TYPES[st][need] as readonly string[] | undefined)?.includes(type)))
      return need;
  return null;
}

/** Children one service can carry by {@link PLACES}: its need's 目安, using its 定員 where known. */
export function placesOf(s: Pick<RuleService, 'type' | 'capacity'>): number {
  const need = needOf(s.type);
  if (!need) return 0;
  const p = PLACES[need];
  if (s.capacity === null || p.capacity === 'ignored') return p.perService;
  const cap = Math.max(0, s.capacity);
  return p.capacity === 'atMost' ? Math.min(cap, p.perService) : cap;
}

export type { GapLevel };

/** One need of one life stage: the children against the places the need's services can give them. */
export type NeedGap = { need: Need; services: number; places: number; shortage: number };

/** One life stage of a cell: its children against the services counted for them. */
export type StageGap = {
  stage: LifeStage;
  demand: number;
  /** Distinct services counted for the stage, whatever the need. */
  services: number;
  /** The stage's shortage: the largest of its needs' (a child short of a day service is short, however visited). */
  shortage: number;
  needs: NeedGap[];
  /** Counted services by type, most first: who counts. */
  byType: { type: string; services: number }[];
};

export type GapCell = {
  careItem: string;
  demand: number;
  demandByStage: Record<string, number>;
  /** Distinct counted services: for the stages of the children counted (for every stage when there are none). */
  services: number;
  /** 定員 and 空き of those services where known; `capacityUnknown` of them do not state a 定員. */
  capacity: number;
  vacancy: number;
  capacityUnknown: number;
  /** Children the counted services can carry: each service's places given once, whichever stage uses them. */
  places: number;
  /** Children beyond what the counted services can carry, stage by stage (never negative). */
  shortage: number;
  /** Children of a stage with no counted service at all. */
  uncovered: number;
  level: GapLevel;
  stages: StageGap[];
};

/** The level of a cell, from its figures alone (the heat map's colour and word; the table lists all but 充足). */
export function gapLevel(c: Pick<GapCell, 'demand' | 'shortage' | 'uncovered'>): GapLevel {
  if (c.demand === 0) return 'none';
  if (c.uncovered > 0) return 'noSupply';
  if (c.shortage * 2 > c.demand) return 'high';
  if (c.shortage > 0) return 'mid';
  return 'low';
}

/**
 * Gives each stage's children of one need the places of that need's services, each service's places once:
 * the stages with the fewest services first, and within a stage the services open to the fewest stages first
 * (so a home-visit station serving every age is kept for the ages nothing else serves). Returns places given
 * per stage.
 */
export function allocatePlaces(
  demand: ReadonlyMap<LifeStage, number>,
  eligible: ReadonlyMap<LifeStage, readonly RuleService[]>,
): Map<LifeStage, number> {
  const left = new Map<string, number>();
  const reach = new Map<string, number>();
  for (const [stage, list] of eligible) {
    if (!demand.get(stage)) continue;
    for (const s of list) {
      left.set(s.id, placesOf(s));
      reach.set(s.id, (reach.get(s.id) ?? 0) + 1);
    }
  }
  const stages = [...demand.keys()]
    .filter((st) => (demand.get(st) ?? 0) > 0)
    .sort(
      (a, b) =>
        (eligible.get(a)?.length ?? 0) - (eligible.get(b)?.length ?? 0) ||
        LIFE_STAGES.indexOf(a) - LIFE_STAGES.indexOf(b),
    );
  const given = new Map<LifeStage, number>();
  for (const stage of stages) {
    let need = demand.get(stage) ?? 0;
    const list = [...(eligible.get(stage) ?? [])].sort(
      (a, b) => (reach.get(a.id) ?? 0) - (reach.get(b.id) ?? 0) || a.id.localeCompare(b.id),
    );
    let got = 0;
    for (const s of list) {
      if (need === 0) break;
      const take = Math.min(need, left.get(s.id) ?? 0);
      left.set(s.id, (left.get(s.id) ?? 0) - take);
      need -= take;
      got += take;
    }
    given.set(stage, got);
  }
  return given;
}

/**
 * One area × care item: `demandByStage` children needing the item, `accepting` the services in or serving the
 * area that accept it (active; any type — this function applies the rule). Each need (day, visit, short stay)
 * is counted on its own; a stage's shortage is the largest of its needs'.
 */
export function gapCell(
  careItem: string,
  demandByStage: Partial<Record<LifeStage, number>>,
  accepting: readonly RuleService[],
): GapCell {
  const demandMap = new Map<LifeStage, number>();
  for (const st of LIFE_STAGES) if (demandByStage[st]) demandMap.set(st, demandByStage[st]!);
  const byNeed = new Map<Need, { eligible: Map<LifeStage, RuleService[]>; given: Map<LifeStage, number> }>();
  for (const need of NEEDS) {
    const eligible = new Map<LifeStage, RuleService[]>();
    const needDemand = new Map<LifeStage, number>();
    for (const st of LIFE_STAGES) {
      if (!NEED_TYPES[st][need]) continue;
      eligible.set(
        st,
        accepting.filter((s) => countsForStage(s, st, need)),
      );
      if (demandMap.has(st)) needDemand.set(st, demandMap.get(st)!);
    }
    byNeed.set(need, { eligible, given: allocatePlaces(needDemand, eligible) });
  }
  const stages: StageGap[] = [];
  const counted = new Map<string, RuleService>();
  const anyStage = new Map<string, RuleService>();
  let uncovered = 0;
  for (const stage of LIFE_STAGES) {
    const forStage = accepting.filter((s) => countsForStage(s, stage));
    for (const s of forStage) anyStage.set(s.id, s);
    const d = demandMap.get(stage) ?? 0;
    if (d === 0) continue;
    for (const s of forStage) counted.set(s.id, s);
    const needs: NeedGap[] = NEEDS.filter((n) => NEED_TYPES[stage][n]).map((need) => {
      const v = byNeed.get(need)!;
      const given = v.given.get(stage) ?? 0;
      return { need, services: v.eligible.get(stage)?.length ?? 0, places: given, shortage: d - given };
    });
    const types = new Map<string, number>();
    for (const s of forStage) types.set(s.type, (types.get(s.type) ?? 0) + 1);
    stages.push({
      stage,
      demand: d,
      services: forStage.length,
      shortage: Math.max(0, ...needs.map((n) => n.shortage)),
      needs,
      byType: [...types]
        .map(([type, services]) => ({ type, services }))
        .sort((a, b) => b.services - a.services || a.type.localeCompare(b.type)),
    });
    if (forStage.length === 0) uncovered += d;
  }
  const demand = stages.reduce((a, s) => a + s.demand, 0);
  const shown = [...(demand ? counted : anyStage).values()];
  const cell = {
    careItem,
    demand,
    demandByStage: Object.fromEntries(stages.map((s) => [s.stage, s.demand])),
    services: shown.length,
    capacity: shown.reduce((a, s) => a + (s.capacity ?? 0), 0),
    vacancy: shown.reduce((a, s) => a + (s.vacancy ?? 0), 0),
    capacityUnknown: shown.filter((s) => s.capacity === null).length,
    places: shown.reduce((a, s) => a + placesOf(s), 0),
    shortage: stages.reduce((a, s) => a + s.shortage, 0),
    uncovered,
    stages,
  };
  return { ...cell, level: gapLevel(cell) };
}

/**
 * The shortage table: rows with a shortage only (a row that is 充足 is not a shortage), the largest shortage
 * first, then more children with no service at all, then more demand; ties by the given order.
 */
export function rankShortages<T extends Pick<GapCell, 'shortage' | 'uncovered' | 'demand'>>(
  rows: readonly T[],
): (T & { rank: number })[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.shortage > 0)
    .sort(
      (a, b) =>
        b.r.shortage - a.r.shortage || b.r.uncovered - a.r.uncovered || b.r.demand - a.r.demand || a.i - b.i,
    )
    .map(({ r }, i) => ({ ...r, rank: i + 1 }));
}

/** A service as the life-stage view needs it: the rule's fields and the care items it accepts. */
export type ViewService = RuleService & { accepts: readonly string[] };

/**
 * MI-4 — per life stage, "services anyone can use" (counted types open to the stage's ages, whatever they accept)
 * against "services that accept this care" (of those, the ones accepting each item; `anyCare`: at least one).
 */
export function lifeStageSupply(services: readonly ViewService[], childrenByStage: Record<string, number>) {
  return LIFE_STAGES.map((stage) => {
    const open = services.filter((s) => countsForStage(s, stage));
    const byType = new Map<string, { all: number; anyCare: number; accepting: Record<string, number> }>();
    const accepting: Record<string, number> = {};
    for (const s of open) {
      const t = byType.get(s.type) ?? { all: 0, anyCare: 0, accepting: {} };
      byType.set(s.type, t);
      t.all++;
      if (s.accepts.length) t.anyCare++;
      for (const item of new Set(s.accepts)) {
        t.accepting[item] = (t.accepting[item] ?? 0) + 1;
        accepting[item] = (accepting[item] ?? 0) + 1;
      }
    }
    return {
      stage,
      children: childrenByStage[stage] ?? 0,
      all: open.length,
      anyCare: open.filter((s) => s.accepts.length > 0).length,
      accepting,
      types: STAGE_SERVICE_TYPES[stage].map((type) => ({
        type,
        ...(byType.get(type) ?? { all: 0, anyCare: 0, accepting: {} }),
      })),
    };
  });
}

/** The rule as data for the screen and the workbook: the 目安 and, per stage, its ages and each need's types. */
export function ruleData() {
  return {
    places: NEEDS.map((need) => ({ need, ...PLACES[need] })),
    stages: LIFE_STAGES.map((stage) => ({
      stage,
      minAge: STAGE_AGES[stage].min,
      maxAge: STAGE_AGES[stage].max,
      types: [...STAGE_SERVICE_TYPES[stage]],
      needs: NEEDS.filter((n) => NEED_TYPES[stage][n]).map((need) => ({
        need,
        types: [...(NEED_TYPES[stage][need] ?? [])],
      })),
    })),
  };
}
