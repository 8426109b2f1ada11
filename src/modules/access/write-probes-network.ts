/**
 * The network module's write operations naming a record (write-probes.ts explains the classification): regions,
 * centres, organisations and people.
 */
import { on, type Probe, v } from './write-probe-kit';

export const NETWORK_PROBES: Record<string, Probe> = {
  'PATCH /api/network/regions/{id}': on('network', (i) => `/api/network/regions/${i.region}`, {
    version: v,
    note: 'x',
  }),
  'DELETE /api/network/regions/{id}': on('network', (i) => `/api/network/regions/${i.region}`),
  'PATCH /api/network/centres/{id}': on('network', (i) => `/api/network/centres/${i.centre}`, {
    version: v,
    name: 'x',
  }),
  'PATCH /api/network/organisations/{id}': on(
    'network',
    (i) => `/api/network/organisations/${i.organisation}`,
    {
      version: v,
      name: 'x',
    },
  ),
  'PATCH /api/network/people/{id}': on('network', (i) => `/api/network/people/${i.person}`, {
    version: v,
    familyName: 'x',
  }),
};
