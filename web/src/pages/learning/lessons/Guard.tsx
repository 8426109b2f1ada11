import type { ComponentType } from 'react';
import { useSession } from '../../../lib/queries/auth';
import type { Role } from '../../../lib/roles';
import { NotFoundPage } from '../../NotFoundPage';

/** An e-learning page only some roles may use; others get the not-found page (as the API answers them). */
export function forElearningRoles(allowed: (role: Role) => boolean, Component: ComponentType) {
  return function Guarded() {
    const { data } = useSession();
    const user = data?.user;
    return user && allowed(user.role) ? <Component /> : <NotFoundPage />;
  };
}
