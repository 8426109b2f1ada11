import type { ComponentType } from 'react';
import { useSession } from '../../lib/queries/auth';
import type { Role } from '../../lib/roles';
import { NotFoundPage } from '../NotFoundPage';

/** A resources page only some roles may use; others get the not-found page (as the API answers them). */
export function forResourceRoles(allowed: (role: Role) => boolean, Component: ComponentType): ComponentType {
  return function Guarded() {
    const { data } = useSession();
    const role = data?.user?.role;
    return role && allowed(role) ? <Component /> : <NotFoundPage />;
  };
}

/** The signed-in user's role (the pages render inside the signed-in layout, so there is one). */
export function useRole(): Role | undefined {
  return useSession().data?.user?.role;
}
