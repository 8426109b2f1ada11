/**
 * The councils module's write operations naming a record (write-probes.ts explains the classification): a body,
 * its members and schedule; a meeting, its attendance, minutes and action items; an action item's change.
 */
import { on, type Probe, v } from './write-probe-kit';

const body =
  (path = '') =>
  (i: { councilBody: string }) =>
    `/api/councils/bodies/${i.councilBody}${path}`;
const meeting =
  (path = '') =>
  (i: { councilMeeting: string }) =>
    `/api/councils/meetings/${i.councilMeeting}${path}`;

export const COUNCIL_PROBES: Record<string, Probe> = {
  'PATCH /api/councils/bodies/{id}': on('council', body(), { version: v, name: '変更' }),
  'POST /api/councils/bodies/{id}/members': on('council', body('/members'), {
    name: '委員',
    category: 'family',
    termFrom: '2025-04-01',
  }),
  'POST /api/councils/bodies/{id}/meetings/generate': on('council', body('/meetings/generate'), {
    version: v,
    count: 1,
  }),
  'PATCH /api/councils/members/{id}': on('council', (i) => `/api/councils/members/${i.councilMember}`, {
    version: v,
    termTo: '2027-03-31',
  }),
  'PATCH /api/councils/meetings/{id}': on('council', meeting(), { version: v, title: '変更' }),
  'PUT /api/councils/meetings/{id}/attendance': on('council', meeting('/attendance'), {
    version: v,
    entries: [],
  }),
  'PUT /api/councils/meetings/{id}/minutes': on('council', meeting('/minutes'), {
    version: v,
    minutesPublic: '',
    minutesPrivate: '',
    decisions: [],
    publish: false,
  }),
  'POST /api/councils/meetings/{id}/action-items': on('council', meeting('/action-items'), {
    title: '宿題',
    ownerUserId: '00000000-0000-4000-8000-000000000000',
    dueOn: '2030-01-31',
  }),
  'POST /api/councils/meetings/{id}/materials': on(
    'council',
    (i) => `${meeting('/materials')(i)}?title=資料&name=x.pdf`,
  ),
  'DELETE /api/councils/meetings/{id}/materials/{materialId}': on('council', (i) =>
    meeting('/materials/00000000-0000-4000-8000-000000000000')(i),
  ),
  'PATCH /api/councils/action-items/{id}': on(
    'council_action_item',
    (i) => `/api/councils/action-items/${i.councilActionItem}`,
    { version: v, status: 'done' },
  ),
};
