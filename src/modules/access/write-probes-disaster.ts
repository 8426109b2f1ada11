/**
 * The disaster module's write operations (disaster/, write-probes.ts explains the classification): a child's
 * disaster profile, emergency sheet and the family's confirmation follow the child (the registry's by-id scope:
 * 404 first, then 403 for read-only roles); the plan recorded back from the municipality's list follows the
 * municipal pages' area (providers, learners and system administrators have none and auditors write nothing:
 * refused by role before the id is read).
 */
import { on, type Probe, v } from './write-probe-kit';

export const DISASTER_PROBES: Record<string, Probe> = {
  'PUT /api/disaster/children/{id}': on('child', (i) => `/api/disaster/children/${i.child}`, { version: v }),
  'PUT /api/disaster/children/{id}/sheet': on('child', (i) => `/api/disaster/children/${i.child}/sheet`, {
    sheet: {},
    version: v,
  }),
  'POST /api/disaster/children/{id}/sheet/confirm': on(
    'child',
    (i) => `/api/disaster/children/${i.child}/sheet/confirm`,
    { confirmedOn: '2026-04-01', confirmedBy: '保護者', version: v },
  ),
  'PUT /api/disaster/list/{id}/plan': on('municipal_page', (i) => `/api/disaster/list/${i.child}/plan`, {
    planStatus: 'agreed',
    version: v,
  }),
};
