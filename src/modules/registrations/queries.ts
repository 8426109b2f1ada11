import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, registrations } from '../../db/schema';
import type { RegistrationStatus } from '../../db/schema/registry';
import type { Actor } from '../access/actor';
import type { RegistrationSort } from './schemas-review';
import type { RegistrationPayload } from './schemas-submit';
import { registrationScope } from './scope';
import { findSuggestions } from './suggestions';

const summaryColumns = {
  id: registrations.id,
  receiptNo: registrations.receiptNo,
  status: registrations.status,
  submittedAt: registrations.submittedAt,
  submitterKind: registrations.submitterKind,
  municipalityCode: registrations.municipalityCode,
  municipalityName: municipalities.name,
  familyName: sql<string>`coalesce(${registrations.payload}->'child'->>'familyName', '')`,
  givenName: sql<string>`coalesce(${registrations.payload}->'child'->>'givenName', '')`,
  familyKana: registrations.familyKana,
  givenKana: registrations.givenKana,
  birthDate: registrations.birthDate,
};

/**
 * ORDER BY of the queue: the chosen column (an allow-list) in the chosen direction, then the day received and
 * the id so pages never overlap. With no order asked for, pending ones oldest first and decided newest first.
 */
function orderOf(
  status: RegistrationStatus,
  sort: RegistrationSort | undefined,
  dir: 'asc' | 'desc' | undefined,
): SQL[] {
  const d = dir === 'desc' ? sql`desc` : sql`asc`;
  const tail = [asc(registrations.submittedAt), asc(registrations.id)];
  switch (sort) {
    case 'submitted':
      return [sql`${registrations.submittedAt} ${d}`, sql`${registrations.id} ${d}`];
    case 'name':
      return [sql`${summaryColumns.familyName} ${d}`, sql`${summaryColumns.givenName} ${d}`, ...tail];
    case 'kana':
      return [sql`${registrations.familyKana} ${d}`, sql`${registrations.givenKana} ${d}`, ...tail];
    case 'birthDate':
      return [sql`${registrations.birthDate} ${d}`, ...tail];
    case 'municipality':
      return [sql`${registrations.municipalityCode} ${d}`, ...tail];
    case 'source':
      return [sql`${registrations.submitterKind} ${d}`, ...tail];
    default:
      return status === 'pending' ? tail : [desc(registrations.submittedAt), desc(registrations.id)];
  }
}

/**
 * One page of the registrations the actor reviews, with one status. Pending ones come oldest first (a queue);
 * decided ones newest first.
 */
export async function listRegistrations(
  db: DbOrTx,
  actor: Actor,
  f: {
    status: RegistrationStatus;
    sort?: RegistrationSort;
    dir?: 'asc' | 'desc';
    page: number;
    pageSize: number;
  },
) {
  const where = and(registrationScope(actor), eq(registrations.status, f.status));
  const order = orderOf(f.status, f.sort, f.dir);
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(registrations)
    .innerJoin(municipalities, eq(municipalities.code, registrations.municipalityCode))
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && f.page > 1) {
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(registrations).where(where);
    total = count?.n ?? 0;
  }
  return {
    items: rows.map(({ total: _, submittedAt, ...r }) => ({ ...r, submittedAt: submittedAt.toISOString() })),
    total,
  };
}

/**
 * The strongest suggested record of each pending registration of a page (findSuggestions, the same rule and
 * scope as the registration's own page), so the queue tells a likely duplicate from a new child.
 */
export async function bestMatches(
  db: DbOrTx,
  actor: Actor,
  ids: string[],
): Promise<Map<string, { score: number; candidates: number }>> {
  const out = new Map<string, { score: number; candidates: number }>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: registrations.id,
      prefectureCode: registrations.prefectureCode,
      payload: registrations.payload,
    })
    .from(registrations)
    .where(
      and(registrationScope(actor), inArray(registrations.id, ids), eq(registrations.status, 'pending')),
    );
  for (const r of rows) {
    const found = await findSuggestions(
      db,
      actor,
      r.prefectureCode,
      r.payload as unknown as RegistrationPayload,
    );
    if (found[0]) out.set(r.id, { score: found[0].score, candidates: found.length });
  }
  return out;
}

/**
 * One registration by id, or undefined when it does not exist or lies outside the actor's area (callers answer
 * 404). `forUpdate` locks the row for a decision, so two reviewers cannot both decide it.
 */
export async function findRegistration(
  db: DbOrTx,
  actor: Actor,
  unverifiedId: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = db
    .select({
      ...summaryColumns,
      prefectureCode: registrations.prefectureCode,
      reviewedAt: registrations.reviewedAt,
      childId: registrations.childId,
      reviewNote: registrations.reviewNote,
      payload: registrations.payload,
    })
    .from(registrations)
    .innerJoin(municipalities, eq(municipalities.code, registrations.municipalityCode))
    .where(and(eq(registrations.id, unverifiedId), registrationScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update', { of: registrations }) : await query;
  if (!row) return undefined;
  return { ...row, payload: row.payload as unknown as RegistrationPayload };
}

/** A registration as loaded through the scope, with its payload typed. */
export type LoadedRegistration = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;
