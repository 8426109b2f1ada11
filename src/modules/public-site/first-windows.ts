/**
 * The first window in every municipality (MI-8: families do not know where to ask first). Built from what the
 * product already holds — the four divisions' contacts and the coordinator item of each municipality page, the
 * regions and the centres covering them, the network's coordinators — so it never goes stale; the centre only
 * chooses which division's contact is the public first window and which coordinator is named (a person is named
 * publicly only by that choice). Without a choice, the first division with a recorded contact in DEFAULT_ORDER
 * is shown.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import {
  centreRegions,
  centres,
  municipalContacts,
  municipalities,
  municipalMaturity,
  organisations,
  people,
  publicFirstWindows,
  regionMunicipalities,
  regions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Division } from '../../shared/vocab/network';
import { recordAudit } from '../audit/record';
import { requireKeeper, type Who } from './pages';
import type { ZSetFirstWindowRequest } from './schemas';

/** The division shown when the centre has not chosen: disability welfare usually takes the first call. */
export const DEFAULT_ORDER: readonly Division[] = [
  'disability_welfare',
  'maternal_child_health',
  'childcare',
  'education',
];

/** The division shown: the centre's choice when that contact is recorded, else the first recorded by default. */
export function shownDivision(chosen: Division | null, recorded: readonly Division[]): Division | null {
  if (chosen && recorded.includes(chosen)) return chosen;
  return DEFAULT_ORDER.find((d) => recorded.includes(d)) ?? null;
}

/** Everything the list needs for a prefecture, in a fixed number of statements. */
async function facts(db: DbOrTx, prefecture: string) {
  const [munis, contacts, choices, coordinators, maturity] = await Promise.all([
    db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        kana: municipalities.kana,
        regionId: regions.id,
        region: regions.name,
      })
      .from(municipalities)
      .leftJoin(
        regionMunicipalities,
        and(
          eq(regionMunicipalities.municipalityCode, municipalities.code),
          isNull(regionMunicipalities.validTo),
        ),
      )
      .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
      .where(eq(municipalities.prefectureCode, prefecture))
      .orderBy(asc(municipalities.code)),
    db.select().from(municipalContacts).where(eq(municipalContacts.prefectureCode, prefecture)),
    db
      .select({ w: publicFirstWindows, by: users.displayName })
      .from(publicFirstWindows)
      .innerJoin(users, eq(users.id, publicFirstWindows.updatedBy))
      .where(eq(publicFirstWindows.prefectureCode, prefecture)),
    db
      .select({
        id: people.id,
        familyName: people.familyName,
        givenName: people.givenName,
        organisation: organisations.name,
        orgPhone: organisations.phone,
        municipalityCode: organisations.municipalityCode,
      })
      .from(people)
      .leftJoin(organisations, eq(organisations.id, people.organisationId))
      .where(and(eq(people.prefectureCode, prefecture), isNotNull(people.coordinatorTier))),
    db
      .select({ code: municipalMaturity.municipalityCode, status: municipalMaturity.status })
      .from(municipalMaturity)
      .where(
        and(eq(municipalMaturity.prefectureCode, prefecture), eq(municipalMaturity.item, 'coordinator')),
      ),
  ]);
  const byMuni = <T extends { municipalityCode: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows)
      if (r.municipalityCode) m.set(r.municipalityCode, [...(m.get(r.municipalityCode) ?? []), r]);
    return m;
  };
  return {
    munis,
    contacts: byMuni(contacts),
    choices: new Map(choices.map((c) => [c.w.municipalityCode, c])),
    coordinators,
    coordinatorsIn: byMuni(coordinators),
    coordinatorStatus: new Map(maturity.map((m) => [m.code, m.status])),
  };
}

const personName = (p: { familyName: string; givenName: string }) => `${p.familyName} ${p.givenName}`;

/** The staff list: every municipality with its recorded contacts, the choice, the candidates and who chose. */
export async function listFirstWindows(db: DbOrTx, actor: Parameters<typeof requireKeeper>[0]) {
  const prefecture = requireKeeper(actor);
  const f = await facts(db, prefecture);
  return {
    items: f.munis.map((m) => {
      const contacts = (f.contacts.get(m.code) ?? []).sort(
        (a, b) => DEFAULT_ORDER.indexOf(a.division) - DEFAULT_ORDER.indexOf(b.division),
      );
      const choice = f.choices.get(m.code);
      const chosen = choice?.w.division ?? null;
      return {
        code: m.code,
        name: m.name,
        kana: m.kana,
        region: m.region ?? null,
        contacts: contacts.map((c) => ({
          division: c.division,
          sectionName: c.sectionName,
          phone: c.phone,
          email: c.email,
          asOf: c.asOf,
        })),
        chosenDivision: chosen,
        shownDivision: shownDivision(
          chosen,
          contacts.map((c) => c.division),
        ),
        coordinatorPersonId: choice?.w.coordinatorPersonId ?? null,
        candidates: (f.coordinatorsIn.get(m.code) ?? []).map((p) => ({
          id: p.id,
          name: personName(p),
          organisation: p.organisation,
        })),
        coordinatorStatus: f.coordinatorStatus.get(m.code) ?? null,
        note: choice?.w.note ?? '',
        version: choice?.w.version ?? 0,
        updatedAt: choice?.w.updatedAt.toISOString() ?? null,
        updatedBy: choice?.by ?? null,
      };
    }),
  };
}

/** The centre's choice for one municipality of its prefecture (404 for another prefecture's or an unknown code). */
export async function setFirstWindow(
  db: SystemDb,
  who: Who,
  unverifiedCode: string,
  input: z.infer<typeof ZSetFirstWindowRequest>,
) {
  const prefecture = requireKeeper(who.actor);
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(and(eq(municipalities.code, unverifiedCode), eq(municipalities.prefectureCode, prefecture)));
    if (!m) throw new AppError('not_found');
    const [contact] = await tx
      .select({ division: municipalContacts.division })
      .from(municipalContacts)
      .where(
        and(eq(municipalContacts.municipalityCode, m.code), eq(municipalContacts.division, input.division)),
      );
    if (!contact) throw new AppError('public_first_window_no_contact');
    if (input.coordinatorPersonId) {
      const [p] = await tx
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            eq(people.id, input.coordinatorPersonId),
            eq(people.prefectureCode, prefecture),
            isNotNull(people.coordinatorTier),
          ),
        );
      if (!p) throw new AppError('public_first_window_not_coordinator');
    }
    const [before] = await tx
      .select()
      .from(publicFirstWindows)
      .where(eq(publicFirstWindows.municipalityCode, m.code));
    const values = {
      division: input.division,
      coordinatorPersonId: input.coordinatorPersonId,
      note: input.note,
      updatedBy: who.actor.userId,
      updatedAt: who.at,
    };
    let version: number;
    if (!before) {
      if (input.version !== 0) throw new AppError('conflict', { detail: { current: null } });
      await tx
        .insert(publicFirstWindows)
        .values({ municipalityCode: m.code, prefectureCode: prefecture, ...values });
      version = 1;
    } else {
      const written = await tx
        .update(publicFirstWindows)
        .set({ ...values, version: before.version + 1 })
        .where(
          and(eq(publicFirstWindows.municipalityCode, m.code), eq(publicFirstWindows.version, input.version)),
        )
        .returning({ version: publicFirstWindows.version });
      if (written.length === 0)
        throw new AppError('conflict', { detail: { current: { version: before.version } } });
      version = written[0]!.version;
    }
    await recordAudit(tx, who, {
      action: before ? 'update' : 'create',
      entityType: 'public_first_window',
      entityIds: [m.code],
      detail: { division: input.division, version },
    });
    return { version };
  });
}

/** The public list: every municipality by region, with its first window, named coordinator and the region's desk. */
export async function publicFirstWindowList(db: DbOrTx, prefecture: string) {
  const f = await facts(db, prefecture);
  const regionIds = [...new Set(f.munis.map((m) => m.regionId).filter((id): id is string => !!id))];
  const desks = regionIds.length
    ? await db
        .select({
          regionId: centreRegions.regionId,
          name: centres.name,
          phone: centres.phone,
          kind: centres.kind,
        })
        .from(centreRegions)
        .innerJoin(centres, eq(centres.id, centreRegions.centreId))
        .where(inArray(centreRegions.regionId, regionIds))
    : [];
  const [hq] = await db
    .select({ name: centres.name, phone: centres.phone })
    .from(centres)
    .where(and(eq(centres.prefectureCode, prefecture), eq(centres.kind, 'hq')))
    .limit(1);
  const coordinatorById = new Map(f.coordinators.map((p) => [p.id, p]));
  const out: {
    name: string;
    desk: { name: string; phone: string | null } | null;
    municipalities: ReturnType<typeof row>[];
  }[] = [];
  function row(m: (typeof f.munis)[number]) {
    const contacts = f.contacts.get(m.code) ?? [];
    const choice = f.choices.get(m.code)?.w;
    const division = shownDivision(
      choice?.division ?? null,
      contacts.map((c) => c.division),
    );
    const c = contacts.find((x) => x.division === division);
    const person = choice?.coordinatorPersonId ? coordinatorById.get(choice.coordinatorPersonId) : undefined;
    return {
      code: m.code,
      name: m.name,
      kana: m.kana,
      window: c
        ? { division: c.division, sectionName: c.sectionName, phone: c.phone, email: c.email, asOf: c.asOf }
        : null,
      coordinator: person
        ? { name: personName(person), organisation: person.organisation, phone: person.orgPhone }
        : null,
      coordinatorStatus: f.coordinatorStatus.get(m.code) ?? null,
      note: choice?.note ?? '',
    };
  }
  const byRegion = new Map<string, (typeof out)[number]>();
  for (const m of f.munis) {
    const key = m.regionId ?? '';
    let g = byRegion.get(key);
    if (!g) {
      const branch = desks.find((d) => d.regionId === m.regionId && d.kind === 'branch');
      const desk = branch ?? desks.find((d) => d.regionId === m.regionId) ?? hq;
      g = {
        name: m.region ?? '',
        desk: desk ? { name: desk.name, phone: desk.phone } : null,
        municipalities: [],
      };
      byRegion.set(key, g);
      out.push(g);
    }
    g.municipalities.push(row(m));
  }
  // Municipalities of no region (none yet assigned) come last, under the HQ's desk.
  return { regions: [...out.filter((g) => g.name), ...out.filter((g) => !g.name)] };
}
