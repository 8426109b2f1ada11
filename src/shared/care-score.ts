/**
 * 医療的ケア判定スコア: the score that sets a child's 医療的ケア区分 (and so the fee a day service receives).
 *
 * The table is data (`reference/care-items.json`, version R3): points, watch levels, tiers and the list of special
 * rules in force are read from it, so a correction or a new revision needs no code change. Only the meaning of
 * each special rule lives here, keyed by the rule's id (a rule id the code does not know fails the table check
 * in care-score.test.ts). Pure: no Node imports, the web calculator runs the same function.
 */
import data from './reference/care-items.json';

/** 見守りスコア level judged by the doctor; 'low' (or none) is always 0 points. */
export type WatchLevel = 'high' | 'mid' | 'low';
export const WATCH_LEVELS: readonly WatchLevel[] = ['high', 'mid', 'low'];

/** 0 = below the lowest threshold (general rate), 1–3 = 医療的ケア区分. */
export type CareTier = 0 | 1 | 2 | 3;

/** One row of the table. Rows sharing `no` are sub-items of one line of the official table. */
export type CareItem = {
  no: number;
  code: string;
  /** Sub-items of one kind (e.g. the tube-feeding routes), used by the special rules. */
  group?: string;
  ja: string;
  en: string;
  base: number;
  /** Points per watch level the item defines; 'low' is always present and 0. */
  watch: Partial<Record<WatchLevel, number>>;
  /** False: the team's best reading, not yet checked against the official table. */
  verified: boolean;
};

export type CareRule = { id: string; ja: string; en: string; verified: boolean };

export type CareTable = {
  name: string;
  version: string;
  source: string;
  watchLevels: Record<WatchLevel, string>;
  items: CareItem[];
  rules: CareRule[];
  tiers: { note: string; thresholds: { tier: Exclude<CareTier, 0>; min: number }[] };
};

/** The table in force (R3). */
export const CARE_TABLE: CareTable = data as CareTable;
export const CARE_ITEMS: readonly CareItem[] = CARE_TABLE.items;

/** An item the child has, with the watch level judged (absent = low, 0 points). */
export type CareItemInput = { code: string; watch?: WatchLevel };

/** One counted item: its base and watch points after the special rules; `rule` names the rule that changed it. */
export type CareScoreLine = { code: string; base: number; watch: number; rule?: string };

export type CareScore = { total: number; tier: CareTier; breakdown: CareScoreLine[] };

/** The group of the tube-feeding routes in the table (rule tube_feeding_route_once). */
const TUBE_FEEDING_ROUTE = 'tube_feeding_route';

/**
 * What each special rule of the table does to the counted lines (in table order, one per code).
 * `ventilator_family_once` needs no step: the family is one code, and every code counts once.
 */
const RULE_STEPS: Record<string, (lines: CareScoreLine[], table: CareTable) => void> = {
  ventilator_with_tracheostomy(lines) {
    const trach = lines.find((l) => l.code === 'tracheostomy');
    if (trach && lines.some((l) => l.code === 'ventilator') && trach.watch !== 0) {
      trach.watch = 0;
      trach.rule = 'ventilator_with_tracheostomy';
    }
  },
  ventilator_family_once() {},
  tube_feeding_route_once(lines, table) {
    const routes = lines.filter((l) => itemIn(table, l.code)?.group === TUBE_FEEDING_ROUTE);
    // The route with the higher total counts; on a tie the first in table order.
    const kept = routes.reduce<CareScoreLine | undefined>(
      (best, l) => (!best || l.base + l.watch > best.base + best.watch ? l : best),
      undefined,
    );
    for (const l of routes) {
      if (l === kept) continue;
      l.base = 0;
      l.watch = 0;
      l.rule = 'tube_feeding_route_once';
    }
  },
};

/** Ids of the special rules this code implements. */
export const IMPLEMENTED_RULES: readonly string[] = Object.keys(RULE_STEPS);

const indexCache = new WeakMap<CareTable, Map<string, CareItem>>();

function itemIn(table: CareTable, code: string): CareItem | undefined {
  let index = indexCache.get(table);
  if (!index) {
    index = new Map(table.items.map((i) => [i.code, i]));
    indexCache.set(table, index);
  }
  return index.get(code);
}

/** The table row of a code, or undefined. */
export function findCareItem(code: string, table: CareTable = CARE_TABLE): CareItem | undefined {
  return itemIn(table, code);
}

/** The levels an item defines, highest first (e.g. tracheostomy → ['high', 'low']). */
export function watchLevelsOf(item: CareItem): WatchLevel[] {
  return WATCH_LEVELS.filter((l) => item.watch[l] !== undefined);
}

function isDefinedLevel(item: CareItem, watch: string): watch is WatchLevel {
  return (WATCH_LEVELS as readonly string[]).includes(watch) && item.watch[watch as WatchLevel] !== undefined;
}

/** The tier of a total under the table's thresholds (R3: 32 → 3, 16 → 2, 3 → 1, below 3 → 0). */
export function careTier(total: number, table: CareTable = CARE_TABLE): CareTier {
  const sorted = [...table.tiers.thresholds].sort((a, b) => b.min - a.min);
  return sorted.find((t) => total >= t.min)?.tier ?? 0;
}

export type CareItemProblemKind = 'unknown_code' | 'undefined_watch' | 'duplicate_code';

/** A problem with one entry of a list of care items; `index` and `field` locate it (path items.<index>.<field>). */
export type CareItemProblem = {
  kind: CareItemProblemKind;
  index: number;
  field: 'code' | 'watch';
  code: string;
  message: { ja: string; en: string };
};

/**
 * Checks a list of care items against the table: unknown codes, watch levels the item does not define
 * (e.g. 'mid' for tracheostomy) and codes given more than once. An empty list means the list can be scored.
 */
export function validateCareItems(
  items: readonly { code: string; watch?: string }[],
  table: CareTable = CARE_TABLE,
): CareItemProblem[] {
  const problems: CareItemProblem[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach(({ code, watch }, index) => {
    const item = itemIn(table, code);
    if (!item) {
      problems.push({
        kind: 'unknown_code',
        index,
        field: 'code',
        code,
        message: {
          ja: `ケア項目コード「${code}」は判定スコアの表（${table.version}）にありません。`,
          en: `The care item code "${code}" is not in the care score table (${table.version}).`,
        },
      });
    } else if (watch !== undefined && !isDefinedLevel(item, watch)) {
      const allowed = watchLevelsOf(item).join(', ');
      problems.push({
        kind: 'undefined_watch',
        index,
        field: 'watch',
        code,
        message: {
          ja: `ケア項目「${code}」に見守りスコア「${watch}」はありません（指定できる値：${allowed}）。`,
          en: `The care item "${code}" has no watch level "${watch}" (allowed: ${allowed}).`,
        },
      });
    }
    const first = firstIndex.get(code);
    if (first === undefined) {
      firstIndex.set(code, index);
    } else {
      problems.push({
        kind: 'duplicate_code',
        index,
        field: 'code',
        code,
        message: {
          ja: `ケア項目「${code}」が重複しています（items.${first} と同じ）。各項目は一度だけ指定してください。`,
          en: `The care item "${code}" is given more than once (also items.${first}). Give each item once.`,
        },
      });
    }
  });
  return problems;
}

/** Thrown by computeCareScore for a list that cannot be scored; carries the problems. */
export class CareItemsError extends RangeError {
  readonly problems: CareItemProblem[];
  constructor(problems: CareItemProblem[]) {
    super(`care items not valid: ${problems.map((p) => p.message.en).join(' ')}`);
    this.name = 'CareItemsError';
    this.problems = problems;
  }
}

/**
 * Computes the score: per item base + watch points, summed, with the table's special rules; the tier from
 * the table's thresholds. The breakdown has one line per code in table order and adds up to the total.
 * A code given twice counts once, at its higher watch level. Throws CareItemsError for unknown codes or
 * watch levels the item does not define (check with validateCareItems first to answer users).
 *
 * @example computeCareScore([{ code: 'oxygen' }, { code: 'suction' }]) // → { total: 16, tier: 2, … }
 */
export function computeCareScore(items: readonly CareItemInput[], table: CareTable = CARE_TABLE): CareScore {
  const problems = validateCareItems(items, table).filter((p) => p.kind !== 'duplicate_code');
  if (problems.length) throw new CareItemsError(problems);

  const byCode = new Map<string, CareScoreLine>();
  for (const { code, watch = 'low' } of items) {
    const item = itemIn(table, code)!;
    const line = { code, base: item.base, watch: item.watch[watch] ?? 0 };
    const seen = byCode.get(code);
    if (!seen || line.watch > seen.watch) byCode.set(code, line);
  }
  const lines = table.items.flatMap((i) => byCode.get(i.code) ?? []);
  for (const rule of table.rules) {
    const step = RULE_STEPS[rule.id];
    if (!step) throw new Error(`care score: rule ${rule.id} of table ${table.version} is not implemented`);
    step(lines, table);
  }
  const total = lines.reduce((sum, l) => sum + l.base + l.watch, 0);
  return { total, tier: careTier(total, table), breakdown: lines };
}

/**
 * Structural check of a table (run by the tests over every shipped version): unique codes, integer points,
 * 'low' present and 0, known watch levels, implemented rules, thresholds that are distinct tiers 1–3.
 * Returns the problems found, in English (developers read them).
 */
export function checkCareTable(table: CareTable): string[] {
  const out: string[] = [];
  const codes = new Set<string>();
  for (const item of table.items) {
    if (codes.has(item.code)) out.push(`duplicate code ${item.code}`);
    codes.add(item.code);
    if (!Number.isInteger(item.no) || item.no < 1) out.push(`${item.code}: no must be a positive integer`);
    if (!Number.isInteger(item.base) || item.base <= 0)
      out.push(`${item.code}: base must be a positive integer`);
    if (item.watch.low !== 0) out.push(`${item.code}: watch.low must be 0`);
    for (const [level, points] of Object.entries(item.watch)) {
      if (!WATCH_LEVELS.includes(level as WatchLevel)) out.push(`${item.code}: unknown watch level ${level}`);
      if (!Number.isInteger(points) || points < 0)
        out.push(`${item.code}: watch.${level} must be an integer ≥ 0`);
    }
    if (!item.ja || !item.en) out.push(`${item.code}: ja and en names are required`);
  }
  for (const rule of table.rules) {
    if (!RULE_STEPS[rule.id]) out.push(`rule ${rule.id} is not implemented`);
  }
  const tiers = table.tiers.thresholds.map((t) => t.tier);
  if (new Set(tiers).size !== tiers.length || tiers.some((t) => ![1, 2, 3].includes(t))) {
    out.push('tiers must be distinct tiers 1–3');
  }
  const byTier = [...table.tiers.thresholds].sort((a, b) => a.tier - b.tier);
  for (let i = 1; i < byTier.length; i++) {
    if (byTier[i]!.min <= byTier[i - 1]!.min) out.push('a higher tier must need more points');
  }
  return out;
}
