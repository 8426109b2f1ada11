/**
 * The surveys module's write operations naming a record (write-probes.ts explains the classification): a
 * survey's change and status, its personal links and reminders.
 */
import { on, type Probe, v } from './write-probe-kit';

const survey =
  (path = '') =>
  (i: { survey: string }) =>
    `/api/surveys/${i.survey}${path}`;

export const SURVEY_PROBES: Record<string, Probe> = {
  'PATCH /api/surveys/{id}': on('survey', survey(), { version: v, title: '変更' }),
  'POST /api/surveys/{id}/status': on('survey', survey('/status'), { version: v, status: 'closed' }),
  'POST /api/surveys/{id}/invitations': on('survey', survey('/invitations'), {
    recipients: [{ name: '保護者' }],
  }),
  'POST /api/surveys/{id}/reminders': on('survey', survey('/reminders')),
};
