/**
 * The consultations module's write operations naming a record (write-probes.ts explains the classification): a
 * supervise team, a consultation, its actions, reply, closing and hand-offs.
 */
import { on, type Probe, v } from './write-probe-kit';

export const CONSULTATION_PROBES: Record<string, Probe> = {
  'PATCH /api/consultations/supervise-teams/{id}': on(
    'supervise',
    (i) => `/api/consultations/supervise-teams/${i.superviseTeam}`,
    { version: v, name: 'x' },
  ),
  'PATCH /api/consultations/{id}': on('consultation', (i) => `/api/consultations/${i.consultation}`, {
    version: v,
    urgency: 'urgent',
  }),
  'POST /api/consultations/{id}/actions': on(
    'consultation',
    (i) => `/api/consultations/${i.consultation}/actions`,
    {
      kind: 'note',
      note: 'x',
    },
  ),
  'POST /api/consultations/{id}/reply': on(
    'consultation',
    (i) => `/api/consultations/${i.consultation}/reply`,
    {
      subject: 'x',
      text: 'x',
    },
  ),
  'POST /api/consultations/{id}/close': on(
    'consultation',
    (i) => `/api/consultations/${i.consultation}/close`,
    {
      version: v,
      outcome: 'resolved',
    },
  ),
  'POST /api/consultations/{id}/handoffs': on(
    'consultation',
    (i) => `/api/consultations/${i.consultation}/handoffs`,
    {
      kind: 'backup',
      to: { tier: 'centre' },
    },
  ),
  'POST /api/consultations/{id}/handoffs/{handoffId}/{decision}': on(
    'consultation',
    (i) => `/api/consultations/${i.consultation}/handoffs/${i.handoff}/accept`,
    {},
  ),
};
