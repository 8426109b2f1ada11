import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  municipalities,
  resourceLinks,
  resourceOrganizations,
  resourceRoundItems,
  resourceRounds,
  resourceServices,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { ServiceType } from '../../shared/vocab/resources';
import { recordAudit } from '../audit/record';
import { issueProviderLinks } from './links';
import type { RoundItemSort } from './schemas-work';
import type { ResourceWriter } from './write-service';

/**
 * Yearly re-confirmation (年度): a round lists every active service of the prefecture and issues a link for
 * each; a listing confirmed in any way afterwards counts as confirmed in the round. Reminders issue fresh links
 * for the ones not confirmed yet (the old links die: only hashes are kept, so they cannot be shown again).
 */

async function roundSummary(db: DbOrTx, prefectureCode: string, id: string) {
  const [r] = await db
    .select({
      id: resourceRounds.id,
      nendo: resourceRounds.nendo,
      createdAt: resourceRounds.createdAt,
      serviceCount: sql<number>`(select count(*)::int from ${resourceRoundItems} where ${resourceRoundItems.roundId} = ${resourceRounds.id})`,
      confirmedCount: sql<number>`(select count(*)::int from ${resourceRoundItems} where ${resourceRoundItems.roundId} = ${resourceRounds.id} and ${resourceRoundItems.confirmedAt} is not null)`,
    })
    .from(resourceRounds)
    .where(and(eq(resourceRounds.id, id), eq(resourceRounds.prefectureCode, prefectureCode)));
  if (!r) return null;
  return { ...r, createdAt: r.createdAt.toISOString() };
}

export async function listRounds(db: DbOrTx, prefectureCode: string) {
  const rows = await db
    .select({ id: resourceRounds.id })
    .from(resourceRounds)
    .where(eq(resourceRounds.prefectureCode, prefectureCode))
    .orderBy(desc(resourceRounds.nendo));
  const out = [];
  for (const r of rows) out.push((await roundSummary(db, prefectureCode, r.id))!);
  return out;
}

/** The open link's expiry of a listing (the latest unused one). */
const linkExpires = sql<string | null>`(select max(${resourceLinks.expiresAt}) from ${resourceLinks}
        where ${resourceLinks.serviceId} = ${resourceServices.id} and ${resourceLinks.usedAt} is null)`;

/**
 * ORDER BY of a round's listings: the chosen column (an allow-list, never a name from the request) in the
 * chosen direction, then municipality, name and id so the order is stable.
 */
function roundItemOrder(sort: RoundItemSort | undefined, dir: 'asc' | 'desc' | undefined): SQL[] {
  const d = dir === 'desc' ? sql`desc` : sql`asc`;
  // Dates: "not yet" (null) is the earliest, so it comes first ascending and last descending.
  const dn = dir === 'desc' ? sql`desc nulls last` : sql`asc nulls first`;
  const tail = [asc(resourceServices.municipalityCode), asc(resourceServices.name), asc(resourceServices.id)];
  switch (sort) {
    case 'name':
      return [sql`${resourceServices.name} ${d}`, asc(resourceServices.id)];
    case 'organization':
      return [sql`${resourceOrganizations.name} ${d}`, ...tail];
    case 'type':
      return [sql`${resourceServices.type} ${d}`, ...tail];
    case 'municipality':
      return [
        sql`${resourceServices.municipalityCode} ${d}`,
        asc(resourceServices.name),
        asc(resourceServices.id),
      ];
    case 'confirmed':
      return [sql`${resourceRoundItems.confirmedAt} ${dn}`, ...tail];
    case 'linkExpires':
      return [sql`${linkExpires} ${dn}`, ...tail];
    case 'lastConfirmed':
      return [sql`${resourceServices.lastConfirmedAt} ${dn}`, ...tail];
    default:
      return tail;
  }
}

export async function roundDetail(
  db: DbOrTx,
  prefectureCode: string,
  unverifiedId: string,
  order: { sort?: RoundItemSort | undefined; dir?: 'asc' | 'desc' | undefined } = {},
) {
  const round = await roundSummary(db, prefectureCode, unverifiedId);
  if (!round) throw new AppError('not_found');
  const items = await db
    .select({
      serviceId: resourceServices.id,
      serviceName: resourceServices.name,
      organizationName: resourceOrganizations.name,
      type: resourceServices.type,
      municipalityCode: resourceServices.municipalityCode,
      municipalityName: municipalities.name,
      email: sql<string | null>`coalesce(${resourceServices.email}, ${resourceOrganizations.email})`,
      phone: sql<string | null>`coalesce(${resourceServices.phone}, ${resourceOrganizations.phone})`,
      confirmedAt: resourceRoundItems.confirmedAt,
      linkExpiresAt: linkExpires,
      lastConfirmedAt: resourceServices.lastConfirmedAt,
    })
    .from(resourceRoundItems)
    .innerJoin(resourceServices, eq(resourceServices.id, resourceRoundItems.serviceId))
    .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
    .leftJoin(municipalities, eq(municipalities.code, resourceServices.municipalityCode))
    .where(eq(resourceRoundItems.roundId, round.id))
    .orderBy(...roundItemOrder(order.sort, order.dir));
  return {
    ...round,
    items: items.map((i) => ({
      ...i,
      type: i.type as ServiceType,
      confirmedAt: i.confirmedAt ? i.confirmedAt.toISOString() : null,
      linkExpiresAt: i.linkExpiresAt ? new Date(i.linkExpiresAt).toISOString() : null,
      lastConfirmedAt: i.lastConfirmedAt ? i.lastConfirmedAt.toISOString() : null,
    })),
  };
}

export async function createRound(tx: DbOrTx, w: ResourceWriter, nendo: number) {
  if (!w.policy.prefectureWide) throw new AppError('forbidden');
  const [existing] = await tx
    .select({ id: resourceRounds.id })
    .from(resourceRounds)
    .where(and(eq(resourceRounds.prefectureCode, w.prefectureCode), eq(resourceRounds.nendo, nendo)));
  if (existing) throw new AppError('resource_round_exists');
  const [round] = await tx
    .insert(resourceRounds)
    .values({ prefectureCode: w.prefectureCode, nendo, createdBy: w.actor?.userId ?? null, createdAt: w.at })
    .returning();
  const services = await tx
    .select({
      id: resourceServices.id,
      name: resourceServices.name,
      prefectureCode: resourceServices.prefectureCode,
    })
    .from(resourceServices)
    .where(and(eq(resourceServices.prefectureCode, w.prefectureCode), eq(resourceServices.status, 'active')))
    .orderBy(asc(resourceServices.municipalityCode), asc(resourceServices.name));
  for (let i = 0; i < services.length; i += 1000) {
    await tx
      .insert(resourceRoundItems)
      .values(
        services
          .slice(i, i + 1000)
          .map((s) => ({ roundId: round!.id, serviceId: s.id, prefectureCode: w.prefectureCode })),
      );
  }
  const links = await issueProviderLinks(tx, services, {
    createdBy: w.actor?.userId ?? null,
    now: w.at,
    roundId: round!.id,
  });
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_round',
    entityIds: [round!.id],
    detail: { nendo, services: services.length },
  });
  return { round: (await roundSummary(tx, w.prefectureCode, round!.id))!, links };
}

export async function remindRound(tx: DbOrTx, w: ResourceWriter, unverifiedId: string) {
  if (!w.policy.prefectureWide) throw new AppError('forbidden');
  const round = await roundSummary(tx, w.prefectureCode, unverifiedId);
  if (!round) throw new AppError('not_found');
  const services = await tx
    .select({
      id: resourceServices.id,
      name: resourceServices.name,
      prefectureCode: resourceServices.prefectureCode,
    })
    .from(resourceRoundItems)
    .innerJoin(resourceServices, eq(resourceServices.id, resourceRoundItems.serviceId))
    .where(and(eq(resourceRoundItems.roundId, round.id), isNull(resourceRoundItems.confirmedAt)))
    .orderBy(asc(resourceServices.municipalityCode), asc(resourceServices.name));
  const links = await issueProviderLinks(tx, services, {
    createdBy: w.actor?.userId ?? null,
    now: w.at,
    roundId: round.id,
  });
  await recordAudit(tx, w, {
    action: 'update',
    entityType: 'resource_round',
    entityIds: [round.id],
    detail: { event: 'reminders', services: services.length },
  });
  return { round, links };
}
