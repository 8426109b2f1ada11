import { type AnyRoute, createRoute } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { type ScopeKind, useSession } from '../../../lib/queries/auth';
import { isLearner, type Role } from '../../../lib/roles';
import { NotFoundPage } from '../../NotFoundPage';
import { administersLearners } from '../learners/access';
import { LearnersPage } from '../learners/LearnersPage';
import { LearnerProfilePage } from './LearnerProfilePage';
import { MyLearningPage } from './MyLearningPage';
import { SignUpConfirmPage } from './SignUpConfirmPage';
import { SignUpPage } from './SignUpPage';

/** A page only some roles may use; others get the not-found page (as the API answers them). */
function guarded(allowed: (role: Role, scopeKind: ScopeKind) => boolean, Component: ComponentType) {
  return function Guarded() {
    const user = useSession().data?.user;
    return user && allowed(user.role, user.scopeKind) ? <Component /> : <NotFoundPage />;
  };
}

/** The learner's own pages under the signed-in layout: "my learning" (their home) and the profile. */
export function learnerRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: 'learning/me',
      component: guarded(isLearner, MyLearningPage),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'learning/me/profile',
      component: guarded(isLearner, LearnerProfilePage),
    }),
    // The centre's side of learner accounts: the sign-up queue and bulk invitations.
    createRoute({
      getParentRoute: () => parent,
      path: 'learning/learners',
      component: guarded(administersLearners, LearnersPage),
    }),
  ] as const;
}

/** The public sign-up page and the page of its mailed link (no sign-in). */
export function publicLearnerRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: 'learning/sign-up', component: SignUpPage }),
    // The page of the mailed confirmation link (mail on).
    createRoute({
      getParentRoute: () => parent,
      path: 'learning/sign-up/confirm',
      component: SignUpConfirmPage,
    }),
  ] as const;
}
