import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
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
import { LIFE_STAGES } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { listBottlenecks } from './bottlenecks';
import type { ResourceWriter } from './write-service';

export { LIFE_STAGES };

/** Children counted as demand: living at home or in hospital (not moved out, adult services or deceased). */
const DEMAND_STATUSES = ['at_home', 'in_hospital'];

export const SHORTAGE_RULE = {
  ja:
    '需要（台帳で当該ケアを要する子どもの数）がある圏域×ケア項目を、(1) 受け入れ可能な事業所が0件のものを先に、' +
    '(2) 受け入れ事業所1件あたりの需要（需要÷事業所数）が大きい順、(3) 不足数（需要−空き）が大きい順に並べます。' +
    '受け入れ事業所は「受け入れ可」「条件付きで可」の稼働中の事業所で、圏域内に所在するか圏域内の市区町村をサービス提供地域に含むものです。',
  en:
    'Region × care item pairs with demand (children in the registry needing the item) are ranked: (1) pairs with no ' +
    'accepting service first, (2) then by demand per accepting service (demand ÷ services), (3) then by shortfall ' +
    '(demand − vacancy). Accepting services are active ones accepting the item with or without conditions, located ' +
    'in the region or serving one of its municipalities.',
};

type Cell = {
  careItem: string;
  demand: number;
  demandByStage: Record<string, number>;
  services: number;
  capacity: number;
  vacancy: number;
  demandPerService: number;
  shortfall: number;
};

/**
 * Counts only: demand through the registry's one scope (childScope: a municipal user counts only the children
 * they may see), by life stage (shared/age.ts) on today's date in Japan; supply from the directory of the
 * prefecture. No personal data leaves this function.
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

  // Demand: (municipality, birth date, care item) of children in scope; aggregated here, nothing returned.
  const demandRows = codes.length
    ? await db
        .select({ m: children.municipalityCode, birth: children.birthDate, code: childCareItems.code })
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
  // Supply: active services accepting something, in or serving the municipalities.
  const supplyRows = codes.length
    ? await db
        .select({
          id: resourceServices.id,
          m: resourceServices.municipalityCode,
          areas: resourceServices.areaCodes,
          accepts: resourceServices.accepts,
          capacity: resourceServices.capacity,
          vacancy: resourceServices.vacancy,
        })
        .from(resourceServices)
        .where(
          and(
            eq(resourceServices.prefectureCode, w.prefectureCode),
            eq(resourceServices.status, 'active'),
            sql`cardinality(${resourceServices.accepts}) > 0`,
          ),
        )
    : [];

  const demand = new Map<string, Map<string, Record<string, number>>>(); // area → item → stage → n
  const add = (area: string, item: string, stage: string) => {
    const byItem = demand.get(area) ?? new Map<string, Record<string, number>>();
    demand.set(area, byItem);
    const st = byItem.get(item) ?? {};
    byItem.set(item, st);
    st[stage] = (st[stage] ?? 0) + 1;
  };
  for (const r of demandRows) {
    let stage: string;
    try {
      stage = lifeStage(r.birth, today);
    } catch {
      continue; // born after today: not counted
    }
    add(`m:${r.m}`, r.code, stage);
    const reg = regionOf.get(r.m);
    if (reg) add(`r:${reg}`, r.code, stage);
  }

  // Supply per area and item: distinct services (a service serving two municipalities of a region counts once).
  const supply = new Map<string, Map<string, { services: Set<string>; capacity: number; vacancy: number }>>();
  const addSupply = (area: string, s: (typeof supplyRows)[number]) => {
    const byItem =
      supply.get(area) ?? new Map<string, { services: Set<string>; capacity: number; vacancy: number }>();
    supply.set(area, byItem);
    for (const item of s.accepts) {
      const v = byItem.get(item) ?? { services: new Set<string>(), capacity: 0, vacancy: 0 };
      byItem.set(item, v);
      if (v.services.has(s.id)) continue;
      v.services.add(s.id);
      v.capacity += s.capacity ?? 0;
      v.vacancy += s.vacancy ?? 0;
    }
  };
  const inPlay = new Set(codes);
  for (const s of supplyRows) {
    const areas = new Set([s.m, ...s.areas].filter((c) => inPlay.has(c)));
    const regs = new Set<string>();
    for (const c of areas) {
      addSupply(`m:${c}`, s);
      const reg = regionOf.get(c);
      if (reg) regs.add(reg);
    }
    for (const reg of regs) addSupply(`r:${reg}`, s);
  }

  const items = CARE_ITEMS.map((c) => c.code).filter((code) =>
    [...demand.values(), ...supply.values()].some((m) => m.has(code)),
  );
  const cellsOf = (area: string): Cell[] =>
    items.map((code) => {
      const st = demand.get(area)?.get(code) ?? {};
      const d = Object.values(st).reduce((a, b) => a + b, 0);
      const sup = supply.get(area)?.get(code);
      const services = sup?.services.size ?? 0;
      const vacancy = sup?.vacancy ?? 0;
      return {
        careItem: code,
        demand: d,
        demandByStage: st,
        services,
        capacity: sup?.capacity ?? 0,
        vacancy,
        demandPerService: services ? Math.round((d / services) * 100) / 100 : d,
        shortfall: d - vacancy,
      };
    });

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
  const shortages = regionAreas
    .flatMap((r) =>
      r.cells
        .filter((c) => c.demand > 0)
        .map((c) => ({
          regionId: r.id,
          regionName: r.name,
          careItem: c.careItem,
          demand: c.demand,
          services: c.services,
          vacancy: c.vacancy,
          demandPerService: c.demandPerService,
          shortfall: c.shortfall,
        })),
    )
    .sort(
      (a, b) =>
        Number(a.services > 0) - Number(b.services > 0) ||
        b.demandPerService - a.demandPerService ||
        b.shortfall - a.shortfall ||
        b.demand - a.demand,
    )
    .map((s, i) => ({ ...s, rank: i + 1 }));
  const careIndex = new Map(CARE_ITEMS.map((c) => [c.code, c]));
  return {
    careItems: items.map((code) => ({ code, ja: careIndex.get(code)!.ja, en: careIndex.get(code)!.en })),
    lifeStages: [...LIFE_STAGES],
    regions: regionAreas,
    municipalities: municipalityAreas,
    shortages,
    bottlenecks: await listBottlenecks(db, w, regionId),
    shortageRule: SHORTAGE_RULE,
    generatedAt: w.at.toISOString(),
  };
}
