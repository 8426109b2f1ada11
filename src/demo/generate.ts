/**
 * Generates a fictional support network for one or more prefectures and inserts it in batches:
 * prefectures, regions and their municipalities, the centre (HQ and branches), organisations, people,
 * children with their affiliations, care items, devices, guardians, diagnoses, consents and residences.
 * Same seed → same content (ids are random UUIDs).
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import {
  centreRegions,
  centres,
  childAffiliations,
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childResidences,
  children,
  organisations,
  people,
  prefectures,
  regionMunicipalities,
  regions,
} from '../db/schema';
import { findMunicipality, findPrefecture, PREFECTURE_NAMES_EN } from '../shared/municipalities';
import type { DemoChildDetail } from './child-details';
import { type AffiliationRow, buildChildren, type ChildRow, type Residence } from './children';
import { insertInBatches } from './insert';
import {
  buildOrganisations,
  type OrganisationRow,
  type PersonRow,
  type RegionServices,
} from './organisations';
import { MUNICIPALITY_WEIGHT, type PrefecturePlan, planFor } from './prefecture-plans';
import { createRng, deriveSeed } from './random';

/** The day regional memberships start, and the default reference date for ages. */
export const DEMO_VALID_FROM = '2024-04-01';
export const DEMO_AS_OF = '2026-04-01';

/** Options of generateNetwork. */
export type GenerateNetworkOptions = {
  seed: number;
  prefectureCodes: string[];
  /** Children per prefecture, or 'proportional' to share `totalChildren` by municipality weight (default 300). */
  childrenPerPrefecture?: number | 'proportional';
  /** Total children when childrenPerPrefecture is 'proportional' (default 300 per prefecture). */
  totalChildren?: number;
  /** Reference date for ages and affiliation dates, so content never depends on the clock (default DEMO_AS_OF). */
  asOf?: string;
  /** Multiplier on the number of services per region (default 1). */
  organisationScale?: number;
  /** Region plan per prefecture (default planFor: 神奈川 by hand, others chunked). */
  plan?: (prefectureCode: string) => PrefecturePlan;
};

/** What was created for one prefecture: enough ids for callers to attach users. */
export type PrefectureSummary = {
  code: string;
  name: string;
  hqCentreId: string;
  branches: { id: string; name: string; regionIds: string[] }[];
  regions: { id: string; name: string; municipalityCodes: string[]; coreCentreId: string }[];
  /** municipality code → id of its 障害福祉 division. */
  disabilityDivisionIds: Record<string, string>;
  children: number;
};

/** Row counts per table, the per-prefecture details and the time taken. */
export type NetworkSummary = {
  seed: number;
  counts: {
    prefectures: number;
    regions: number;
    regionMunicipalities: number;
    centres: number;
    centreRegions: number;
    organisations: number;
    people: number;
    children: number;
    childAffiliations: number;
    childCareItems: number;
    childDevices: number;
    childGuardians: number;
    childDiagnoses: number;
    childConsents: number;
    childResidences: number;
  };
  prefectures: PrefectureSummary[];
  ms: number;
};

type RegionRow = typeof regions.$inferInsert & { id: string };
type CentreRow = typeof centres.$inferInsert & { id: string };

/** Children per prefecture, shared by municipality weight with the largest-remainder method (sums exactly). */
export function shareChildren(plans: PrefecturePlan[], total: number): number[] {
  const weights = plans.map((p) =>
    p.regions
      .flatMap((r) => r.municipalityCodes)
      .reduce((s, c) => s + MUNICIPALITY_WEIGHT[findMunicipality(c)!.kind], 0),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/**
 * Generates and inserts the demo network of the given prefectures in one transaction. Fails when a
 * prefecture already has a region of the same name (run it on an empty database).
 */
export async function generateNetwork(db: DbOrTx, opts: GenerateNetworkOptions): Promise<NetworkSummary> {
  const started = performance.now();
  const asOf = opts.asOf ?? DEMO_AS_OF;
  const plans = opts.prefectureCodes.map(opts.plan ?? planFor);
  const per = opts.childrenPerPrefecture ?? 300;
  const childCounts =
    per === 'proportional'
      ? shareChildren(plans, opts.totalChildren ?? 300 * plans.length)
      : plans.map(() => per);

  const rows = {
    prefectures: [] as (typeof prefectures.$inferInsert)[],
    regions: [] as RegionRow[],
    regionMunicipalities: [] as (typeof regionMunicipalities.$inferInsert)[],
    centres: [] as CentreRow[],
    centreRegions: [] as (typeof centreRegions.$inferInsert)[],
    organisations: [] as OrganisationRow[],
    people: [] as PersonRow[],
    children: [] as ChildRow[],
    affiliations: [] as AffiliationRow[],
    careItems: [] as DemoChildDetail['careItems'],
    devices: [] as DemoChildDetail['devices'],
    guardians: [] as DemoChildDetail['guardians'],
    diagnoses: [] as DemoChildDetail['diagnoses'],
    consents: [] as DemoChildDetail['consents'],
    residences: [] as DemoChildDetail['residences'],
  };
  const summaries: PrefectureSummary[] = [];

  plans.forEach((plan, p) => {
    // One stream per prefecture and purpose: adding a prefecture or a table never changes the others.
    const rng = createRng(deriveSeed(opts.seed, `prefecture:${plan.prefectureCode}`));
    const ref = findPrefecture(plan.prefectureCode);
    if (!ref) throw new Error(`unknown prefecture ${plan.prefectureCode}`);
    rows.prefectures.push({
      code: plan.prefectureCode,
      name: ref.name,
      nameEn: PREFECTURE_NAMES_EN[plan.prefectureCode] ?? ref.name,
    });

    const regionRows = plan.regions.map((r, i) => ({
      id: randomUUID(),
      prefectureCode: plan.prefectureCode,
      name: r.name,
      nameEn: r.nameEn,
      sortOrder: i + 1,
      note: r.note,
    }));
    rows.regions.push(...regionRows);
    plan.regions.forEach((r, i) => {
      for (const code of r.municipalityCodes) {
        rows.regionMunicipalities.push({
          regionId: regionRows[i]!.id,
          municipalityCode: code,
          validFrom: DEMO_VALID_FROM,
        });
      }
    });
    const regionIdByName = new Map(plan.regions.map((r, i) => [r.name, regionRows[i]!.id]));

    const hq: CentreRow = {
      id: randomUUID(),
      prefectureCode: plan.prefectureCode,
      kind: 'hq',
      name: plan.hqName,
      operator: '社会福祉法人つなぐ福祉会（架空）',
      address: `${ref.name}（デモ）`,
    };
    rows.centres.push(hq);
    const covered = new Set<string>();
    const branches = plan.branches.map((b) => {
      const id = randomUUID();
      const regionIds = b.regionNames.map((n) => {
        const regionId = regionIdByName.get(n);
        if (!regionId) throw new Error(`demo plan: branch ${b.name} names unknown region ${n}`);
        covered.add(regionId);
        return regionId;
      });
      rows.centres.push({
        id,
        prefectureCode: plan.prefectureCode,
        parentId: hq.id,
        kind: 'branch',
        name: `${plan.hqName.replace('（デモ）', '')} ${b.name}`,
        operator: hq.operator,
      });
      rows.centreRegions.push(...regionIds.map((regionId) => ({ centreId: id, regionId })));
      return { id, name: b.name, regionIds };
    });
    const hqRegions = regionRows.filter((r) => !covered.has(r.id));
    rows.centreRegions.push(...hqRegions.map((r) => ({ centreId: hq.id, regionId: r.id })));

    const network = buildOrganisations(rng.fork('organisations'), plan, opts.organisationScale ?? 1);
    rows.organisations.push(...network.organisations);
    rows.people.push(...network.people);

    const residences: Residence[] = plan.regions.flatMap((r, regionIndex) =>
      r.municipalityCodes.map((code) => ({
        code,
        weight: MUNICIPALITY_WEIGHT[findMunicipality(code)!.kind],
        regionIndex,
      })),
    );
    const built = buildChildren(rng.fork('children'), {
      prefectureCode: plan.prefectureCode,
      count: childCounts[p]!,
      asOf,
      residences,
      services: network.services,
    });
    rows.children.push(...built.children);
    rows.affiliations.push(...built.affiliations);
    rows.careItems.push(...built.careItems);
    rows.devices.push(...built.devices);
    rows.guardians.push(...built.guardians);
    rows.diagnoses.push(...built.diagnoses);
    rows.consents.push(...built.consents);
    rows.residences.push(...built.residences);

    summaries.push({
      code: plan.prefectureCode,
      name: ref.name,
      hqCentreId: hq.id,
      branches,
      regions: plan.regions.map((r, i) => ({
        id: regionRows[i]!.id,
        name: r.name,
        municipalityCodes: r.municipalityCodes,
        coreCentreId: (network.services[i] as RegionServices).coreCentreId,
      })),
      disabilityDivisionIds: Object.fromEntries(network.disabilityDivisionIds),
      children: built.children.length,
    });
  });

  const insert = async (tx: DbOrTx) => {
    // Prefectures may exist already (e.g. created by an administrator): keep them.
    await tx.insert(prefectures).values(rows.prefectures).onConflictDoNothing();
    await insertInBatches(tx, regions, rows.regions);
    await insertInBatches(tx, regionMunicipalities, rows.regionMunicipalities);
    await insertInBatches(tx, centres, rows.centres);
    await insertInBatches(tx, centreRegions, rows.centreRegions);
    await insertInBatches(tx, organisations, rows.organisations);
    await insertInBatches(tx, people, rows.people);
    await insertInBatches(tx, children, rows.children);
    await insertInBatches(tx, childAffiliations, rows.affiliations);
    await insertInBatches(tx, childCareItems, rows.careItems);
    await insertInBatches(tx, childDevices, rows.devices);
    await insertInBatches(tx, childGuardians, rows.guardians);
    await insertInBatches(tx, childDiagnoses, rows.diagnoses);
    await insertInBatches(tx, childConsents, rows.consents);
    await insertInBatches(tx, childResidences, rows.residences);
  };
  await db.transaction((tx) => insert(tx));

  return {
    seed: opts.seed,
    counts: {
      prefectures: rows.prefectures.length,
      regions: rows.regions.length,
      regionMunicipalities: rows.regionMunicipalities.length,
      centres: rows.centres.length,
      centreRegions: rows.centreRegions.length,
      organisations: rows.organisations.length,
      people: rows.people.length,
      children: rows.children.length,
      childAffiliations: rows.affiliations.length,
      childCareItems: rows.careItems.length,
      childDevices: rows.devices.length,
      childGuardians: rows.guardians.length,
      childDiagnoses: rows.diagnoses.length,
      childConsents: rows.consents.length,
      childResidences: rows.residences.length,
    },
    prefectures: summaries,
    ms: Math.round(performance.now() - started),
  };
}
