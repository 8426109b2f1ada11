/**
 * The census module's write operations naming a record (write-probes.ts explains the classification): a source's
 * mapping, a review pair, a run's publishing and push.
 */
import { on, type Probe, v } from './write-probe-kit';

export const CENSUS_PROBES: Record<string, Probe> = {
  'PUT /api/census/sources/{id}': on('census', (i) => `/api/census/sources/${i.source}`, {
    mapping: {},
    version: v,
  }),
  'POST /api/census/review/{id}': on('census', (i) => `/api/census/review/${i.pair}`, { decision: 'same' }),
  'POST /api/census/runs/{id}/publish': on('census', (i) => `/api/census/runs/${i.run}/publish`),
  'POST /api/census/runs/{id}/push': on('census', (i) => `/api/census/runs/${i.run}/push`),
};
