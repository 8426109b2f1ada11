/**
 * The resources module's write operations naming a record (write-probes.ts explains the classification): an
 * operator, a listing and its confirmation and link, a round's reminders, a bottleneck.
 */
import { serviceBody } from '../resources/testing';
import { on, type Probe, v } from './write-probe-kit';

export const RESOURCE_PROBES: Record<string, Probe> = {
  'PUT /api/resources/organizations/{id}': on(
    'resource_org',
    (i) => `/api/resources/organizations/${i.resourceOrg}`,
    {
      name: 'x',
      version: v,
    },
  ),
  'PUT /api/resources/services/{id}': {
    group: 'service',
    req: (i) => ({
      path: `/api/resources/services/${i.service}`,
      body: { ...serviceBody(i.resourceOrg), version: v },
    }),
  },
  'PATCH /api/resources/services/{id}': on('service', (i) => `/api/resources/services/${i.service}`, {
    vacancy: 2,
    version: v,
  }),
  'POST /api/resources/services/{id}/confirm': on(
    'service',
    (i) => `/api/resources/services/${i.service}/confirm`,
    {
      version: v,
    },
  ),
  'POST /api/resources/services/{id}/link': on('service', (i) => `/api/resources/services/${i.service}/link`),
  'POST /api/resources/rounds/{id}/reminders': on(
    'rounds',
    (i) => `/api/resources/rounds/${i.round}/reminders`,
  ),
  'DELETE /api/resources/bottlenecks/{id}': on(
    'bottleneck',
    (i) => `/api/resources/bottlenecks/${i.bottleneck}`,
  ),
};
