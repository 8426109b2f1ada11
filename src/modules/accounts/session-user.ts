import type { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../db/client';
import type { users } from '../../db/schema';
import { resolveActor } from '../access/resolve-actor';
import type { ZSessionUser } from './schemas';

/** The user part of every session answer (GET /session, sign-in, second factor), with the resolved scope's kind. */
export async function sessionUserOf(
  db: DbOrTx,
  user: typeof users.$inferSelect,
): Promise<z.infer<typeof ZSessionUser>> {
  const actor = await resolveActor(db, user);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    prefectureCode: user.prefectureCode,
    scopeKind: actor.scope.kind,
    locale: user.locale,
  };
}
