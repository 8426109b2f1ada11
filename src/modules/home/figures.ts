import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  children,
  municipalities,
  organisations,
  prefectures,
  regions,
  users,
} from '../../db/schema';
import { type LifeStage, lifeStage, schoolEntryNendo, turnsAgeInNendo } from '../../shared/age';
import { compareIsoDates } from '../../shared/dates';
import { nendoOf, nendoRange } from '../../shared/nendo';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';

export { LIFE_STAGES };

/** Figures for the home page, computed over exactly the children the actor may see. */
export async function homeFigures(db: DbOrTx, actor: Actor, today: string) {
  const nendo = nendoOf(today);
  const nendoStart = nendoRange(nendo).start;
  const scope = childScope(actor);
  const hasPersonalData = actor.scope.kind !== 'none' && actor.prefectureCode !== null;

  let childFigures = null;
  if (hasPersonalData) {
    const [byStatus, byBirthDate, byMunicipality, [extra]] = await Promise.all([
      db
        .select({ status: children.status, count: sql<number>`count(*)::int` })
        .from(children)
        .where(scope)
        .groupBy(children.status),
      // Children living in the community (at home or in hospital), grouped by birth date: at most a few
      // thousand rows even for a prefecture, and the 学齢 rules stay in one place (src/shared/age.ts).
      db
        .select({ birthDate: children.birthDate, count: sql<number>`count(*)::int` })
        .from(children)
        .where(and(scope, inArray(children.status, ['at_home', 'in_hospital'])))
        .groupBy(children.birthDate),
      db
        .select({
          code: children.municipalityCode,
          name: municipalities.name,
          count: sql<number>`count(*)::int`,
        })
        .from(children)
        .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
        .where(scope)
        .groupBy(children.municipalityCode, municipalities.name)
        .orderBy(sql`count(*) desc`, children.municipalityCode),
      db
        .select({
          newThisNendo: sql<number>`count(*) filter (where ${children.createdAt} >= ${nendoStart}::date)::int`,
        })
        .from(children)
        .where(scope),
    ]);
    const stageCounts = new Map<LifeStage, number>(LIFE_STAGES.map((s) => [s, 0]));
    let turning18 = 0;
    let enteringSchool = 0;
    for (const row of byBirthDate) {
      if (compareIsoDates(row.birthDate, today) > 0) continue;
      const stage = lifeStage(row.birthDate, today);
      stageCounts.set(stage, (stageCounts.get(stage) ?? 0) + row.count);
      if (turnsAgeInNendo(row.birthDate, 18, nendo)) turning18 += row.count;
      if (schoolEntryNendo(row.birthDate) === nendo + 1) enteringSchool += row.count;
    }
    childFigures = {
      total: byStatus.reduce((s, r) => s + r.count, 0),
      byStatus,
      byLifeStage: LIFE_STAGES.map((stage) => ({ stage, count: stageCounts.get(stage) ?? 0 })),
      byMunicipality,
      newThisNendo: extra?.newThisNendo ?? 0,
      turning18ThisNendo: turning18,
      enteringSchoolNextNendo: enteringSchool,
    };
  }

  const network = await networkFigures(db, actor);
  return { nendo, scope: await scopeLabel(db, actor), children: childFigures, network };
}

/** One prefecture's network, as the system administrator's home lists it. */
export type PrefectureNetwork = {
  code: string;
  name: string;
  regions: number;
  municipalities: number;
  centres: number;
  organisations: number;
  users: number;
};

async function networkFigures(db: DbOrTx, actor: Actor) {
  const count = sql<number>`count(*)::int`;
  if (!actor.prefectureCode) {
    // The system administrator belongs to no prefecture: the deployment's network, in total and per tenant.
    const [prefs, r, m, c, o, u, all] = await Promise.all([
      db
        .select({ code: prefectures.code, name: prefectures.name })
        .from(prefectures)
        .orderBy(prefectures.code),
      db.select({ pc: regions.prefectureCode, n: count }).from(regions).groupBy(regions.prefectureCode),
      db
        .select({ pc: municipalities.prefectureCode, n: count })
        .from(municipalities)
        .groupBy(municipalities.prefectureCode),
      db.select({ pc: centres.prefectureCode, n: count }).from(centres).groupBy(centres.prefectureCode),
      db
        .select({ pc: organisations.prefectureCode, n: count })
        .from(organisations)
        .groupBy(organisations.prefectureCode),
      db
        .select({ pc: users.prefectureCode, n: count })
        .from(users)
        .where(isNull(users.disabledAt))
        .groupBy(users.prefectureCode),
      db.select({ n: count }).from(users).where(isNull(users.disabledAt)),
    ]);
    const by = (rows: { pc: string | null; n: number }[]) => new Map(rows.map((x) => [x.pc, x.n]));
    const [rm, mm, cm, om, um] = [by(r), by(m), by(c), by(o), by(u)];
    const byPrefecture: PrefectureNetwork[] = prefs.map((p) => ({
      code: p.code,
      name: p.name,
      regions: rm.get(p.code) ?? 0,
      municipalities: mm.get(p.code) ?? 0,
      centres: cm.get(p.code) ?? 0,
      organisations: om.get(p.code) ?? 0,
      users: um.get(p.code) ?? 0,
    }));
    const sum = (k: 'regions' | 'municipalities' | 'centres' | 'organisations') =>
      byPrefecture.reduce((s, p) => s + p[k], 0);
    return {
      regions: sum('regions'),
      municipalities: sum('municipalities'),
      centres: sum('centres'),
      organisations: sum('organisations'),
      // Every active account, system administrators (who belong to no prefecture) included.
      users: all[0]?.n ?? 0,
      prefectures: prefs.length,
      byPrefecture,
    };
  }
  const pc = actor.prefectureCode;
  const [[r], [m], [c], [o], [u]] = await Promise.all([
    db.select({ n: count }).from(regions).where(eq(regions.prefectureCode, pc)),
    db.select({ n: count }).from(municipalities).where(eq(municipalities.prefectureCode, pc)),
    db.select({ n: count }).from(centres).where(eq(centres.prefectureCode, pc)),
    db.select({ n: count }).from(organisations).where(eq(organisations.prefectureCode, pc)),
    db
      .select({ n: count })
      .from(users)
      .where(and(eq(users.prefectureCode, pc), isNull(users.disabledAt))),
  ]);
  return {
    regions: r?.n ?? 0,
    municipalities: m?.n ?? 0,
    centres: c?.n ?? 0,
    organisations: o?.n ?? 0,
    users: u?.n ?? 0,
    prefectures: 1,
    byPrefecture: [] as PrefectureNetwork[],
  };
}

async function scopeLabel(db: DbOrTx, actor: Actor) {
  const label = {
    kind: actor.scope.kind,
    prefectureName: null as string | null,
    regionNames: [] as string[],
    municipalityName: null as string | null,
    organisationName: null as string | null,
  };
  if (actor.prefectureCode) {
    const [p] = await db
      .select({ name: prefectures.name })
      .from(prefectures)
      .where(eq(prefectures.code, actor.prefectureCode));
    label.prefectureName = p?.name ?? null;
  }
  const s = actor.scope;
  if (s.kind === 'regions' && s.regionIds.length) {
    const rows = await db
      .select({ name: regions.name })
      .from(regions)
      .where(inArray(regions.id, s.regionIds))
      .orderBy(regions.sortOrder, regions.name);
    label.regionNames = rows.map((r) => r.name);
  } else if (s.kind === 'municipality') {
    const [m] = await db
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.code, s.municipalityCode));
    label.municipalityName = m?.name ?? null;
  } else if (s.kind === 'organisation') {
    const [o] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, s.organisationId));
    label.organisationName = o?.name ?? null;
  }
  return label;
}
