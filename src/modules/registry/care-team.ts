/**
 * The child's care team (NA-2): people of the network around the child — the key coordinator, the visiting
 * nurse, the teacher, the 相談支援専門員 … — kept on the record like its other lists (collections.ts: history,
 * audit, optimistic locking). A member is a person of the child's own prefecture (404 otherwise, never
 * revealing another prefecture's people); at most one member is the key coordinator, so naming a new one
 * takes the flag from the previous one in the same write.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childCareTeam, organisations, people } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { ChildRow } from './child-access';

/** The members, key coordinator first, with each person's name, profession and organisation. */
export async function careTeamOf(db: DbOrTx, childId: string) {
  const rows = await db
    .select({
      id: childCareTeam.id,
      personId: childCareTeam.personId,
      role: childCareTeam.role,
      isKeyCoordinator: childCareTeam.isKeyCoordinator,
      note: childCareTeam.note,
      familyName: people.familyName,
      givenName: people.givenName,
      profession: people.profession,
      organisationName: organisations.name,
      phone: people.phone,
      email: people.email,
    })
    .from(childCareTeam)
    .innerJoin(people, eq(people.id, childCareTeam.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(childCareTeam.childId, childId))
    .orderBy(desc(childCareTeam.isKeyCoordinator), asc(childCareTeam.createdAt), asc(childCareTeam.id));
  return rows.map(({ familyName, givenName, ...r }) => ({ ...r, name: `${familyName} ${givenName}` }));
}

/** Checks a member row as it will be stored: a person of the child's prefecture; one key coordinator. */
export async function checkCareTeamMember(
  tx: DbOrTx,
  child: ChildRow,
  row: Record<string, unknown>,
): Promise<void> {
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, String(row.personId)), eq(people.prefectureCode, child.prefectureCode)));
  if (!person)
    throw new AppError('not_found', { issues: [{ path: 'personId', message: String(row.personId) }] });
  if (row.isKeyCoordinator === true) {
    // One key coordinator per child: the flag moves to this member (the history of this write shows the new
    // one; the previous member's row keeps its part).
    const others = row.id ? ne(childCareTeam.id, String(row.id)) : undefined;
    await tx
      .update(childCareTeam)
      .set({ isKeyCoordinator: false })
      .where(and(eq(childCareTeam.childId, child.id), eq(childCareTeam.isKeyCoordinator, true), others));
  }
}
