import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalities, registrations } from '../../db/schema';
import type { RegistrationStatus } from '../../db/schema/registry';
import type { Actor } from '../access/actor';
import type { RegistrationPayload } from './schemas-submit';
import { registrationScope } from './scope';

const summaryColumns = {
  id: registrations.id,
  receiptNo: registrations.receiptNo,
  status: registrations.status,
  submittedAt: registrations.submittedAt,
  submitterKind: registrations.submitterKind,
  municipalityCode: registrations.municipalityCode,
  municipalityName: municipalities.name,
  familyKana: registrations.familyKana,
  givenKana: registrations.givenKana,
  birthDate: registrations.birthDate,
};

/**
 * One page of the registrations the actor reviews, with one status. Pending ones come oldest first (a queue);
 * decided ones newest first.
 */
export async function listRegistrations(
  db: DbOrTx,
  actor: Actor,
  f: { status: RegistrationStatus; page: number; pageSize: number },
) {
  const where = and(registrationScope(actor), eq(registrations.status, f.status));
  const order =
    f.status === 'pending'
      ? [asc(registrations.submittedAt), asc(registrations.id)]
      : [desc(registrations.submittedAt), desc(registrations.id)];
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
