import { and, asc, eq, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';
import { canAdministerUsers } from './policy';

/**
 * The users an administrator may see and manage, as a SQL condition: every user for the system
 * administrator, the non-system users of its own prefecture for a centre administrator, nothing otherwise.
 */
export function manageableUsers(actor: Actor): SQL {
  if (!canAdministerUsers(actor)) return sql`false`;
  if (actor.role === 'system_admin' && actor.prefectureCode === null) return sql`true`;
  if (!actor.prefectureCode) return sql`false`;
  // Users with a prefecture are never system administrators; the role check keeps it so if data is odd.
  return and(eq(users.prefectureCode, actor.prefectureCode), sql`${users.role} <> 'system_admin'`)!;
}

/** Columns an administrator may see: never the password hash or TOTP secret themselves. */
const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  prefectureCode: users.prefectureCode,
  scopeCentreId: users.scopeCentreId,
  scopeRegionId: users.scopeRegionId,
  scopeMunicipalityCode: users.scopeMunicipalityCode,
  scopeDivision: users.scopeDivision,
  scopeOrganisationId: users.scopeOrganisationId,
  totpEnabledAt: users.totpEnabledAt,
  disabledAt: users.disabledAt,
  lockedUntil: users.lockedUntil,
  lastSignInAt: users.lastSignInAt,
  hasPassword: sql<boolean>`${isNotNull(users.passwordHash)}`.mapWith(Boolean),
  version: users.version,
};

export type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

function selectUsers(db: DbOrTx, where: SQL | undefined) {
  return db.select(userColumns).from(users).where(where).orderBy(asc(users.displayName), asc(users.email));
}

/** The API view of a user; `now` decides whether a lock is still in force. */
export function toUserView(row: UserRow, now: Date) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    prefectureCode: row.prefectureCode,
    scope: {
      centreId: row.scopeCentreId,
      regionId: row.scopeRegionId,
      municipalityCode: row.scopeMunicipalityCode,
      division: row.scopeDivision,
      organisationId: row.scopeOrganisationId,
    },
    totpEnabled: row.totpEnabledAt !== null,
    disabled: row.disabledAt !== null,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    invitationPending: !row.hasPassword,
    version: row.version,
  };
}

export type UserView = ReturnType<typeof toUserView>;

export type UserFilter = { q?: string | undefined; role?: Role | undefined; prefecture?: string | undefined };

/** The users the administrator manages, filtered by name/e-mail, role and (system admins) prefecture. */
export async function listManagedUsers(
  db: DbOrTx,
  actor: Actor,
  f: UserFilter,
  now: Date,
): Promise<UserView[]> {
  const conds: SQL[] = [manageableUsers(actor)];
  if (f.role) conds.push(eq(users.role, f.role));
  if (f.prefecture) conds.push(eq(users.prefectureCode, f.prefecture));
  if (f.q) {
    const key = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(users.displayName, key), ilike(users.email, key))!);
  }
  const rows = await selectUsers(db, and(...conds));
  return rows.map((r) => toUserView(r, now));
}

/** One user the administrator manages, or undefined: out of scope is the same as unknown (404). */
export async function findManagedUser(
  db: DbOrTx,
  actor: Actor,
  unverifiedId: string,
): Promise<UserRow | undefined> {
  const [row] = await selectUsers(db, and(eq(users.id, unverifiedId), manageableUsers(actor)));
  return row;
}
