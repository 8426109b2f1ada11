import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { AppShell, PublicShell } from './components/AppShell';
import { RouteSettled } from './components/RouteSettled';
import { type ScopeKind, sessionQuery, useSession } from './lib/queries/auth';
import { isLearner, type Role } from './lib/roles';
import { ACCESS } from './nav';
import { AccountPage } from './pages/account/AccountPage';
import { activityReportRoutes } from './pages/activity-report/routes';
import { CentresPage } from './pages/admin/CentresPage';
import { ClosuresPage } from './pages/admin/ClosuresPage';
import { MunicipalitiesPage } from './pages/admin/MunicipalitiesPage';
import { OrganisationsPage } from './pages/admin/OrganisationsPage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { PeoplePage } from './pages/admin/PeoplePage';
import { RegionsPage } from './pages/admin/RegionsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { SignInPage } from './pages/auth/SignInPage';
import { TokenPasswordPage } from './pages/auth/TokenPasswordPage';
import { CensusPage, parseCensusSearch } from './pages/census/CensusPage';
import { CensusResultsPage } from './pages/census/ResultsPage';
import { CensusReviewPage, parseCensusReviewSearch } from './pages/census/ReviewPage';
import {
  printConsultationRoutes,
  publicConsultationRoutes,
  staffConsultationRoutes,
} from './pages/consultations/routes';
import { councilRoutes, publicMinutesRoutes } from './pages/councils/routes';
import { disasterPrintRoutes, disasterRoutes } from './pages/disaster/routes';
import { disasterEventRoutes } from './pages/disaster-events/routes';
import { engagementRoutes } from './pages/engagements/routes';
import { goodPracticeRoutes } from './pages/good-practices/routes';
import { HomePage } from './pages/HomePage';
import { applicationPrintRoutes, applicationRoutes } from './pages/learning/applications/routes';
import { attendancePrintRoutes, attendanceRoutes } from './pages/learning/attendance/routes';
import { trainingRoutes } from './pages/learning/courses/routes';
import { trainingFiguresRoutes } from './pages/learning/figures/routes';
import { elearningRoutes } from './pages/learning/lessons/routes';
import { learnerRoutes, publicLearnerRoutes } from './pages/learning/me/routes';
import { requestRoutes } from './pages/learning/requests/routes';
import { rosterRoutes } from './pages/learning/roster/routes';
import { libraryRoutes } from './pages/library/routes';
import { municipalityRoutes } from './pages/municipalities/routes';
import { NotFoundPage, RootNotFound } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { CareScorePage } from './pages/public/CareScorePage';
import { publicSiteRoutes } from './pages/public/site/routes';
import { publicCertificateCheckRoutes } from './pages/public/trainings/CertificateCheckRoutes';
import { publicTrainingRoutes } from './pages/public/trainings/routes';
import { publicSiteStaffRoutes } from './pages/public-site/routes';
import { regionalIssueRoutes } from './pages/regional-issues/routes';
import { RegisterPage } from './pages/register/RegisterPage';
import { ChildDetailPage } from './pages/registry/ChildDetailPage';
import { ChildPrintPage, PrintShell } from './pages/registry/ChildPrintPage';
import { ChildrenPage, parseChildSearch } from './pages/registry/ChildrenPage';
import { NewChildPage } from './pages/registry/NewChildPage';
import { publicResourceRoutes, staffResourceRoutes } from './pages/resources/routes';
import { ReviewDetailPage } from './pages/review/ReviewDetailPage';
import { parseReviewSearch, ReviewQueuePage } from './pages/review/ReviewQueuePage';
import { surveyLetterRoutes } from './pages/surveys/letter-routes';
import { surveyRoutes } from './pages/surveys/routes';
import { parseTransitionSearch } from './pages/transitions/TransitionFilters';
import { TransitionsPage } from './pages/transitions/TransitionsPage';

export type RouterContext = { queryClient: QueryClient };

/** A page only some roles (and scopes, see ACCESS) may use; others get the not-found page (as the API answers them). */
function forRoles(allowed: (role: Role, scopeKind: ScopeKind) => boolean, Component: ComponentType) {
  return function Guarded() {
    const { data } = useSession();
    const user = data?.user;
    return user && allowed(user.role, user.scopeKind) ? <Component /> : <NotFoundPage />;
  };
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RouteSettled,
  notFoundComponent: RootNotFound,
});

// Open pages: sign-in, invitation, password reset.
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicShell });

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'signin',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof raw.redirect === 'string' ? raw.redirect : undefined,
  }),
  component: SignInPage,
});

const inviteRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'invite',
  component: () => <TokenPasswordPage purpose="invitation" />,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'reset-password',
  component: () => <TokenPasswordPage purpose="password_reset" />,
});

// The care-score calculator: open to families and providers, no sign-in, no personal data.
const careScoreRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'public/care-score',
  component: CareScorePage,
});

// Signed-in pages.
const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session.authenticated || !session.user) {
      throw redirect({ to: '/signin', search: { redirect: location.href } });
    }
  },
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  // A learner's home is "my learning" (learners see none of the staff figures).
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session.user && isLearner(session.user.role)) throw redirect({ to: '/learning/me' });
  },
  component: HomePage,
});

const childrenRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'children',
  validateSearch: parseChildSearch,
  component: forRoles(ACCESS.registry, ChildrenPage),
});

const childRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'children/$childId',
  component: forRoles(ACCESS.registry, ChildDetailPage),
});

const regionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/regions',
  component: forRoles(ACCESS.admin, RegionsPage),
});
const municipalitiesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/municipalities',
  component: forRoles(ACCESS.admin, MunicipalitiesPage),
});
const closuresRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/closures',
  component: forRoles(ACCESS.admin, ClosuresPage),
});
const centresRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/centres',
  component: forRoles(ACCESS.admin, CentresPage),
});
const organisationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/organisations',
  component: forRoles(ACCESS.admin, OrganisationsPage),
});
const peopleRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/people',
  component: forRoles(ACCESS.admin, PeoplePage),
});
const outboxRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/mail',
  component: forRoles(ACCESS.admin, OutboxPage),
});
const usersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin/users',
  component: forRoles(ACCESS.admin, UsersPage),
});
const auditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'audit',
  component: forRoles(ACCESS.audit, AuditPage),
});
// Registration (KA-2): the public form, and the review queue of the centre and regional coordinators.
const registerRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'public/register',
  component: RegisterPage,
});
const reviewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'registry/review',
  validateSearch: parseReviewSearch,
  component: forRoles(ACCESS.review, ReviewQueuePage),
});
const reviewDetailRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'registry/review/$registrationId',
  component: forRoles(ACCESS.review, ReviewDetailPage),
});

const accountRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'account',
  component: AccountPage,
});

const newChildRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'children/new',
  component: forRoles(ACCESS.registry, NewChildPage),
});
const transitionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'transitions',
  validateSearch: parseTransitionSearch,
  component: forRoles(ACCESS.registry, TransitionsPage),
});
// 実態把握 (census): the centre's yearly lists, linkage, review and results.
const censusRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'census',
  validateSearch: parseCensusSearch,
  component: forRoles(ACCESS.census, CensusPage),
});
const censusResultsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'census/runs/$runId',
  component: forRoles(ACCESS.census, CensusResultsPage),
});
const censusReviewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'census/runs/$runId/review',
  validateSearch: parseCensusReviewSearch,
  component: forRoles(ACCESS.census, CensusReviewPage),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'notifications',
  component: NotificationsPage,
});

// Printouts: signed in, but no banner or menu (the page is the paper).
const printLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'print',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session.authenticated || !session.user) {
      throw redirect({ to: '/signin', search: { redirect: location.href } });
    }
  },
  component: PrintShell,
  notFoundComponent: NotFoundPage,
});
const childPrintRoute = createRoute({
  getParentRoute: () => printLayout,
  path: 'children/$childId/print',
  component: forRoles(ACCESS.registry, ChildPrintPage),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([
    signInRoute,
    inviteRoute,
    resetPasswordRoute,
    forgotPasswordRoute,
    careScoreRoute,
    registerRoute,
    ...publicResourceRoutes(publicLayout),
    ...publicConsultationRoutes(publicLayout),
    ...publicCertificateCheckRoutes(publicLayout),
    ...publicTrainingRoutes(publicLayout),
    ...publicMinutesRoutes(publicLayout),
    ...publicSiteRoutes(publicLayout),
    ...publicLearnerRoutes(publicLayout),
  ]),
  printLayout.addChildren([
    childPrintRoute,
    ...printConsultationRoutes(printLayout),
    ...attendancePrintRoutes(printLayout),
    ...applicationPrintRoutes(printLayout),
    ...surveyLetterRoutes(printLayout),
    ...disasterPrintRoutes(printLayout),
  ]),
  appLayout.addChildren([
    reviewRoute,
    reviewDetailRoute,
    homeRoute,
    childrenRoute,
    childRoute,
    newChildRoute,
    transitionsRoute,
    notificationsRoute,
    regionsRoute,
    municipalitiesRoute,
    closuresRoute,
    centresRoute,
    organisationsRoute,
    peopleRoute,
    usersRoute,
    outboxRoute,
    auditRoute,
    censusRoute,
    censusResultsRoute,
    censusReviewRoute,
    accountRoute,
    ...staffResourceRoutes(appLayout),
    ...staffConsultationRoutes(appLayout),
    ...trainingRoutes(appLayout),
    ...attendanceRoutes(appLayout),
    ...learnerRoutes(appLayout),
    ...elearningRoutes(appLayout),
    ...applicationRoutes(appLayout),
    ...requestRoutes(appLayout),
    ...rosterRoutes(appLayout),
    ...trainingFiguresRoutes(appLayout),
    ...engagementRoutes(appLayout),
    ...regionalIssueRoutes(appLayout),
    ...libraryRoutes(appLayout),
    ...goodPracticeRoutes(appLayout),
    ...surveyRoutes(appLayout),
    ...councilRoutes(appLayout),
    ...municipalityRoutes(appLayout),
    ...disasterRoutes(appLayout),
    ...disasterEventRoutes(appLayout),
    ...activityReportRoutes(appLayout),
    ...publicSiteStaffRoutes(appLayout),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    scrollRestoration: true,
    defaultPreload: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
