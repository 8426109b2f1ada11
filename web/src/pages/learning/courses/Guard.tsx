import type { ComponentType } from 'react';
import { useSession } from '../../../lib/queries/auth';
import type { Role } from '../../../lib/roles';
import { NotFoundPage } from '../../NotFoundPage';

/** A courses or sessions page only some roles may use (./access.ts); others get the not-found page, as from the API. */
export function forTrainingRoles(allowed: (role: Role) => boolean, Component: ComponentType): ComponentType {
  return function Guarded() {
    const { data } = useSession();
    const user = data?.user;
    return user && allowed(user.role) ? <Component /> : <NotFoundPage />;
  };
}

/** The signed-in user's role. */
export function useRole(): Role | undefined {
  return useSession().data?.user?.role;
}
