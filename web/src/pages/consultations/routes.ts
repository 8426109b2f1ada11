import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseFiguresSearch, parseIntakeSearch, parseQueueSearch } from './search';

/**
 * The routes of the consultation (相談支援) screens, every page loaded lazily. Only these definitions and the
 * small search-param parsers are in the main bundle. Each staff page checks the role itself (./access.ts).
 */

/** The public request form, under the public layout (no sign-in). */
export function publicConsultationRoutes<P extends AnyRoute>(parent: P) {
  const form = createRoute({
    getParentRoute: () => parent,
    path: 'public/consultations',
    component: lazyRouteComponent(
      () => import('../public/consultations/PublicConsultationPage'),
      'PublicConsultationPage',
    ),
  });
  return [form] as const;
}

/** The printable case summary, under the print layout (signed in, no menu). */
export function printConsultationRoutes<P extends AnyRoute>(parent: P) {
  const print = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/$consultationId/print',
    component: lazyRouteComponent(() => import('./ConsultationPrintPage'), 'ConsultationPrintPage'),
  });
  return [print] as const;
}

export function staffConsultationRoutes<P extends AnyRoute>(parent: P) {
  const queue = createRoute({
    getParentRoute: () => parent,
    path: 'consultations',
    validateSearch: parseQueueSearch,
    component: lazyRouteComponent(() => import('./QueuePage'), 'QueuePage'),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/new',
    validateSearch: parseIntakeSearch,
    component: lazyRouteComponent(() => import('./NewConsultationPage'), 'NewConsultationPage'),
  });
  const caseload = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/caseload',
    component: lazyRouteComponent(() => import('./CaseloadPage'), 'CaseloadPage'),
  });
  const figures = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/figures',
    validateSearch: parseFiguresSearch,
    component: lazyRouteComponent(() => import('./FiguresPage'), 'FiguresPage'),
  });
  const teams = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/teams',
    component: lazyRouteComponent(() => import('./TeamsPage'), 'TeamsPage'),
  });
  const detail = createRoute({
    getParentRoute: () => parent,
    path: 'consultations/$consultationId',
    component: lazyRouteComponent(() => import('./ConsultationPage'), 'ConsultationPage'),
  });
  return [queue, create, caseload, figures, teams, detail] as const;
}
