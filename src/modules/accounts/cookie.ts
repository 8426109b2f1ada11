import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../../server/context';

const BASE_NAME = 'tsunagu_session';

/**
 * The session cookie's name. Served securely (production, or an https PUBLIC_URL; see config.ts) it is
 * `__Host-tsunagu_session`: browsers accept that name only with `Secure`, `Path=/` and no `Domain`, so a
 * plain-http page or another host of the domain can neither set nor shadow it. Over plain http in
 * development the prefix is impossible (no `Secure`), so the plain name is used.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${BASE_NAME}` : BASE_NAME;
}

/** The session token from the request's cookie under the name in use, if any. */
export function readSessionCookie(deps: Pick<Deps, 'config'>, c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(deps.config.cookieSecure)) || undefined;
}

export function setSessionCookie(deps: Pick<Deps, 'config'>, c: Context<AppEnv>, token: string): void {
  const secure = deps.config.cookieSecure;
  setCookie(c, sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(deps: Pick<Deps, 'config'>, c: Context<AppEnv>): void {
  const secure = deps.config.cookieSecure;
  deleteCookie(c, sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
