/**
 * The public site's write operations naming a record (write-probes.ts explains the classification): a page and
 * a municipality's first window.
 */
import { on, type Probe, v } from './write-probe-kit';

export const PUBLIC_SITE_PROBES: Record<string, Probe> = {
  'PUT /api/public-site/pages/{id}': on('public_site', (i) => `/api/public-site/pages/${i.publicPage}`, {
    titleJa: 'ページ',
    status: 'draft',
    version: v,
  }),
  'PUT /api/public-site/first-windows/{code}': on(
    'public_site',
    (i) => `/api/public-site/first-windows/${i.municipality}`,
    { division: 'disability_welfare', coordinatorPersonId: null, version: 0 },
  ),
};
