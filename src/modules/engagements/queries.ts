/**
 * Reading engagements within the actor's area (scope.ts): the list with its filters, one engagement by an
 * unverified id (404 outside the area, like an unknown id).
 */
import { aliasedTable, and, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { engagements, municipalities, regionMunicipalities, regions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { nendoOf, nendoRange } from '../../shared/nendo';
import type { EngagementPolicy } from './policy';
import type { Engagement, EngagementRow, ListQuery } from './schemas';
import { municipalityScope } from './scope';

/** Rows a page of the list: enough to choose from, short enough to read without a long scroll. */
export const PAGE_SIZE = 25;

const recorder = aliasedTable(users, 'recorder');
const updater = aliasedTable(users, 'updater');

/** The tenant and area condition every engagement query starts from. */
export function engagementScope(policy: EngagementPolicy): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return and(
    eq(engagements.prefectureCode, policy.prefectureCode),
    municipalityScope(policy, engagements.municipalityCode),
  )!;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

const rowColumns = {
  e: engagements,
  municipalityName: municipalities.name,
  regionName: regions.name,
  recordedByName: recorder.displayName,
  recordedByRole: recorder.role,
  updatedByName: updater.displayName,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(rowColumns)
    .from(engagements)
    .innerJoin(municipalities, eq(municipalities.code, engagements.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, engagements.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .innerJoin(recorder, eq(recorder.id, engagements.recordedBy))
    .innerJoin(updater, eq(updater.id, engagements.updatedBy));
}

type Raw = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toRow(r: Raw): EngagementRow {
  const e = r.e;
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    occurredOn: e.occurredOn,
    nendo: nendoOf(e.occurredOn),
    subject: e.subject,
    municipalityCode: e.municipalityCode,
    municipalityName: r.municipalityName,
    regionName: r.regionName ?? null,
    divisions: e.divisions,
    lifeElement: e.lifeElement ?? null,
    request: e.request ?? null,
    outcome: e.outcome ?? null,
    goodExample: e.goodExample,
    goodExampleUses: e.goodExampleUses,
    goodExampleNote: e.goodExampleNote ?? null,
    recordedByName: r.recordedByName,
    recordedByMunicipality: r.recordedByRole === 'municipal_staff',
  };
}

function clean(o: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((x): x is [string, string] => !!x[1]));
}

function toEngagement(r: Raw, canEdit: boolean): Engagement {
  const e = r.e;
  return {
    ...toRow(r),
    place: e.place ?? null,
    attendees: e.attendees ?? null,
    hearing: clean(e.hearing),
    notes: e.notes ?? null,
    assessment: e.assessment ?? null,
    approach: e.approach ?? null,
    municipalAction: e.municipalAction ?? null,
    analysisNotes: clean(e.analysisNotes),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    updatedByName: r.updatedByName,
    version: e.version,
    canEdit,
  };
}

/** The engagements of the area matching the filters, newest first, one page. */
export async function listEngagements(
  db: DbOrTx,
  policy: EngagementPolicy,
  q: Partial<ListQuery>,
  limit = PAGE_SIZE,
): Promise<{ items: EngagementRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [engagementScope(policy)];
  if (q.kind) conds.push(eq(engagements.kind, q.kind));
  if (q.status) conds.push(eq(engagements.status, q.status));
  if (q.municipalityCode) conds.push(eq(engagements.municipalityCode, q.municipalityCode));
  if (q.goodExample) conds.push(eq(engagements.goodExample, true));
  if (q.nendo) {
    const { start, end } = nendoRange(q.nendo);
    conds.push(sql`${engagements.occurredOn} between ${start} and ${end}`);
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(ilike(engagements.subject, like), ilike(engagements.notes, like), ilike(municipalities.name, like)),
    );
  }
  const where = and(...conds);
  const page = q.page ?? 1;
  const rows = await baseQuery(db)
    .where(where)
    .orderBy(desc(engagements.occurredOn), desc(engagements.createdAt), engagements.id)
    .limit(limit)
    .offset((page - 1) * limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(engagements)
    .innerJoin(municipalities, eq(municipalities.code, engagements.municipalityCode))
    .where(where);
  return { items: rows.map(toRow), total: Number(count?.n ?? 0) };
}

/** One engagement of the area by an unverified id; 404 when unknown or outside the area. */
export async function engagementById(
  db: DbOrTx,
  policy: EngagementPolicy,
  unverifiedId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Engagement> {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const q = baseQuery(db).where(and(eq(engagements.id, unverifiedId), engagementScope(policy)));
  const [row] = opts.forUpdate ? await q.for('update', { of: engagements }) : await q;
  if (!row) throw new AppError('not_found');
  return toEngagement(row, policy.write);
}
