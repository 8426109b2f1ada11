/**
 * The registrations module's write operations naming a registration (write-probes.ts explains the
 * classification): accepting, merging and rejecting it.
 */
import { on, type Probe, v } from './write-probe-kit';

export const REGISTRATION_PROBES: Record<string, Probe> = {
  'POST /api/registrations/{id}/accept': on(
    'registrations',
    (i) => `/api/registrations/${i.registration}/accept`,
    {},
  ),
  'POST /api/registrations/{id}/merge': {
    group: 'registrations',
    req: (i) => ({
      path: `/api/registrations/${i.registration}/merge`,
      body: { childId: i.child, version: v },
    }),
  },
  'POST /api/registrations/{id}/reject': on(
    'registrations',
    (i) => `/api/registrations/${i.registration}/reject`,
    {
      reason: '重複',
    },
  ),
};
