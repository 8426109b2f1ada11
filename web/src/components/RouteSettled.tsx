import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * The root route's component: the page, and on <html> the router's status and the path of the page on show
 * (`data-route-status`, `data-route-path`). While a link's next page loads, the previous page stays on show; these
 * attributes let a reader — the browser tests' `waitForPage` — tell a settled page from one about to be replaced.
 */
export function RouteSettled() {
  const status = useRouterState({ select: (s) => s.status });
  const path = useRouterState({ select: (s) => s.resolvedLocation?.pathname ?? '' });
  useEffect(() => {
    document.documentElement.dataset.routeStatus = status;
    document.documentElement.dataset.routePath = path;
  }, [status, path]);
  return <Outlet />;
}
