/**
 * The disaster events module's write operations naming an event (disaster-events/, write-probes.ts explains the
 * classification): ending it, opening a record under it and signing off its access review. The event follows its
 * areas (404 outside); providers, learners and system administrators have no outage lists and auditors write
 * nothing, so they are refused by role before the id is read.
 */
import { on, type Probe, v } from './write-probe-kit';

const event = (path: string) => (i: { disasterEvent: string }) =>
  `/api/disaster-events/events/${i.disasterEvent}${path}`;

export const DISASTER_EVENT_PROBES: Record<string, Probe> = {
  'POST /api/disaster-events/events/{id}/end': on('disaster_event', event('/end'), { version: v }),
  'POST /api/disaster-events/events/{id}/openings': on('disaster_event', event('/openings'), {
    childId: '00000000-0000-4000-8000-000000000000',
    reason: '安否確認のため',
  }),
  'POST /api/disaster-events/events/{id}/review/sign-off': on('disaster_event', event('/review/sign-off'), {
    version: v,
    comment: '確認',
  }),
};
