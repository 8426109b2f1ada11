import type { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { organisations, resourceOrganizations, resourceServices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import type { ZOrganizationInput } from './schemas-service';
import { searchKeyOf } from './text';
import type { ResourceWriter } from './write-service';

type OrgInput = z.infer<typeof ZOrganizationInput>;

const columns = {
  o: resourceOrganizations,
  networkOrganisationName: organisations.name,
  serviceCount: sql<number>`(select count(*)::int from ${resourceServices} where ${resourceServices.organizationId} = ${resourceOrganizations.id})`,
};

type Row = {
  o: typeof resourceOrganizations.$inferSelect;
  networkOrganisationName: string | null;
  serviceCount: number;
};

function present(r: Row) {
  const { createdAt: _c, updatedAt: _u, ...o } = r.o;
  return { ...o, networkOrganisationName: r.networkOrganisationName, serviceCount: Number(r.serviceCount) };
}

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(resourceOrganizations)
    .leftJoin(organisations, eq(organisations.id, resourceOrganizations.networkOrganisationId));
}

/** Organizations of the prefecture; a provider sees only its own. */
export async function listOrganizations(
  db: DbOrTx,
  w: ResourceWriter,
  f: { q?: string | undefined; page: number; pageSize: number },
) {
  const conds = [eq(resourceOrganizations.prefectureCode, w.prefectureCode)];
  if (w.policy.read.kind === 'organisation') {
    conds.push(eq(resourceOrganizations.networkOrganisationId, w.policy.read.organisationId));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    conds.push(or(ilike(resourceOrganizations.name, like), ilike(resourceOrganizations.kana, like))!);
  }
  const where = and(...conds);
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(resourceOrganizations)
    .where(where);
  const rows = await base(db)
    .where(where)
    .orderBy(asc(resourceOrganizations.name), asc(resourceOrganizations.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(present), total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function findOrganization(db: DbOrTx, w: ResourceWriter, unverifiedId: string) {
  const conds = [
    eq(resourceOrganizations.id, unverifiedId),
    eq(resourceOrganizations.prefectureCode, w.prefectureCode),
  ];
  if (w.policy.read.kind === 'organisation') {
    conds.push(eq(resourceOrganizations.networkOrganisationId, w.policy.read.organisationId));
  }
  const [row] = await base(db).where(and(...conds));
  return row ? present(row) : null;
}

async function checkNetworkOrganisation(db: DbOrTx, prefectureCode: string, id: string | null | undefined) {
  if (!id) return;
  const [o] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.prefectureCode, prefectureCode)));
  if (!o) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'networkOrganisationId', message: 'unknown organisation / 関係機関が見つかりません' }],
    });
  }
}

function values(input: OrgInput) {
  return {
    name: input.name,
    kana: input.kana ?? null,
    description: input.description ?? null,
    website: input.website ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    networkOrganisationId: input.networkOrganisationId ?? null,
  };
}

export async function createOrganization(tx: DbOrTx, w: ResourceWriter, input: OrgInput) {
  if (w.policy.write.kind === 'none') throw new AppError('forbidden');
  await checkNetworkOrganisation(tx, w.prefectureCode, input.networkOrganisationId);
  const [o] = await tx
    .insert(resourceOrganizations)
    .values({ ...values(input), prefectureCode: w.prefectureCode, createdAt: w.at, updatedAt: w.at })
    .returning();
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_organization',
    entityIds: [o!.id],
    detail: { name: input.name },
  });
  return (await findOrganization(tx, w, o!.id))!;
}

export async function updateOrganization(
  tx: DbOrTx,
  w: ResourceWriter,
  unverifiedId: string,
  input: OrgInput & { version: number },
) {
  const current = await findOrganization(tx, w, unverifiedId);
  if (!current) throw new AppError('not_found');
  if (w.policy.write.kind === 'none') throw new AppError('forbidden');
  await checkNetworkOrganisation(tx, w.prefectureCode, input.networkOrganisationId);
  const [o] = await tx
    .update(resourceOrganizations)
    .set({ ...values(input), version: sql`${resourceOrganizations.version} + 1`, updatedAt: w.at })
    .where(and(eq(resourceOrganizations.id, current.id), eq(resourceOrganizations.version, input.version)))
    .returning();
  if (!o)
    throw new AppError('conflict', {
      detail: { current, yourVersion: input.version, currentVersion: current.version },
    });
  if (o.name !== current.name || o.kana !== current.kana) await refreshSearchKeys(tx, o);
  await recordAudit(tx, w, {
    action: 'update',
    entityType: 'resource_organization',
    entityIds: [o.id],
    detail: { version: o.version },
  });
  return (await findOrganization(tx, w, o.id))!;
}

/**
 * A service's search key carries its organisation's name and kana (write-service.ts), so a rename rewrites
 * the keys of the organisation's services (and, through the trigger, the public search table). Not a change
 * of the listings themselves: their versions stay.
 */
async function refreshSearchKeys(tx: DbOrTx, o: { id: string; name: string; kana: string | null }) {
  const s = resourceServices;
  const rows = await tx
    .select({ id: s.id, name: s.name, kana: s.kana, description: s.description, searchKey: s.searchKey })
    .from(s)
    .where(eq(s.organizationId, o.id));
  for (const r of rows) {
    const searchKey = searchKeyOf([r.name, r.kana, o.name, o.kana, r.description]);
    if (searchKey !== r.searchKey) await tx.update(s).set({ searchKey }).where(eq(s.id, r.id));
  }
}
