import type { z } from '@hono/zod-openapi';
import { asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { regionMunicipalities, resourceServices } from '../../db/schema';
import { type SERVICE_STATUSES, SERVICE_TYPES, type ServiceType } from '../../shared/vocab/resources';
import { areaSql, selectServices } from './queries';
import type { ZListServicesQuery } from './schemas-service';
import { isStale, queryKey, STALE_AFTER_MONTHS } from './text';
import type { ResourceWriter } from './write-service';

type Filter = z.infer<typeof ZListServicesQuery>;

/** The order of the page: the chosen column (types in the vocabulary's order, never-confirmed as oldest), then name. */
function orderOf(f: Filter): SQL[] {
  const s = resourceServices;
  const by = f.dir === 'desc' ? desc : asc;
  const nulls = f.dir === 'desc' ? sql`nulls last` : sql`nulls first`;
  const key: SQL[] =
    f.sort === 'name'
      ? []
      : f.sort === 'type'
        ? [
            by(
              sql`array_position(array[${sql.join(
                SERVICE_TYPES.map((t) => sql`${t}`),
                sql`, `,
              )}]::text[], ${s.type})`,
            ),
          ]
        : f.sort === 'vacancy'
          ? [sql`${s.vacancy} ${f.dir === 'desc' ? sql`desc` : sql`asc`} nulls last`]
          : f.sort === 'lastConfirmed'
            ? [sql`${s.lastConfirmedAt} ${f.dir === 'desc' ? sql`desc` : sql`asc`} ${nulls}`]
            : [by(s.municipalityCode)];
  return [...key, by(sql`coalesce(${s.kana}, ${s.name})`), by(s.name), asc(s.id)];
}

/** The staff list of listings within the caller's read area. */
export async function listServices(db: DbOrTx, w: ResourceWriter, f: Filter) {
  const s = resourceServices;
  const conds: SQL[] = [areaSql(w.prefectureCode, w.policy.read)];
  if (f.type) conds.push(sql`${s.type} = ${f.type}`);
  if (f.status) conds.push(sql`${s.status} = ${f.status}`);
  if (f.municipalityCode) conds.push(sql`${s.municipalityCode} = ${f.municipalityCode}`);
  if (f.regionId) {
    conds.push(
      sql`${s.municipalityCode} in (select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
            where ${eq(regionMunicipalities.regionId, f.regionId)} and ${isNull(regionMunicipalities.validTo)})`,
    );
  }
  if (f.organizationId) conds.push(sql`${s.organizationId} = ${f.organizationId}`);
  if (f.careItem) conds.push(sql`${s.accepts} @> array[${f.careItem}]::text[]`);
  const staleBefore = new Date(w.at);
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - STALE_AFTER_MONTHS);
  if (f.stale === 'true')
    conds.push(sql`(${s.lastConfirmedAt} is null or ${s.lastConfirmedAt} < ${staleBefore})`);
  if (f.stale === 'false') conds.push(sql`${s.lastConfirmedAt} >= ${staleBefore}`);
  if (f.q) {
    const key = queryKey(f.q);
    const office = f.q.trim();
    if (key) conds.push(sql`(${s.searchKey} like ${`%${key}%`} or ${s.officeNumber} = ${office})`);
  }
  const where = sql.join(conds, sql` and `);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(s)
    .where(where);
  const page = await db
    .select({ id: s.id })
    .from(s)
    .where(where)
    .orderBy(...orderOf(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await selectServices(db).where(inArray(s.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.s.id, r]));
  const items = ids
    .map((id) => byId.get(id)!)
    .map((r) => ({
      id: r.s.id,
      organizationId: r.s.organizationId,
      organizationName: r.organizationName,
      name: r.s.name,
      type: r.s.type as ServiceType,
      status: r.s.status as (typeof SERVICE_STATUSES)[number],
      officeNumber: r.s.officeNumber,
      municipalityCode: r.s.municipalityCode,
      municipalityName: r.municipalityName,
      address: r.loc?.address ?? '',
      accepts: r.s.accepts,
      capacity: r.s.capacity,
      vacancy: r.s.vacancy,
      lastConfirmedAt: r.s.lastConfirmedAt ? r.s.lastConfirmedAt.toISOString() : null,
      stale: isStale(r.s.lastConfirmedAt, w.at, STALE_AFTER_MONTHS),
      version: r.s.version,
    }));
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}
