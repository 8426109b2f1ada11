import { eq, lt, or, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { centreRegions, centres, sessions, users } from '../../db/schema';
import type { Deps } from '../../server/context';
import type { ScopeFacts } from '../access/resolve-actor';
import { randomToken, tokenHash } from './crypto';
import { isLocked, secondFactorPending } from './lockout';

/**
 * lastSeenAt is written at most this often, so reads do not each cost a write (and a WAL flush): the idle
 * expiry is counted from a last-seen time up to a minute old, which a limit of minutes does not notice.
 */
export const TOUCH_EVERY_MS = 60_000;

type UserRow = typeof users.$inferSelect;

function sessionSelect(db: DbOrTx) {
  return db
    .select({
      session: sessions,
      user: users,
      centreKind: centres.kind,
      centreRegionIds: sql<string[]>`coalesce((select array_agg(${centreRegions.regionId}::text)
        from ${centreRegions} where ${centreRegions.centreId} = ${users.scopeCentreId}), '{}'::text[])`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(sessions.id, sql.placeholder('id')));
}

const preparedLookups = new WeakMap<object, ReturnType<ReturnType<typeof sessionSelect>['prepare']>>();

/**
 * The session look-up of every signed-in request, prepared once per database: the server parses and plans it
 * once per connection instead of at every request, and the SQL is built once (decision 0015). Inside a
 * transaction it is built for that transaction.
 */
function sessionLookup(db: DbOrTx) {
  if (db instanceof PgTransaction) return sessionSelect(db).prepare('session_lookup');
  let p = preparedLookups.get(db);
  if (!p) {
    p = sessionSelect(db).prepare('session_lookup');
    preparedLookups.set(db, p);
  }
  return p;
}
type SessionRow = typeof sessions.$inferSelect;

/**
 * Starts a new session for the user. Called at every sign-in: the old cookie (if any) is deleted first,
 * so a session id fixed before sign-in never becomes authenticated (rotation).
 */
export async function createSession(
  deps: Pick<Deps, 'now' | 'config'>,
  db: DbOrTx,
  userId: string,
  opts: {
    previousToken?: string | undefined;
    secondFactorDone: boolean;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<{ token: string; csrfToken: string }> {
  if (opts.previousToken) await db.delete(sessions).where(eq(sessions.id, tokenHash(opts.previousToken)));
  const token = randomToken();
  const csrfToken = randomToken();
  const now = deps.now();
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    secondFactorDone: opts.secondFactorDone,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteMs),
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken };
}

/**
 * Loads a live session and its user; deletes and ignores it when idle-expired, expired, the user is disabled,
 * or the account is locked while the session still owes its second factor (a lock ends half-signed sessions).
 * One statement reads the session, the user and what resolving the user's scope needs (the kind of its centre
 * and the regions that centre covers), so a request's session costs one read; lastSeenAt is touched at most
 * once a minute ({@link TOUCH_EVERY_MS}).
 */
export async function findSession(
  deps: Pick<Deps, 'now' | 'config'>,
  db: DbOrTx,
  token: string,
): Promise<{ session: SessionRow; user: UserRow; facts: ScopeFacts } | null> {
  const id = tokenHash(token);
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) return null;
  const now = deps.now().getTime();
  const idle = now - row.session.lastSeenAt.getTime() > deps.config.sessionIdleMs;
  const lockedHalfSigned = isLocked(row.user, new Date(now)) && secondFactorPending(row.user, row.session);
  if (idle || row.session.expiresAt.getTime() <= now || row.user.disabledAt || lockedHalfSigned) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    session: row.session,
    user: row.user,
    facts: { centreKind: row.centreKind ?? null, centreRegionIds: row.centreRegionIds },
  };
}

export async function markSecondFactorDone(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Housekeeping: drops sessions past their absolute expiry or idle for longer than the idle limit. */
export async function purgeExpiredSessions(deps: Deps, db: DbOrTx): Promise<void> {
  const now = deps.now();
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now),
        lt(sessions.lastSeenAt, new Date(now.getTime() - deps.config.sessionIdleMs)),
      ),
    );
}
