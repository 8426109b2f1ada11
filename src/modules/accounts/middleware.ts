import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { resolveActor } from '../access/resolve-actor';
import { ROLE_INFO } from '../access/roles';
import { readSessionCookie } from './cookie';
import { findSession } from './sessions';

/** Loads the session named by the cookie (if any) and, when it is complete, the actor. */
export function loadSession(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(deps, c);
    if (token) {
      const found = await findSession(deps, deps.db.systemDb, token);
      if (found) {
        const { session, user, facts } = found;
        const totpRequired = ROLE_INFO[user.role].requiresTotp;
        const enrolled = Boolean(user.totpEnabledAt);
        const mustEnrolTotp = totpRequired && !enrolled;
        const mustVerifyTotp = enrolled && !session.secondFactorDone;
        c.set('session', {
          id: session.id,
          csrfToken: session.csrfToken,
          userId: user.id,
          secondFactorDone: session.secondFactorDone,
          mustEnrolTotp,
          mustVerifyTotp,
        });
        if (!mustEnrolTotp && !mustVerifyTotp) {
          c.set('actor', await resolveActor(deps.db.systemDb, user, facts));
        }
      }
    }
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: every unsafe request must come from our own origin (Origin / Sec-Fetch-Site), and a request made
 * with a session must also echo the session's token in X-CSRF-Token (synchroniser token).
 */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin) {
      const host = c.req.header('host');
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (!host || originHost !== host) throw new AppError('csrf_failed');
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new AppError('csrf_failed');
    const session = c.get('session');
    // Public endpoints take no session, so only the origin checks above apply to them.
    if (c.req.path.startsWith('/api/public/')) return next();
    if (session && c.req.header('x-csrf-token') !== session.csrfToken) throw new AppError('csrf_failed');
    await next();
  };
}

/** The actor of a complete session, or 401. Every signed-in route starts here. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (actor) return actor;
  const session = c.get('session');
  if (session?.mustEnrolTotp) throw new AppError('second_factor_enrolment_required');
  if (session?.mustVerifyTotp) throw new AppError('second_factor_required');
  throw new AppError('unauthenticated');
}

/** An actor that may change data (refuses the read-only auditor). */
export function requireWriter(c: Context<AppEnv>): Actor {
  const actor = requireActor(c);
  if (ROLE_INFO[actor.role].readOnly) throw new AppError('forbidden');
  return actor;
}
