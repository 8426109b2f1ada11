import { and, asc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, organisations } from '../../db/schema';
import type { Division, OrganisationKind } from '../../db/schema/network';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './schemas';
import {
  assertMunicipalityCodes,
  blankToNull,
  definedOnly,
  escapeLike,
  searchKey,
  type Tenant,
} from './support';

const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  division: organisations.division,
  name: organisations.name,
  kana: organisations.kana,
  municipalityCode: organisations.municipalityCode,
  municipalityName: municipalities.name,
  address: organisations.address,
  phone: organisations.phone,
  version: organisations.version,
};

export type OrganisationFilter = {
  kind?: OrganisationKind | undefined;
  municipality?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

/** One page of the prefecture's organisations (by kana, then name), with the total. */
export async function listOrganisations(db: DbOrTx, prefectureCode: string, f: OrganisationFilter) {
  const conds: SQL[] = [eq(organisations.prefectureCode, prefectureCode)];
  if (f.kind) conds.push(eq(organisations.kind, f.kind));
  if (f.municipality) conds.push(eq(organisations.municipalityCode, f.municipality));
  if (f.q) {
    const raw = `%${escapeLike(f.q)}%`;
    const kana = `%${escapeLike(searchKey(f.q))}%`;
    conds.push(or(like(organisations.name, raw), like(sql`coalesce(${organisations.kana}, '')`, kana))!);
  }
  const where = and(...conds);
  const [items, [count]] = await Promise.all([
    db
      .select(organisationColumns)
      .from(organisations)
      .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
      .where(where)
      .orderBy(sql`${organisations.kana} asc nulls last`, asc(organisations.name), asc(organisations.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** One organisation of the prefecture, or undefined (callers answer 404). */
export async function findOrganisation(db: DbOrTx, prefectureCode: string, unverifiedId: string) {
  const [row] = await db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
    .where(and(eq(organisations.id, unverifiedId), eq(organisations.prefectureCode, prefectureCode)));
  return row;
}

export type OrganisationView = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

async function checkMunicipality(db: DbOrTx, prefectureCode: string, code: string | null | undefined) {
  if (code) await assertMunicipalityCodes(db, prefectureCode, [code]);
}

/** Creates an organisation (the request schema enforces the division rule); audited. */
export async function createOrganisation(
  tx: DbOrTx,
  t: Tenant,
  input: CreateOrganisationInput,
): Promise<OrganisationView> {
  const municipalityCode = blankToNull(input.municipalityCode) ?? null;
  await checkMunicipality(tx, t.prefectureCode, municipalityCode);
  const [row] = await tx
    .insert(organisations)
    .values({
      prefectureCode: t.prefectureCode,
      kind: input.kind,
      division: input.kind === 'municipal_division' ? (input.division ?? null) : null,
      name: input.name,
      kana: blankToNull(input.kana) ?? null,
      municipalityCode,
      address: blankToNull(input.address) ?? null,
      phone: blankToNull(input.phone) ?? null,
    })
    .returning({ id: organisations.id });
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'organisation',
    entityIds: [row!.id],
    detail: { event: 'created', kind: input.kind, name: input.name },
    prefectureCode: t.prefectureCode,
  });
  return (await findOrganisation(tx, t.prefectureCode, row!.id))!;
}

/** Changes an organisation (optimistic lock). The division rule is checked on the merged result. */
export async function updateOrganisation(
  tx: DbOrTx,
  t: Tenant,
  unverifiedId: string,
  input: UpdateOrganisationInput,
): Promise<OrganisationView> {
  const existing = await findOrganisation(tx, t.prefectureCode, unverifiedId);
  if (!existing) throw new AppError('not_found');
  const kind = input.kind ?? existing.kind;
  let division: Division | null = input.division === undefined ? existing.division : input.division;
  // Changing a municipal division into another kind drops its division rather than failing.
  if (kind !== 'municipal_division' && input.division === undefined) division = null;
  if ((kind === 'municipal_division') !== Boolean(division)) {
    throw new AppError('validation_failed', {
      issues: [
        { path: 'division', message: 'division is required for a municipal division and only for it' },
      ],
    });
  }
  const municipalityCode = blankToNull(input.municipalityCode);
  await checkMunicipality(tx, t.prefectureCode, municipalityCode);
  const set = definedOnly({
    kind: input.kind,
    name: input.name,
    kana: blankToNull(input.kana),
    municipalityCode,
    address: blankToNull(input.address),
    phone: blankToNull(input.phone),
  });
  const updated = await tx
    .update(organisations)
    .set({ ...set, division, version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, existing.id), eq(organisations.version, input.version)))
    .returning({ id: organisations.id });
  if (updated.length === 0) {
    const current = await findOrganisation(tx, t.prefectureCode, existing.id);
    throw current ? new AppError('conflict', { detail: { current } }) : new AppError('not_found');
  }
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'organisation',
    entityIds: [existing.id],
    detail: {
      event: 'updated',
      changed: [...Object.keys(set), ...(division !== existing.division ? ['division'] : [])],
    },
    prefectureCode: t.prefectureCode,
  });
  return (await findOrganisation(tx, t.prefectureCode, existing.id))!;
}
