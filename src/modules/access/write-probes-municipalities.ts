/**
 * The municipality pages' write operations (municipalities/, write-probes.ts explains the classification): a
 * maturity item and a division's contact, each naming the municipality by its code in the path.
 */
import { on, type Probe, v } from './write-probe-kit';

const SOURCE = { source: 'hearing', asOf: '2026-04-01', version: v };

export const MUNICIPALITY_PROBES: Record<string, Probe> = {
  'PUT /api/municipalities/{code}/maturity/{item}': on(
    'municipal_page',
    (i) => `/api/municipalities/${i.municipality}/maturity/coordinator`,
    { status: 'placed', options: [], ...SOURCE },
  ),
  'PUT /api/municipalities/{code}/contacts/{division}': on(
    'municipal_page',
    (i) => `/api/municipalities/${i.municipality}/contacts/education`,
    { sectionName: '教育委員会', ...SOURCE },
  ),
};
