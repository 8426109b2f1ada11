/**
 * Providers newly opened in the resources directory (a provider added, or a service of it created, within the
 * last N days): the centre offers each a training (docs/learning.md §6). Staff who handle requests only.
 */
import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, resourceOrganizations, resourceServices } from '../../db/schema';
import { requestsOfResources } from './requests';
import { type RequestAccess, requireCentreWriter } from './requests-access';

export const NEW_PROVIDER_DAYS = 90;

export async function newProviders(db: DbOrTx, access: RequestAccess, days: number, now: Date) {
  requireCentreWriter(access);
  const pref = access.policy.prefectureCode!;
  const since = new Date(now.getTime() - days * 86_400_000);
  const ro = resourceOrganizations;
  const newestService = sql<Date | null>`(select max(s.created_at) from ${resourceServices} s where s.organization_id = ${ro.id})`;
  const opened = sql<Date>`greatest(${ro.createdAt}, coalesce(${newestService}, ${ro.createdAt}))`;
  const found = await db
    .select({ id: ro.id, name: ro.name, net: ro.networkOrganisationId, openedAt: opened })
    .from(ro)
    .where(
      and(
        eq(ro.prefectureCode, pref),
        or(
          gte(ro.createdAt, since),
          sql`exists (select 1 from ${resourceServices} s where s.organization_id = ${ro.id} and s.created_at >= ${since.toISOString()})`,
        ),
      ),
    )
    .orderBy(desc(opened), ro.name)
    .limit(200);
  const ids = found.map((f) => f.id);
  const [services, requests] = await Promise.all([
    ids.length
      ? db
          .select({
            org: resourceServices.organizationId,
            name: resourceServices.name,
            municipality: municipalities.name,
          })
          .from(resourceServices)
          .leftJoin(municipalities, eq(municipalities.code, resourceServices.municipalityCode))
          .where(inArray(resourceServices.organizationId, ids))
          .orderBy(resourceServices.name)
      : Promise.resolve([]),
    requestsOfResources(db, ids),
  ]);
  return {
    days,
    items: found.map((f) => {
      const own = services.filter((s) => s.org === f.id);
      return {
        id: f.id,
        name: f.name,
        openedAt: new Date(f.openedAt).toISOString(),
        services: own.map((s) => s.name),
        municipalityName: own.find((s) => s.municipality)?.municipality ?? null,
        networkOrganisationId: f.net,
        request: requests.get(f.id) ?? null,
      };
    }),
  };
}
