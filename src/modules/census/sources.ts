import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusSources } from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { assertMunicipalityCodes } from '../network/support';
import type { ZCreateSource, ZSource, ZUpdateSourceMapping } from './schemas';

/**
 * Census sources of one prefecture (the prefecture always comes from censusReader/censusWriter, never from
 * the request). Sources hold no personal data; changes are audited as configuration.
 */
export type SourceRow = typeof censusSources.$inferSelect;
export type SourceView = z.infer<typeof ZSource>;
export type Who = { actor: Actor; meta: RequestMeta | null; at: Date };

export function sourceView(row: SourceRow): SourceView {
  return {
    id: row.id,
    name: row.name,
    sourceType: row.sourceType,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityCode ? (findMunicipality(row.municipalityCode)?.name ?? null) : null,
    mapping: row.mapping,
    version: row.version,
  };
}

/** The prefecture's sources; with `municipalityCodes` (a municipality's staff) only those municipalities' own. */
export async function listSources(
  db: DbOrTx,
  prefectureCode: string,
  municipalityCodes: readonly string[] | null = null,
): Promise<SourceView[]> {
  const rows = await db
    .select()
    .from(censusSources)
    .where(and(eq(censusSources.prefectureCode, prefectureCode), ofMunicipalities(municipalityCodes)))
    .orderBy(asc(censusSources.name));
  return rows.map(sourceView);
}

/** Sources of these municipalities only (null: every source of the prefecture). */
export function ofMunicipalities(municipalityCodes: readonly string[] | null) {
  return municipalityCodes === null
    ? undefined
    : municipalityCodes.length === 0
      ? sql`false`
      : inArray(censusSources.municipalityCode, [...municipalityCodes]);
}

/**
 * The source of the prefecture (and of these municipalities, for a municipality's staff), or undefined: another
 * prefecture's or municipality's id is simply not found.
 */
export async function findSource(
  db: DbOrTx,
  prefectureCode: string,
  unverifiedId: string,
  municipalityCodes: readonly string[] | null = null,
): Promise<SourceRow | undefined> {
  const [row] = await db
    .select()
    .from(censusSources)
    .where(
      and(
        eq(censusSources.id, unverifiedId),
        eq(censusSources.prefectureCode, prefectureCode),
        ofMunicipalities(municipalityCodes),
      ),
    );
  return row;
}

/** Creates a source; a name already used in the prefecture answers 'duplicate'. Audited in the same transaction. */
export async function createSource(
  db: DbOrTx,
  who: Who,
  prefectureCode: string,
  input: z.infer<typeof ZCreateSource>,
): Promise<SourceView> {
  const municipalityCode = input.municipalityCode ?? null;
  if (municipalityCode) await assertMunicipalityCodes(db, prefectureCode, [municipalityCode]);
  const [clash] = await db
    .select({ id: censusSources.id })
    .from(censusSources)
    .where(and(eq(censusSources.prefectureCode, prefectureCode), eq(censusSources.name, input.name)));
  if (clash) throw new AppError('duplicate', { issues: [{ path: 'name', message: input.name }] });
  const [row] = await db
    .insert(censusSources)
    .values({ prefectureCode, name: input.name, sourceType: input.sourceType, municipalityCode })
    .returning();
  await recordAudit(db, who, {
    action: 'configure',
    entityType: 'census_source',
    entityIds: [row!.id],
    detail: { event: 'created', name: input.name, sourceType: input.sourceType },
  });
  return sourceView(row!);
}

/**
 * Replaces a source's hand mapping under optimistic locking: a stale `version` answers 'conflict' with the
 * current source. Audited in the caller's transaction.
 */
export async function updateSourceMapping(
  db: DbOrTx,
  who: Who,
  prefectureCode: string,
  unverifiedId: string,
  input: z.infer<typeof ZUpdateSourceMapping>,
): Promise<SourceView> {
  const [row] = await db
    .update(censusSources)
    .set({ mapping: input.mapping, version: sql`${censusSources.version} + 1` })
    .where(
      and(
        eq(censusSources.id, unverifiedId),
        eq(censusSources.prefectureCode, prefectureCode),
        eq(censusSources.version, input.version),
      ),
    )
    .returning();
  if (!row) {
    const current = await findSource(db, prefectureCode, unverifiedId);
    throw current
      ? new AppError('conflict', { detail: { current: sourceView(current) } })
      : new AppError('not_found');
  }
  await recordAudit(db, who, {
    action: 'configure',
    entityType: 'census_source',
    entityIds: [row.id],
    detail: { event: 'mapping_updated', keys: Object.keys(input.mapping).length },
  });
  return sourceView(row);
}

/** Saves a mapping onto a source without a version check (the upload's "save this mapping"); audited. */
export async function saveSourceMapping(
  db: DbOrTx,
  who: Who,
  source: SourceRow,
  mapping: Record<string, SourceRow['mapping'][string]>,
): Promise<void> {
  await db
    .update(censusSources)
    .set({ mapping, version: sql`${censusSources.version} + 1` })
    .where(eq(censusSources.id, source.id));
  await recordAudit(db, who, {
    action: 'configure',
    entityType: 'census_source',
    entityIds: [source.id],
    detail: { event: 'mapping_saved_on_upload', keys: Object.keys(mapping).length },
  });
}
