/**
 * The good-practice library's write operations naming a story (write-probes.ts explains the classification): a
 * story's edit, its personal-data check, publishing and withdrawal. The probed story is a draft of 平塚市, read only
 * within its area.
 */
import { on, type Probe, v } from './write-probe-kit';

const story =
  (path = '') =>
  (i: { goodPractice: string }) =>
    `/api/good-practices/${i.goodPractice}${path}`;

export const GOOD_PRACTICE_PROBES: Record<string, Probe> = {
  'PUT /api/good-practices/{id}': on('good_practice', story(), {
    version: v,
    title: '事例',
    summary: '概要',
    body: '本文',
    regionId: '00000000-0000-4000-8000-000000000001',
    solverText: '市の障害福祉課',
  }),
  'POST /api/good-practices/{id}/check': on('good_practice', story('/check'), {
    version: v,
    confirmations: ['no_names', 'no_birth_dates', 'no_addresses', 'no_contacts'],
  }),
  'POST /api/good-practices/{id}/publish': on('good_practice', story('/publish'), { version: v }),
  'POST /api/good-practices/{id}/withdraw': on('good_practice', story('/withdraw'), { version: v }),
  'PUT /api/good-practices/{id}/public-consent': on('good_practice', story('/public-consent'), {
    version: v,
    consent: { by: '市の保育課', on: '2026-11-20', method: 'written' },
  }),
  'POST /api/good-practices/{id}/public-offer': on('good_practice', story('/public-offer'), {
    version: v,
    offered: true,
  }),
};
