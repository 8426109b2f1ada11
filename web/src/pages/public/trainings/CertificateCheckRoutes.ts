import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The public certificate check: the form, and the answer for a number in the address (printed on the PDF). */
export function publicCertificateCheckRoutes<P extends AnyRoute>(parent: P) {
  const page = lazyRouteComponent(() => import('./CertificateCheckPage'), 'CertificateCheckPage');
  const form = createRoute({
    getParentRoute: () => parent,
    path: 'public/trainings/certificates',
    component: page,
  });
  const answer = createRoute({
    getParentRoute: () => parent,
    path: 'public/trainings/certificates/$serial',
    component: page,
  });
  return [form, answer] as const;
}
