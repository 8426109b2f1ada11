import { and, asc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { organisations, people } from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { findOrganisation } from './organisations';
import type { CreatePersonInput, UpdatePersonInput } from './schemas';
import { blankToNull, definedOnly, escapeLike, searchKey, type Tenant } from './support';

const personColumns = {
  id: people.id,
  organisationId: people.organisationId,
  organisationName: organisations.name,
  familyName: people.familyName,
  givenName: people.givenName,
  familyKana: people.familyKana,
  givenKana: people.givenKana,
  profession: people.profession,
  coordinatorTier: people.coordinatorTier,
  email: people.email,
  phone: people.phone,
  version: people.version,
};

export type PeopleFilter = {
  organisationId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

/** One page of the prefecture's network people (by kana, then name), with the total. */
export async function listPeople(db: DbOrTx, prefectureCode: string, f: PeopleFilter) {
  const conds: SQL[] = [eq(people.prefectureCode, prefectureCode)];
  if (f.organisationId) conds.push(eq(people.organisationId, f.organisationId));
  if (f.q) {
    const raw = `%${escapeLike(f.q.replace(/[\s\u3000]+/g, ''))}%`;
    const kana = `%${escapeLike(searchKey(f.q))}%`;
    conds.push(
      or(
        like(sql`${people.familyName} || ${people.givenName}`, raw),
        like(sql`coalesce(${people.familyKana}, '') || coalesce(${people.givenKana}, '')`, kana),
      )!,
    );
  }
  const where = and(...conds);
  const [items, [count]] = await Promise.all([
    db
      .select(personColumns)
      .from(people)
      .leftJoin(organisations, eq(organisations.id, people.organisationId))
      .where(where)
      .orderBy(
        sql`${people.familyKana} asc nulls last`,
        sql`${people.givenKana} asc nulls last`,
        asc(people.familyName),
        asc(people.id),
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** One person of the prefecture, or undefined (callers answer 404). */
export async function findPerson(db: DbOrTx, prefectureCode: string, unverifiedId: string) {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.id, unverifiedId), eq(people.prefectureCode, prefectureCode)));
  return row;
}

export type PersonView = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** An organisation of another prefecture is reported exactly like an unknown one. */
async function checkOrganisation(
  db: DbOrTx,
  prefectureCode: string,
  organisationId: string | null | undefined,
) {
  if (organisationId && !(await findOrganisation(db, prefectureCode, organisationId))) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'organisationId', message: 'Unknown organisation / 関係機関が見つかりません' }],
    });
  }
}

/** Creates a network contact; audited. */
export async function createPerson(tx: DbOrTx, t: Tenant, input: CreatePersonInput): Promise<PersonView> {
  await checkOrganisation(tx, t.prefectureCode, input.organisationId);
  const [row] = await tx
    .insert(people)
    .values({
      prefectureCode: t.prefectureCode,
      organisationId: input.organisationId ?? null,
      familyName: input.familyName,
      givenName: input.givenName,
      familyKana: blankToNull(input.familyKana) ?? null,
      givenKana: blankToNull(input.givenKana) ?? null,
      profession: blankToNull(input.profession) ?? null,
      coordinatorTier: input.coordinatorTier ?? null,
      email: blankToNull(input.email) ?? null,
      phone: blankToNull(input.phone) ?? null,
    })
    .returning({ id: people.id });
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'person',
    entityIds: [row!.id],
    detail: { event: 'created', organisationId: input.organisationId ?? null },
    prefectureCode: t.prefectureCode,
  });
  return (await findPerson(tx, t.prefectureCode, row!.id))!;
}

/** Changes a network contact (optimistic lock); audited with the names of the changed fields only. */
export async function updatePerson(
  tx: DbOrTx,
  t: Tenant,
  unverifiedId: string,
  input: UpdatePersonInput,
): Promise<PersonView> {
  const existing = await findPerson(tx, t.prefectureCode, unverifiedId);
  if (!existing) throw new AppError('not_found');
  await checkOrganisation(tx, t.prefectureCode, input.organisationId);
  const set = definedOnly({
    organisationId: input.organisationId,
    familyName: input.familyName,
    givenName: input.givenName,
    familyKana: blankToNull(input.familyKana),
    givenKana: blankToNull(input.givenKana),
    profession: blankToNull(input.profession),
    coordinatorTier: input.coordinatorTier,
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
  });
  const updated = await tx
    .update(people)
    .set({ ...set, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, existing.id), eq(people.version, input.version)))
    .returning({ id: people.id });
  if (updated.length === 0) {
    const current = await findPerson(tx, t.prefectureCode, existing.id);
    throw current ? new AppError('conflict', { detail: { current } }) : new AppError('not_found');
  }
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'person',
    entityIds: [existing.id],
    detail: { event: 'updated', changed: Object.keys(set) },
    prefectureCode: t.prefectureCode,
  });
  return (await findPerson(tx, t.prefectureCode, existing.id))!;
}
