/**
 * The registry's write operations naming a record (write-probes.ts explains the classification): a child,
 * its care items, the rows of its lists, its consents and move, and a transition's follow-up.
 */
import { COLLECTIONS } from '../registry/collections';
import { on, type Probe, v } from './write-probe-kit';
import type { RecordIds } from './write-world';

type Body = Record<string, unknown> | ((i: RecordIds) => Record<string, unknown>);
const child = (path: string, body?: Body): Probe => ({
  group: 'child',
  req: (i) => ({
    path: `/api/children/${i.child}${path}`,
    body: body && { version: v, ...(typeof body === 'function' ? body(i) : body) },
  }),
});
const rowBodies: Record<string, Body> = {
  guardians: { familyName: '髙橋', givenName: '花子', relationship: '母' },
  diagnoses: { name: '脳性麻痺' },
  physicians: { hospitalName: '市民病院' },
  devices: { kind: 'suction_unit' },
  handbooks: { kind: 'physical', grade: '1級' },
  affiliations: (i) => ({ organisationId: i.organisation, kind: 'day_service', startedOn: '2024-04-01' }),
  careTeam: (i) => ({ personId: i.person, role: 'visiting_nurse' }),
};

export const REGISTRY_PROBES: Record<string, Probe> = {
  'PATCH /api/transitions/follow-ups/{id}': on(
    'transition_follow_up',
    (i) => `/api/transitions/follow-ups/${i.child}`,
    { nendo: 2027, kind: 'elementary_entry', status: 'in_progress', ownerUserId: null, version: 0 },
  ),
  'PATCH /api/children/{id}': child('', { givenName: '変更' }),
  'PUT /api/children/{id}/care-items': child('/care-items', { items: [{ code: 'oxygen' }] }),
  ...Object.fromEntries(
    COLLECTIONS.flatMap((spec) => [
      [`POST /api/children/{id}/${spec.path}`, child(`/${spec.path}`, rowBodies[spec.name])],
      [
        `PATCH /api/children/{id}/${spec.path}/{subId}`,
        {
          group: 'child',
          req: (i: RecordIds) => ({
            path: `/api/children/${i.child}/${spec.path}/${i.rows[spec.name]}`,
            body: { version: v },
          }),
        },
      ],
      [
        `DELETE /api/children/{id}/${spec.path}/{subId}`,
        on('child', (i) => `/api/children/${i.child}/${spec.path}/${i.rows[spec.name]}?version=${v}`),
      ],
    ]),
  ),
  'POST /api/children/{id}/consents': child('/consents', {
    purpose: 'statistics',
    granted: true,
    decidedOn: '2025-01-01',
    method: 'paper',
  }),
  'POST /api/children/{id}/consents/{consentId}/withdraw': {
    group: 'child',
    req: (i) => ({
      path: `/api/children/${i.child}/consents/${i.consent}/withdraw`,
      body: { version: v, withdrawnOn: '2025-01-01' },
    }),
  },
  'POST /api/children/{id}/move': child('/move', { municipalityCode: '142034', movedOn: '2025-01-01' }),
};
