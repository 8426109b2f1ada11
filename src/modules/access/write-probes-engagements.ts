/**
 * The engagements module's write operations naming a record (write-probes.ts explains the classification): an
 * engagement's edit and good-example mark, and a municipality's four-division meeting cycle.
 */
import { on, type Probe, v } from './write-probe-kit';

const support = {
  municipalityCode: '142034',
  occurredOn: '2026-06-01',
  subject: '保育所での受け入れの相談',
  lifeElement: 'childcare',
  request: 'case_advice',
};

export const ENGAGEMENT_PROBES: Record<string, Probe> = {
  'PUT /api/engagements/{id}': on('engagement', (i) => `/api/engagements/${i.engagement}`, {
    ...support,
    version: v,
  }),
  'PUT /api/engagements/{id}/good-example': on(
    'engagement',
    (i) => `/api/engagements/${i.engagement}/good-example`,
    { version: v, goodExample: true, uses: ['training'] },
  ),
  'PUT /api/engagements/cadences/{municipalityCode}': on(
    'engagement',
    (i) => `/api/engagements/cadences/${i.engagementMunicipality}`,
    { version: 0, active: true, minMonths: 3, maxMonths: 4, ownerUserId: null },
  ),
};
