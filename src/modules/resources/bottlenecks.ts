import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { regions, resourceBottlenecks, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { BOTTLENECK_KINDS } from '../../shared/vocab/resources';
import { recordAudit } from '../audit/record';
import type { ResourceArea } from './policy';
import type { ResourceWriter } from './write-service';

function regionInArea(area: ResourceArea, regionId: string) {
  return area.kind === 'prefecture' || (area.kind === 'regions' && area.regionIds.includes(regionId));
}

/** Bottlenecks of the prefecture (or one region), newest first, with whether the caller may delete each. */
export async function listBottlenecks(db: DbOrTx, w: ResourceWriter, regionId?: string) {
  const rows = await db
    .select({ b: resourceBottlenecks, regionName: regions.name, createdByName: users.displayName })
    .from(resourceBottlenecks)
    .innerJoin(regions, eq(regions.id, resourceBottlenecks.regionId))
    .leftJoin(users, eq(users.id, resourceBottlenecks.createdBy))
    .where(
      and(
        eq(resourceBottlenecks.prefectureCode, w.prefectureCode),
        regionId ? eq(resourceBottlenecks.regionId, regionId) : undefined,
      ),
    )
    .orderBy(desc(resourceBottlenecks.createdAt));
  return rows.map((r) => ({
    id: r.b.id,
    regionId: r.b.regionId,
    regionName: r.regionName,
    careItem: r.b.careItem,
    kind: r.b.kind as (typeof BOTTLENECK_KINDS)[number],
    note: r.b.note,
    createdAt: r.b.createdAt.toISOString(),
    createdBy: r.createdByName,
    allowed: { delete: regionInArea(w.policy.bottlenecks, r.b.regionId) },
  }));
}

export async function createBottleneck(
  tx: DbOrTx,
  w: ResourceWriter,
  input: {
    regionId: string;
    careItem?: string | null | undefined;
    kind: string;
    note?: string | null | undefined;
  },
) {
  // Refused by role before the region is looked up, so the answer is the same whatever the body names.
  if (w.policy.bottlenecks.kind === 'none') throw new AppError('forbidden');
  const [region] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.id, input.regionId), eq(regions.prefectureCode, w.prefectureCode)));
  if (!region) throw new AppError('not_found');
  if (!regionInArea(w.policy.bottlenecks, region.id)) throw new AppError('forbidden');
  const [b] = await tx
    .insert(resourceBottlenecks)
    .values({
      prefectureCode: w.prefectureCode,
      regionId: region.id,
      careItem: input.careItem ?? null,
      kind: input.kind,
      note: input.note ?? null,
      createdBy: w.actor?.userId ?? null,
      createdAt: w.at,
    })
    .returning();
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_bottleneck',
    entityIds: [b!.id],
    detail: { regionId: region.id, kind: input.kind },
  });
  return (await listBottlenecks(tx, w, region.id)).find((x) => x.id === b!.id)!;
}

/**
 * Deletes a bottleneck: 404 when the caller does not read bottlenecks at all (providers: the gaps are not
 * theirs) or the id is unknown or another prefecture's, 403 when the caller reads it but its region is not
 * theirs to change. Out of scope first, so that a real id and an unknown one answer alike.
 */
export async function deleteBottleneck(tx: DbOrTx, w: ResourceWriter, unverifiedId: string) {
  if (!w.policy.gaps) throw new AppError('not_found');
  const [b] = await tx
    .select()
    .from(resourceBottlenecks)
    .where(
      and(eq(resourceBottlenecks.id, unverifiedId), eq(resourceBottlenecks.prefectureCode, w.prefectureCode)),
    );
  if (!b) throw new AppError('not_found');
  if (!regionInArea(w.policy.bottlenecks, b.regionId)) throw new AppError('forbidden');
  await tx.delete(resourceBottlenecks).where(eq(resourceBottlenecks.id, b.id));
  await recordAudit(tx, w, {
    action: 'delete',
    entityType: 'resource_bottleneck',
    entityIds: [b.id],
    detail: { regionId: b.regionId, kind: b.kind },
  });
}
