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
  'POST /api/surveys/{id}/invitations/directory': on('survey', survey('/invitations/directory'), {}),
  // The answer's id is any: the survey's decides first (the answer is read only within a readable survey).
  'POST /api/surveys/{id}/care-proposals/{answerId}/apply': on(
    'survey',
    survey('/care-proposals/00000000-0000-4000-8000-000000000001/apply'),
    { serviceVersion: v, codes: ['oxygen'] },
  ),
  'POST /api/surveys/{id}/census-counts/{answerId}/apply': on(
    'survey',
    survey('/census-counts/00000000-0000-4000-8000-000000000001/apply'),
    { nendo: 2025, sourceId: '00000000-0000-4000-8000-000000000002', version: null },
  ),
};
