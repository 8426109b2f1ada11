/**
 * The one place that turns the municipal page policy (policy.ts) into SQL: every query over municipalities,
 * their maturity items, contacts and history adds {@link municipalityScope} on the municipality's code. A
 * municipality outside the area answers 404, like an unknown code.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { municipalities, regionMunicipalities, regions } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { type MunicipalPolicy, municipalPolicy } from './policy';

/** The condition a municipality code (a column) must meet for the policy's area, within its prefecture. */
export function municipalityScope(policy: MunicipalPolicy, code: AnyPgColumn | SQL): SQL {
  const p = policy.prefectureCode;
  if (!p) return sql`false`;
  const tenant = sql`substr(${code}, 1, 2) = ${p}`;
  const a = policy.area;
  switch (a.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'regions':
      return and(
        tenant,
        sql`${code} in (select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
                         where ${inArray(regionMunicipalities.regionId, a.regionIds)}
                           and ${isNull(regionMunicipalities.validTo)})`,
      )!;
    case 'municipality':
      return sql`${code} = ${a.municipalityCode}`;
  }
}

/** The actor's policy, or 403 when the role has no municipal pages at all (before any code is read). */
export function requireMunicipalReader(actor: Actor): MunicipalPolicy & { prefectureCode: string } {
  const policy = municipalPolicy(actor);
  if (!policy.prefectureCode || policy.area.kind === 'none') throw new AppError('forbidden');
  return policy as MunicipalPolicy & { prefectureCode: string };
}

export type MunicipalityRow = {
  code: string;
  name: string;
  kana: string;
  kind: string;
  regionId: string | null;
  regionName: string | null;
  regionNameEn: string | null;
  regionOrder: number | null;
};

const municipalityColumns = {
  code: municipalities.code,
  name: municipalities.name,
  kana: municipalities.kana,
  kind: municipalities.kind,
  regionId: regions.id,
  regionName: regions.name,
  regionNameEn: regions.nameEn,
  regionOrder: regions.sortOrder,
};

/** The municipalities of the area with their current region, by region order and code (one statement). */
export async function municipalitiesInScope(db: DbOrTx, policy: MunicipalPolicy): Promise<MunicipalityRow[]> {
  return db
    .select(municipalityColumns)
    .from(municipalities)
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, municipalities.code),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(
      and(
        eq(municipalities.prefectureCode, policy.prefectureCode ?? ''),
        municipalityScope(policy, municipalities.code),
      ),
    )
    .orderBy(sql`${regions.sortOrder} nulls last`, asc(regions.name), asc(municipalities.code));
}

/** One municipality of the area, or 404 (unknown, another prefecture's or outside the area alike). */
export async function visibleMunicipality(
  db: DbOrTx,
  policy: MunicipalPolicy,
  unverifiedCode: string,
): Promise<MunicipalityRow> {
  if (!/^\d{6}$/.test(unverifiedCode)) throw new AppError('not_found');
  const [row] = await db
    .select(municipalityColumns)
    .from(municipalities)
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, municipalities.code),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(eq(municipalities.code, unverifiedCode), municipalityScope(policy, municipalities.code)));
  if (!row) throw new AppError('not_found');
  return row;
}
