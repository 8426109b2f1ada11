/**
 * The regional-issues module's write operations naming a record (write-probes.ts explains the classification):
 * an issue's changes, moves and evidence; a development project's changes, stop and resume.
 */
import { on, type Probe, v } from './write-probe-kit';

const issue =
  (path = '') =>
  (i: { regionalIssue: string }) =>
    `/api/regional-issues/${i.regionalIssue}${path}`;
const project =
  (path = '') =>
  (i: { developmentProject: string }) =>
    `/api/development-projects/${i.developmentProject}${path}`;

export const REGIONAL_ISSUE_PROBES: Record<string, Probe> = {
  'PATCH /api/regional-issues/{id}': on('regional_issue', issue(), { version: v, title: '変更' }),
  'POST /api/regional-issues/{id}/move': on('regional_issue', issue('/move'), {
    version: v,
    move: 'carry_up',
  }),
  'POST /api/regional-issues/{id}/answer': on('regional_issue', issue('/answer'), {
    version: v,
    answerText: '検討する',
    answeredOn: '2026-12-01',
  }),
  'POST /api/regional-issues/{id}/close': on('regional_issue', issue('/close'), {
    version: v,
    outcome: 'withdrawn',
  }),
  'POST /api/regional-issues/{id}/reopen': on('regional_issue', issue('/reopen'), {
    version: v,
    note: '再開',
  }),
  'POST /api/regional-issues/{id}/consultations': on('regional_issue', (i) => issue('/consultations')(i), {
    consultationId: '00000000-0000-4000-8000-000000000000',
  }),
  'DELETE /api/regional-issues/{id}/consultations/{consultationId}': on('regional_issue', (i) =>
    issue(`/consultations/${i.consultation}`)(i),
  ),
  'PATCH /api/development-projects/{id}': on('development_project', project(), { version: v, title: '変更' }),
  'POST /api/development-projects/{id}/status': on('development_project', project('/status'), {
    version: v,
    stop: true,
  }),
};
