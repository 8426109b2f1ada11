import type { ReactElement } from 'react';
import { useSession } from '../../lib/queries/auth';
import { ACCESS } from '../../nav';
import { NotFoundPage } from '../NotFoundPage';

/** The editing screens are the centre HQ's (as the API decides): anyone else gets the not-found page. */
export function KeeperOnly({ children }: { children: ReactElement }) {
  const user = useSession().data?.user;
  return user && ACCESS.publicSite(user.role, user.scopeKind) ? children : <NotFoundPage />;
}
