import type { ComponentType } from 'react';
import { type ScopeKind, useSession } from '../../lib/queries/auth';
import type { Role } from '../../lib/roles';
import { NotFoundPage } from '../NotFoundPage';

/**
 * A resources page only some roles (and, for prefecture-wide work, scopes) may use; others get the not-found
 * page (as the API answers them).
 */
export function forResourceRoles(
  allowed: (role: Role, scopeKind: ScopeKind) => boolean,
  Component: ComponentType,
): ComponentType {
  return function Guarded() {
    const { data } = useSession();
    const user = data?.user;
    return user && allowed(user.role, user.scopeKind) ? <Component /> : <NotFoundPage />;
  };
}

/** The signed-in user's role (the pages render inside the signed-in layout, so there is one). */
export function useRole(): Role | undefined {
  return useSession().data?.user?.role;
}

/** The kind of the signed-in user's scope (see {@link forResourceRoles}). */
export function useScopeKind(): ScopeKind | undefined {
  return useSession().data?.user?.scopeKind;
}
