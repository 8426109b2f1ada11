/**
 * The caller's own records naming an id (write-probes.ts explains the classification): a saved filter and a
 * notification.
 */
import { on, type Probe } from './write-probe-kit';

export const OWN_PROBES: Record<string, Probe> = {
  'DELETE /api/saved-filters/{id}': on('own', (i) => `/api/saved-filters/${i.savedFilter}`),
  'POST /api/notifications/{id}/read': on('own', (i) => `/api/notifications/${i.notification}/read`),
};
