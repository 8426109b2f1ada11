/**
 * Fictional 社会資源 (resources directory) for the demo and the benchmark: organisations, services with their
 * location, acceptance of care items, ages, capacity, schedules and confirmation dates. Deterministic for a seed.
 * Names are made up from common words and the municipality's name; addresses are "<municipality><town>1-2-3"
 * with coordinates a little around the municipality's office (shared/municipal-offices.ts: each point lies
 * near its own municipality), or, where no office point is held, around a made-up centre near the prefecture's
 * (not real places). The gazetteer (places) is seeded after the listings (places.ts). The word lists and weights
 * are in resource-words.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  organisations,
  type ResourceCareRow,
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../db/schema';
import { acceptedCodes, searchKeyOf, textKey } from '../modules/resources/text';
import { CARE_ITEMS } from '../shared/care-score';
import { municipalOffice } from '../shared/municipal-offices';
import { MUNICIPALITIES } from '../shared/municipalities';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../shared/vocab/resources';
import { seedDemoPlaces } from './places';
import { createRng, deriveSeed, type Rng } from './random';
import {
  CENTRES,
  CONDITIONS,
  HOW_TO_APPLY,
  ITEM_EASE,
  MEDICAL_TYPES,
  MUNICIPALITY_WEIGHT,
  TOWNS,
  TYPE_MIX,
  TYPE_NAME,
  WORDS,
} from './resource-words';

export type ResourceRows = {
  organizations: (typeof resourceOrganizations.$inferInsert & { id: string })[];
  services: (typeof resourceServices.$inferInsert & { id: string })[];
  locations: (typeof resourceLocations.$inferInsert & { id: string })[];
  links: (typeof resourceServiceLocations.$inferInsert)[];
};

const DAY = 24 * 3_600_000;

/** How far (degrees, whole width) listings scatter around their municipality's point: wider for big cities. */
const spread = (kind: string) => (kind === 'designated_city' ? 0.08 : kind === 'city' ? 0.04 : 0.025);

/** Plans `count` fictional services of one prefecture (pure: no database). */
export function planResources(
  rng: Rng,
  prefectureCode: string,
  count: number,
  now: Date,
  networkOrganisationIds: string[] = [],
): ResourceRows {
  const out: ResourceRows = { organizations: [], services: [], locations: [], links: [] };
  const municipalities = MUNICIPALITIES.filter((m) => m.code.startsWith(prefectureCode));
  if (!municipalities.length || count <= 0) return out;
  const weighted = municipalities.map((m) => [m, MUNICIPALITY_WEIGHT[m.kind]] as const);
  const types = SERVICE_TYPES.map((t) => [t, TYPE_MIX[t].weight] as const);
  const [clat, clng] = CENTRES[prefectureCode] ?? [35.68, 139.76];
  const muniCentre = new Map<string, [number, number]>();
  const centreOf = (code: string) => {
    let c = muniCentre.get(code);
    const office = municipalOffice(code);
    if (!c && office) {
      c = [office.latitude, office.longitude];
      muniCentre.set(code, c);
    }
    if (!c) {
      const r = rng.fork(code);
      c = [clat + (r.next() - 0.5) * 0.6, clng + (r.next() - 0.5) * 0.7];
      muniCentre.set(code, c);
    }
    return c;
  };
  // Organisation names and descriptions repeat: normalise each distinct text once (150,000 rows in the bench).
  const keys = new Map<string, string>();
  const key = (s: string) => {
    const k = keys.get(s) ?? textKey(s);
    keys.set(s, k);
    return k;
  };
  let org: (typeof out.organizations)[number] | null = null;
  let orgLeft = 0;
  let linked = 0;
  for (let i = 0; i < count; i++) {
    const m = rng.weighted(weighted);
    const shortName = m.name.replace(/(市|町|村|区)$/, '');
    if (orgLeft <= 0) {
      const [w, wk] = rng.pick(WORDS);
      const corp = rng.pick(['社会福祉法人', '医療法人', '株式会社', '特定非営利活動法人', '一般社団法人']);
      const networkOrganisationId =
        linked < networkOrganisationIds.length ? networkOrganisationIds[linked++]! : null;
      org = {
        id: randomUUID(),
        prefectureCode,
        name: `${corp}${shortName}${w}会`,
        kana: `${wk}カイ`,
        description: `${m.name}を中心に子ども・家族の支援を行う法人です（架空）。`,
        phone: `0${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(1000, 9999)}`,
        networkOrganisationId,
        createdAt: now,
        updatedAt: now,
      };
      out.organizations.push(org);
      orgLeft = rng.int(1, 4);
    }
    orgLeft--;
    const type = rng.weighted(types);
    const mix = TYPE_MIX[type];
    const [w, wk] = rng.pick(WORDS);
    const n = TYPE_NAME[type];
    const numbered = rng.chance(0.15) ? `第${rng.pick(['二', '三'])}` : '';
    const name = `${shortName}${w}${n.suffix}${numbered}`;
    const kana = `${m.kana.replace(/(シ|マチ|チョウ|ムラ|ソン|ク)$/, '')}${wk}${n.kana}`;
    // Able services (mix.accepts of the type) accept the items easier than their level (ITEM_EASE): nested, so
    // few accept ventilators; the others say for some items that they do not accept them.
    const care: ResourceCareRow[] = [];
    const able = rng.chance(mix.accepts);
    const level = rng.next() * (MEDICAL_TYPES.includes(type) ? 0.35 : 1);
    for (const item of CARE_ITEMS) {
      const r = rng.next();
      if (able && level < (ITEM_EASE[item.code] ?? 0.5)) {
        if (r < 0.75) care.push({ code: item.code, acceptance: 'accepted' });
        else
          care.push({
            code: item.code,
            acceptance: 'accepted_with_conditions',
            conditions: rng.pick(CONDITIONS),
          });
      } else if (r < 0.15) care.push({ code: item.code, acceptance: 'not_accepted' });
    }
    const capacity = [
      'hospital',
      'pharmacy',
      'clinic',
      'home_visit_nursing',
      'home_visit_care',
      'consultation_support',
    ].includes(type)
      ? null
      : rng.int(2, 40);
    const [mlat, mlng] = centreOf(m.code);
    const description = `${SERVICE_TYPE_LABELS[type].ja}。${m.name}${rng.pick(TOWNS)}にあります。${
      care.length ? '医療的ケアが必要なお子さんの受け入れ実績があります。' : ''
    }（架空のデータです）`;
    const confirmedDaysAgo = rng.chance(0.75) ? rng.int(0, 330) : rng.int(380, 900);
    const neighbours = municipalities.filter((x) => x.code !== m.code);
    const areaCodes =
      [
        'home_visit_nursing',
        'home_visit_care',
        'home_based_development_support',
        'medical_short_stay',
        'hospital',
      ].includes(type) && neighbours.length
        ? [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(neighbours).code))].sort()
        : [];
    const id = randomUUID();
    const locationId = randomUUID();
    const address = `${m.name}${rng.pick(TOWNS)}${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
    const officeNumber =
      type === 'hospital' || type === 'school' || type === 'nursery' || type === 'kindergarten'
        ? null
        : `${prefectureCode}${String(1_000_000 + i * 7).padStart(8, '0')}`; // unique within the prefecture
    out.services.push({
      id,
      prefectureCode,
      organizationId: org!.id,
      name,
      kana,
      type,
      status: rng.chance(0.03) ? 'temporarily_closed' : 'active',
      officeNumber,
      description,
      howToApply: rng.pick(HOW_TO_APPLY),
      minAge: mix.ages ? mix.ages[0] : null,
      maxAge: mix.ages ? mix.ages[1] : null,
      capacity,
      vacancy: capacity === null ? null : rng.int(0, Math.min(5, capacity)),
      capacityUpdatedAt: capacity === null ? null : new Date(now.getTime() - confirmedDaysAgo * DAY),
      transport: ['child_development_support', 'after_school_day_service'].includes(type)
        ? rng.chance(0.7)
        : null,
      bathing: [
        'after_school_day_service',
        'medical_short_stay',
        'welfare_short_stay',
        'child_development_support',
      ].includes(type)
        ? rng.chance(0.35)
        : null,
      phone: `0${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(1000, 9999)}`,
      schedules: [
        {
          byday: rng.chance(0.6) ? ['MO', 'TU', 'WE', 'TH', 'FR'] : ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'],
          opensAt: '09:00',
          closesAt: rng.pick(['17:00', '18:00', '19:00']),
        },
      ],
      careItems: care,
      accepts: acceptedCodes(care as never),
      areaCodes,
      municipalityCode: m.code,
      searchKey: searchKeyOf([name, kana, org!.name, org!.kana, description], key),
      lastConfirmedAt: new Date(now.getTime() - confirmedDaysAgo * DAY),
      lastConfirmedKind: rng.chance(0.5) ? 'provider_link' : 'user',
      lastConfirmedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    out.locations.push({
      id: locationId,
      prefectureCode,
      organizationId: org!.id,
      address,
      municipalityCode: m.code,
      latitude: Math.round((mlat + (rng.next() - 0.5) * spread(m.kind)) * 1e6) / 1e6,
      longitude: Math.round((mlng + (rng.next() - 0.5) * spread(m.kind)) * 1e6) / 1e6,
    });
    out.links.push({ serviceId: id, locationId, prefectureCode, isPrimary: true });
  }
  return out;
}

async function insertRows(db: DbOrTx, rows: ResourceRows) {
  const batch = async <T>(table: Parameters<DbOrTx['insert']>[0], values: T[]) => {
    for (let i = 0; i < values.length; i += 1000) {
      await db.insert(table).values(values.slice(i, i + 1000) as never);
    }
  };
  await batch(resourceOrganizations, rows.organizations);
  await batch(resourceServices, rows.services);
  await batch(resourceLocations, rows.locations);
  await batch(resourceServiceLocations, rows.links);
}

/**
 * Generates the directory of one or more prefectures (which must exist). `perPrefecture`: a number, or
 * 'proportional' to share `total` by the prefectures' municipalities (designated cities weigh most).
 * Providers of the network (organisations of kind 'provider') are linked to the first organisations, so the
 * demo's provider account has listings of its own.
 */
export async function generateResources(
  db: DbOrTx,
  opts: {
    seed: number;
    prefectureCodes: string[];
    perPrefecture: number | 'proportional';
    total?: number;
    now: Date;
  },
) {
  const weights = opts.prefectureCodes.map((code) =>
    MUNICIPALITIES.filter((m) => m.code.startsWith(code)).reduce(
      (s, m) => s + MUNICIPALITY_WEIGHT[m.kind],
      0,
    ),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  let services = 0;
  for (const [i, code] of opts.prefectureCodes.entries()) {
    const count =
      opts.perPrefecture === 'proportional'
        ? Math.round(((opts.total ?? 0) * weights[i]!) / sum)
        : opts.perPrefecture;
    const providers = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(eq(organisations.prefectureCode, code), inArray(organisations.kind, ['provider', 'hospital'])),
      )
      .orderBy(organisations.name);
    const rows = planResources(
      createRng(deriveSeed(opts.seed, `resources:${code}`)),
      code,
      count,
      opts.now,
      providers.map((p) => p.id),
    );
    await insertRows(db, rows);
    await seedDemoPlaces(db, code, opts.now);
    services += rows.services.length;
  }
  return { services };
}
