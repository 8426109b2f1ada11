import { and, asc, between, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childAffiliations,
  children,
  municipalities,
  organisations,
  regionMunicipalities,
  regions,
} from '../../db/schema';
import type { Nendo } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import {
  TRANSITION_INFO,
  TRANSITION_KINDS,
  type TransitionKind,
  transitionBirthRange,
  transitionKindsOf,
} from './rules';

/** What a transitions list may be narrowed to. */
export type TransitionFilter = {
  nendo: Nendo;
  municipality?: string | undefined;
  region?: string | undefined;
  kind?: TransitionKind | undefined;
};

/** Children living in the community: the ones the centre plans for. */
const ACTIVE_STATUSES = ['at_home', 'in_hospital'] as const;

/** Affiliations that say where a child spends the day come first when a child has several. */
const AFFILIATION_PRIORITY = sql`case ${childAffiliations.kind} when 'school' then 0 when 'nursery' then 1
  when 'day_service' then 2 when 'hospital' then 3 else 4 end`;

/**
 * The transitions of a 年度 among the children the actor may see (childScope) who live at home or in
 * hospital: one statement selects the union of the kinds' birth ranges, the kinds are then assigned with
 * the pure rules, and each child gets its current affiliation (school or nursery first).
 */
export async function listTransitions(db: DbOrTx, actor: Actor, f: TransitionFilter, today: string) {
  const kinds = f.kind ? [f.kind] : [...TRANSITION_KINDS];
  const births = kinds.map((k) => transitionBirthRange(k, f.nendo));
  const conds = [
    childScope(actor),
    inArray(children.status, [...ACTIVE_STATUSES]),
    or(...births.map((r) => between(children.birthDate, r.from, r.to)))!,
  ];
  if (f.municipality) conds.push(eq(children.municipalityCode, f.municipality));
  if (f.region) conds.push(eq(regionMunicipalities.regionId, f.region));
  const rows = await db
    .select({
      id: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      familyKana: children.familyKana,
      givenKana: children.givenKana,
      birthDate: children.birthDate,
      status: children.status,
      municipalityCode: children.municipalityCode,
      municipalityName: municipalities.name,
      regionName: regions.name,
    })
    .from(children)
    .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, children.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(...conds))
    .orderBy(
      asc(children.municipalityCode),
      asc(children.familyKana),
      asc(children.givenKana),
      asc(children.id),
    );

  const affiliation = await currentAffiliations(
    db,
    rows.map((r) => r.id),
    today,
  );
  const items = rows.map((r) => {
    const a = affiliation.get(r.id);
    return {
      ...r,
      affiliation: a ? (a.detail ? `${a.organisationName}（${a.detail}）` : a.organisationName) : null,
      affiliationKind: a?.kind ?? null,
    };
  });

  const groups = kinds.map((kind) => ({
    kind,
    ...TRANSITION_INFO[kind],
    birthFrom: transitionBirthRange(kind, f.nendo).from,
    birthTo: transitionBirthRange(kind, f.nendo).to,
    items: [] as typeof items,
  }));
  const byKind = new Map(groups.map((g) => [g.kind, g]));
  const byMunicipality = new Map<
    string,
    { code: string; name: string; counts: Record<TransitionKind, number> }
  >();
  for (const item of items) {
    for (const kind of transitionKindsOf(item.birthDate, f.nendo)) {
      const group = byKind.get(kind);
      if (!group) continue;
      group.items.push(item);
      let m = byMunicipality.get(item.municipalityCode);
      if (!m) {
        m = { code: item.municipalityCode, name: item.municipalityName, counts: zeroCounts() };
        byMunicipality.set(item.municipalityCode, m);
      }
      m.counts[kind]++;
    }
  }
  return {
    nendo: f.nendo,
    groups: groups.map((g) => ({ ...g, count: g.items.length })),
    byMunicipality: [...byMunicipality.values()],
  };
}

/** The result of {@link listTransitions}. */
export type TransitionsList = Awaited<ReturnType<typeof listTransitions>>;

function zeroCounts(): Record<TransitionKind, number> {
  return Object.fromEntries(TRANSITION_KINDS.map((k) => [k, 0])) as Record<TransitionKind, number>;
}

/** Each child's current affiliation on `today` (open on that day), school and nursery first, then the latest. */
async function currentAffiliations(db: DbOrTx, childIds: string[], today: string) {
  const out = new Map<string, { organisationName: string; kind: string; detail: string | null }>();
  if (childIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([childAffiliations.childId], {
      childId: childAffiliations.childId,
      organisationName: organisations.name,
      kind: childAffiliations.kind,
      detail: childAffiliations.detail,
    })
    .from(childAffiliations)
    .innerJoin(organisations, eq(organisations.id, childAffiliations.organisationId))
    .where(
      and(
        inArray(childAffiliations.childId, childIds),
        lte(childAffiliations.startedOn, today),
        or(isNull(childAffiliations.endedOn), gte(childAffiliations.endedOn, today)),
      ),
    )
    .orderBy(childAffiliations.childId, AFFILIATION_PRIORITY, sql`${childAffiliations.startedOn} desc`);
  for (const { childId, ...a } of rows) out.set(childId, a);
  return out;
}
