import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, municipalities, organisations, prefectures, regions } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import { isValidMunicipalityCode } from '../../shared/municipality-code';
import type { Role } from '../access/roles';
import { EMPTY_SCOPE, scopeIssues, type UserScope } from './policy';
import type { ScopeRequest } from './schemas';

/** A scope from a request, with absent fields as null and codes trimmed. */
export function scopeFromRequest(s: ScopeRequest | undefined): UserScope {
  return {
    centreId: s?.centreId ?? EMPTY_SCOPE.centreId,
    regionId: s?.regionId ?? EMPTY_SCOPE.regionId,
    municipalityCode: s?.municipalityCode?.trim() || null,
    division: s?.division ?? EMPTY_SCOPE.division,
    organisationId: s?.organisationId ?? EMPTY_SCOPE.organisationId,
  };
}

/**
 * Checks that a scope fits the role (shape) and that every id it names belongs to the user's prefecture:
 * a branch for centre staff, a region, a municipality (check digit, prefecture, reference list), an
 * organisation. An id of another prefecture is reported exactly like an unknown one.
 */
export async function assertScopeFits(
  db: DbOrTx,
  role: Role,
  prefectureCode: string | null,
  scope: UserScope,
): Promise<void> {
  const issues = scopeIssues(role, scope);
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  if (scope.municipalityCode) {
    const code = scope.municipalityCode;
    const ok =
      prefectureCode !== null &&
      isValidMunicipalityCode(code) &&
      code.slice(0, 2) === prefectureCode &&
      (
        await db
          .select({ code: municipalities.code })
          .from(municipalities)
          .where(eq(municipalities.code, code))
      ).length > 0;
    if (!ok) {
      throw new AppError('invalid_municipality_code', {
        detail: { codes: [code] },
        issues: [{ path: 'scope.municipalityCode', message: code }],
      });
    }
  }
  const pc = prefectureCode ?? '';
  const unknown: ErrorIssue[] = [];
  if (scope.centreId) {
    const [c] = await db
      .select({ id: centres.id })
      .from(centres)
      .where(and(eq(centres.id, scope.centreId), eq(centres.prefectureCode, pc), eq(centres.kind, 'branch')));
    if (!c)
      unknown.push({
        path: 'scope.centreId',
        message: 'Not a branch of this prefecture / この都道府県の支部ではありません',
      });
  }
  if (scope.regionId) {
    const [r] = await db
      .select({ id: regions.id })
      .from(regions)
      .where(and(eq(regions.id, scope.regionId), eq(regions.prefectureCode, pc)));
    if (!r) unknown.push({ path: 'scope.regionId', message: 'Unknown region / 圏域が見つかりません' });
  }
  if (scope.organisationId) {
    const [o] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, scope.organisationId), eq(organisations.prefectureCode, pc)));
    if (!o)
      unknown.push({
        path: 'scope.organisationId',
        message: 'Unknown organisation / 関係機関が見つかりません',
      });
  }
  if (unknown.length > 0) throw new AppError('validation_failed', { issues: unknown });
}

/** A prefecture named for a new user must be a tenant of this deployment. */
export async function assertTenant(db: DbOrTx, prefectureCode: string | null): Promise<void> {
  if (prefectureCode === null) return;
  const [p] = await db
    .select({ code: prefectures.code })
    .from(prefectures)
    .where(eq(prefectures.code, prefectureCode));
  if (!p) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'prefectureCode',
          message: 'Not a prefecture of this deployment / 利用中の都道府県ではありません',
        },
      ],
    });
  }
}
