import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childCareItems,
  children,
  municipalities,
  regionMunicipalities,
  regions,
  resourceServices,
} from '../../db/schema';
import type { ChildStatus } from '../../db/schema/registry';
import { AppError } from '../../server/errors';
import { lifeStage } from '../../shared/age';
import { CARE_ITEMS } from '../../shared/care-score';
import { isoDateInJapan } from '../../shared/dates';
import { LIFE_STAGES, type LifeStage } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { listBottlenecks } from './bottlenecks';
import {
  gapCell,
  lifeStageSupply,
  type RuleService,
  rankShortages,
  ruleData,
  STAGE_SERVICE_TYPES,
  type ViewService,
} from './gap-rule';
import type { ResourceWriter } from './write-service';

export { LIFE_STAGES };

/** Children counted as demand: living at home or in hospital (not moved out, adult services or deceased). */
const DEMAND_STATUSES = ['at_home', 'in_hospital'];

/** Service types that count for some life stage (gap-rule.ts); no other type is read. */
/** The service types the rule counts for some life stage (hospitals, pharmacies … never). */
export const COUNTED_TYPES = [...new Set(Object.values(STAGE_SERVICE_TYPES).flat())];

export const SHORTAGE_RULE = {
  ja:
    '需要は台帳で当該ケアを要する子ども（在宅・入院中）の数をライフステージ別に数えます。供給は、暮らしに必要な3つの受け皿' +
    '（日中の通い先：未就学は児童発達支援・保育所等、学齢期は放課後等デイサービス・学校等／訪問：訪問看護・居宅介護等／短期入所）' +
    'ごとに、対象年齢が合い、当該ケアを「受け入れ可」「条件付きで可」とする運営中の事業所で、地域内に所在するか地域をサービス提供地域に' +
    '含むものです。病院・診療所・薬局・入所施設・相談支援事業所は数えません。1か所が受け入れられる目安は通い先2人（定員が少なければ定員）、' +
    '訪問3人、短期入所は定員（床数）1床あたり1人で、各事業所の枠は一度だけ割り当てます。年代ごとに受け皿の不足のうち最も大きいものを' +
    '合計したものが不足数です。表は不足数の大きい順で、不足のない組み合わせは載せません。',
  en:
    'Demand is the children in the registry (at home or in hospital) needing the care item, by life stage. Supply ' +
    'is counted for three needs of daily life on their own — somewhere to spend the day (before school: child ' +
    'development support, nurseries …; school age: after-school day services, schools …), care at home (home-visit ' +
    'nursing and care …) and short stays — from open services open to the children’s ages, accepting the item with ' +
    'or without conditions, located in or serving the area. Hospitals, clinics, pharmacies, residential facilities ' +
    'and consultation offices are not counted. One service is expected to carry 2 children for the day (fewer when ' +
    'its capacity is smaller), 3 for visits, and a short stay one child per bed; each service’s places are given ' +
    'once. The shortage adds up, stage by stage, the largest shortage of its needs. The table lists shortages only, ' +
    'largest first.',
};

type SupplyRow = ViewService & { m: string; areas: string[] };

/**
 * Counts only: demand through the registry's one scope (childScope: a municipal user counts only the children
 * they may see), by life stage (shared/age.ts) on today's date in Japan; supply from the directory of the
 * prefecture by the one rule of gap-rule.ts. No personal data leaves this function.
 */
export async function gaps(db: DbOrTx, w: ResourceWriter & { actor: Actor }, regionId: string | undefined) {
  if (!w.policy.gaps) throw new AppError('forbidden');
  const today = isoDateInJapan(w.at);
  const regionRows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.prefectureCode, w.prefectureCode), regionId ? eq(regions.id, regionId) : undefined))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
  if (regionId && !regionRows.length) throw new AppError('not_found');
  const members = regionRows.length
    ? await db
        .select({
          regionId: regionMunicipalities.regionId,
          code: regionMunicipalities.municipalityCode,
          name: municipalities.name,
        })
        .from(regionMunicipalities)
        .innerJoin(municipalities, eq(municipalities.code, regionMunicipalities.municipalityCode))
        .where(
          and(
            inArray(
              regionMunicipalities.regionId,
              regionRows.map((r) => r.id),
            ),
            isNull(regionMunicipalities.validTo),
          ),
        )
        .orderBy(asc(regionMunicipalities.municipalityCode))
    : [];
  const regionOf = new Map(members.map((m) => [m.code, m.regionId]));
  const codes = members.map((m) => m.code);

  // Demand: (child, municipality, birth date, care item) of children in scope; aggregated here, nothing returned.
  const demandRows = codes.length
    ? await db
        .select({
          id: children.id,
          m: children.municipalityCode,
          birth: children.birthDate,
          code: childCareItems.code,
        })
        .from(children)
        .innerJoin(childCareItems, eq(childCareItems.childId, children.id))
        .where(
          and(
            childScope(w.actor),
            inArray(children.municipalityCode, codes),
            inArray(children.status, DEMAND_STATUSES as ChildStatus[]),
          ),
        )
    : [];
  // Supply: open services of the counted types, whatever they accept (the life-stage view needs all of them).
  const supplyRows: SupplyRow[] = codes.length
    ? await db
        .select({
          id: resourceServices.id,
          m: resourceServices.municipalityCode,
          areas: resourceServices.areaCodes,
          type: resourceServices.type,
          minAge: resourceServices.minAge,
          maxAge: resourceServices.maxAge,
          accepts: resourceServices.accepts,
          capacity: resourceServices.capacity,
          vacancy: resourceServices.vacancy,
        })
        .from(resourceServices)
        .where(
          and(
            eq(resourceServices.prefectureCode, w.prefectureCode),
            eq(resourceServices.status, 'active'),
            inArray(resourceServices.type, COUNTED_TYPES),
          ),
        )
    : [];

  const areasOf = (m: string) => {
    const reg = regionOf.get(m);
    return reg ? [`m:${m}`, `r:${reg}`, 'all'] : [`m:${m}`, 'all'];
  };
  const demand = new Map<string, Map<string, Partial<Record<LifeStage, number>>>>(); // area → item → stage → n
  const childStages = new Map<string, Map<string, LifeStage>>(); // area → child → stage
  for (const r of demandRows) {
    let stage: LifeStage;
    try {
      stage = lifeStage(r.birth, today);
    } catch {
      continue; // born after today: not counted
    }
    for (const area of areasOf(r.m)) {
      const byItem = demand.get(area) ?? new Map<string, Partial<Record<LifeStage, number>>>();
      demand.set(area, byItem);
      const st = byItem.get(r.code) ?? {};
      byItem.set(r.code, st);
      st[stage] = (st[stage] ?? 0) + 1;
      const kids = childStages.get(area) ?? new Map<string, LifeStage>();
      childStages.set(area, kids);
      kids.set(r.id, stage);
    }
  }

  // Supply per area: distinct services located in or serving it (a service serving two municipalities of a
  // region counts once there), and per care item the ones accepting it.
  const supply = new Map<string, Map<string, SupplyRow>>();
  const inPlay = new Set(codes);
  for (const s of supplyRows) {
    for (const c of [s.m, ...s.areas]) {
      if (!inPlay.has(c)) continue;
      for (const area of areasOf(c)) {
        const byId = supply.get(area) ?? new Map<string, SupplyRow>();
        supply.set(area, byId);
        byId.set(s.id, s);
      }
    }
  }
  const accepting = new Map<string, Map<string, RuleService[]>>(); // area → item → services
  for (const [area, byId] of supply) {
    const byItem = new Map<string, RuleService[]>();
    accepting.set(area, byItem);
    for (const s of byId.values())
      for (const item of new Set(s.accepts)) {
        const list = byItem.get(item) ?? [];
        byItem.set(item, list);
        list.push(s);
      }
  }

  const items = CARE_ITEMS.map((c) => c.code).filter(
    (code) => demand.get('all')?.has(code) || accepting.get('all')?.has(code),
  );
  const cellsOf = (area: string) =>
    items.map((code) =>
      gapCell(code, demand.get(area)?.get(code) ?? {}, accepting.get(area)?.get(code) ?? []),
    );

  const regionAreas = regionRows.map((r) => ({
    kind: 'region' as const,
    id: r.id,
    name: r.name,
    regionId: r.id,
    cells: cellsOf(`r:${r.id}`),
  }));
  const municipalityAreas = members.map((m) => ({
    kind: 'municipality' as const,
    id: m.code,
    name: m.name,
    regionId: m.regionId,
    cells: cellsOf(`m:${m.code}`),
  }));
  const pairs = regionAreas.flatMap((r) =>
    r.cells
      .filter((c) => c.demand > 0)
      .map((c) => ({
        regionId: r.id,
        regionName: r.name,
        careItem: c.careItem,
        demand: c.demand,
        services: c.services,
        places: c.places,
        shortage: c.shortage,
        uncovered: c.uncovered,
        level: c.level,
      })),
  );
  const shortages = rankShortages(pairs);

  const stageView = (area: string, id: string, name: string) => {
    const kids: Record<string, number> = {};
    for (const st of childStages.get(area)?.values() ?? []) kids[st] = (kids[st] ?? 0) + 1;
    return { id, name, stages: lifeStageSupply([...(supply.get(area)?.values() ?? [])], kids) };
  };
  const lifeStageView = [
    ...(regionId ? [] : [stageView('all', 'all', '')]),
    ...regionRows.map((r) => stageView(`r:${r.id}`, r.id, r.name)),
  ];

  const careIndex = new Map(CARE_ITEMS.map((c) => [c.code, c]));
  return {
    careItems: items.map((code) => ({ code, ja: careIndex.get(code)!.ja, en: careIndex.get(code)!.en })),
    lifeStages: [...LIFE_STAGES],
    regions: regionAreas,
    municipalities: municipalityAreas,
    shortages,
    /** Region × care item pairs with demand and no shortage: not in the table. */
    satisfied: pairs.length - shortages.length,
    lifeStageView,
    rule: ruleData(),
    bottlenecks: await listBottlenecks(db, w, regionId),
    shortageRule: SHORTAGE_RULE,
    generatedAt: w.at.toISOString(),
  };
}
