import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import {
  centreRegions,
  centres,
  childAffiliations,
  childConsents,
  children,
  organisations,
  people,
  prefectures,
  regionMunicipalities,
  regions,
  users,
} from '../db/schema';
import type { Division, OrganisationKind } from '../db/schema/network';
import type { Role } from '../modules/access/roles';
import { sealSecret } from '../modules/accounts/crypto';
import { hashPassword } from '../modules/accounts/password';
import { generateTotpSecret } from '../modules/accounts/totp';
import { findPrefecture, PREFECTURE_NAMES_EN } from '../shared/municipalities';
import { nameKeys } from '../shared/names';

/** The password every factory user gets. */
export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

export async function makePrefecture(db: DbOrTx, code: string) {
  const ref = findPrefecture(code);
  if (!ref) throw new Error(`unknown prefecture ${code}`);
  await db
    .insert(prefectures)
    .values({ code, name: ref.name, nameEn: PREFECTURE_NAMES_EN[code] ?? ref.name })
    .onConflictDoNothing();
  return { code, name: ref.name };
}

export async function makeRegion(
  db: DbOrTx,
  prefectureCode: string,
  name: string,
  municipalityCodes: string[],
) {
  const [region] = await db.insert(regions).values({ prefectureCode, name }).returning();
  if (municipalityCodes.length) {
    await db.insert(regionMunicipalities).values(
      municipalityCodes.map((m) => ({
        regionId: region!.id,
        municipalityCode: m,
        validFrom: '2024-04-01',
      })),
    );
  }
  return region!;
}

export async function makeCentre(
  db: DbOrTx,
  prefectureCode: string,
  opts: { kind?: 'hq' | 'branch'; parentId?: string; name?: string; regionIds?: string[] } = {},
) {
  const [centre] = await db
    .insert(centres)
    .values({
      prefectureCode,
      kind: opts.kind ?? 'hq',
      parentId: opts.parentId ?? null,
      name: opts.name ?? `センター${randomUUID().slice(0, 4)}`,
    })
    .returning();
  if (opts.regionIds?.length) {
    await db
      .insert(centreRegions)
      .values(opts.regionIds.map((regionId) => ({ centreId: centre!.id, regionId })));
  }
  return centre!;
}

export async function makeOrganisation(
  db: DbOrTx,
  prefectureCode: string,
  opts: { kind?: OrganisationKind; name?: string; municipalityCode?: string; division?: Division } = {},
) {
  const [org] = await db
    .insert(organisations)
    .values({
      prefectureCode,
      kind: opts.kind ?? 'provider',
      name: opts.name ?? `事業所${randomUUID().slice(0, 4)}`,
      municipalityCode: opts.municipalityCode ?? null,
      division: opts.division ?? null,
    })
    .returning();
  return org!;
}

export type UserOpts = {
  prefectureCode?: string | null;
  email?: string;
  centreId?: string;
  regionId?: string;
  municipalityCode?: string;
  division?: Division;
  organisationId?: string;
  /** Enrol TOTP with this base32 secret (sealed with the test secret); default: enrolled when the role needs it. */
  totpSecret?: string | null;
  disabled?: boolean;
};

export async function makeUser(db: DbOrTx, role: Role, opts: UserOpts = {}, secret = testSecret()) {
  const [user] = await db
    .insert(users)
    .values({
      prefectureCode: opts.prefectureCode === undefined ? '43' : opts.prefectureCode,
      email: opts.email ?? `${role}-${randomUUID().slice(0, 8)}@example.jp`,
      displayName: `${role} user`,
      passwordHash: await passwordHash(),
      role,
      scopeCentreId: opts.centreId ?? null,
      scopeRegionId: opts.regionId ?? null,
      scopeMunicipalityCode: opts.municipalityCode ?? null,
      scopeDivision: opts.division ?? null,
      scopeOrganisationId: opts.organisationId ?? null,
      totpSecret: opts.totpSecret ? sealSecret(opts.totpSecret, secret) : null,
      totpEnabledAt: opts.totpSecret ? new Date() : null,
      disabledAt: opts.disabled ? new Date() : null,
    })
    .returning();
  return user!;
}

export function testSecret() {
  return 'test-secret-test-secret-test-secret-0123456789';
}

export { generateTotpSecret };

let childSeq = 0;
/**
 * A child of a municipality. Name match keys are computed from the names given; by default the guardian has
 * agreed to sharing with the municipality (a granted share_municipality consent), so municipal staff see the
 * child — pass `consent: false` for a child withheld from its municipality.
 */
export async function makeChild(
  db: DbOrTx,
  prefectureCode: string,
  municipalityCode: string,
  opts: Partial<typeof children.$inferInsert> & { organisationId?: string; consent?: boolean } = {},
) {
  childSeq++;
  const { organisationId, consent = true, ...rest } = opts;
  const names = {
    familyName: '山田',
    givenName: `太郎${childSeq}`,
    familyKana: 'ヤマダ',
    givenKana: `タロウ${childSeq}`,
    ...rest,
  };
  const [child] = await db
    .insert(children)
    .values({
      prefectureCode,
      municipalityCode,
      birthDate: '2019-04-05',
      sex: 'male',
      ...nameKeys(names),
      ...names,
    })
    .returning();
  if (organisationId) {
    await db
      .insert(childAffiliations)
      .values({ childId: child!.id, organisationId, kind: 'day_service', startedOn: '2024-04-01' });
  }
  if (consent) {
    await db.insert(childConsents).values({
      childId: child!.id,
      purpose: 'share_municipality',
      granted: true,
      decidedOn: '2024-04-01',
      method: 'paper',
    });
  }
  return child!;
}

/** A professional contact of the network (people table) in the prefecture. */
export async function makePerson(
  db: DbOrTx,
  prefectureCode: string,
  opts: Partial<Omit<typeof people.$inferInsert, 'prefectureCode'>> = {},
) {
  const [person] = await db
    .insert(people)
    .values({ prefectureCode, familyName: '佐藤', givenName: `花子${randomUUID().slice(0, 4)}`, ...opts })
    .returning();
  return person!;
}
