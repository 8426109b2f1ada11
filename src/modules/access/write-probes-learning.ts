/**
 * The learning module's write operations naming a record (write-probes.ts explains the classification): courses
 * and sessions, applications and selection, attendance and certificates, learner sign-ups, e-learning, training
 * requests, the coordinator roster and the supervise pools.
 */
import { on, type Probe, v } from './write-probe-kit';

const QUESTION = {
  kind: 'single',
  prompt: '吸引の前に行うことは？',
  choices: [
    { id: 'a', text: '手洗い' },
    { id: 'b', text: '食事' },
  ],
  correct: ['a'],
};

export const LEARNING_PROBES: Record<string, Probe> = {
  'PATCH /api/learning/courses/{id}': on('training', (i) => `/api/learning/courses/${i.trainingCourse}`, {
    version: v,
    title: '変更',
  }),
  'PUT /api/learning/courses/{id}/parts': on(
    'training',
    (i) => `/api/learning/courses/${i.trainingCourse}/parts`,
    { version: v, parts: [] },
  ),
  'POST /api/learning/courses/{id}/archive': on(
    'training',
    (i) => `/api/learning/courses/${i.trainingCourse}/archive`,
    { version: v },
  ),
  'POST /api/learning/courses/{id}/restore': on(
    'training',
    (i) => `/api/learning/courses/${i.trainingCourse}/restore`,
    { version: v },
  ),
  'PATCH /api/learning/sessions/{id}': on('training', (i) => `/api/learning/sessions/${i.trainingSession}`, {
    version: v,
    capacity: 10,
  }),
  'POST /api/learning/sessions/{id}/status': on(
    'training',
    (i) => `/api/learning/sessions/${i.trainingSession}/status`,
    { version: v, status: 'cancelled' },
  ),
  'POST /api/learning/sessions/{id}/apply': on(
    'learner_apply',
    (i) => `/api/learning/sessions/${i.trainingSession}/apply`,
    { profession: 'nurse', municipalityCode: null, workplace: 'x' },
  ),
  'POST /api/learning/me/applications/{id}/cancel': on(
    'learner_application',
    (i) => `/api/learning/me/applications/${i.trainingApplication}/cancel`,
    { version: v },
  ),
  'POST /api/learning/sessions/{id}/selection': on(
    'training',
    (i) => `/api/learning/sessions/${i.trainingSession}/selection`,
    { selectionVersion: 0 },
  ),
  'POST /api/learning/sessions/{id}/selection/announce': on(
    'training',
    (i) => `/api/learning/sessions/${i.trainingSession}/selection/announce`,
    { version: v },
  ),
  'POST /api/learning/applications/{id}/override': on(
    'training_application',
    (i) => `/api/learning/applications/${i.trainingApplication}/override`,
    { outcome: 'selected', reason: '地域の事情', version: v },
  ),
  // Attendance, assignments and certificates (attendance.db.test.ts, certificates.db.test.ts): the staff who
  // manage the session; the learner's own assignment.
  'PUT /api/learning/sessions/{id}/days/{dayId}/attendance/{applicationId}': on(
    'training_application',
    (i) =>
      `/api/learning/sessions/${i.applicationSession}/days/${i.applicationDay}/attendance/${i.trainingApplication}`,
    { present: true },
  ),
  'PUT /api/learning/me/applications/{applicationId}/assignment': on(
    'learner_application',
    (i) => `/api/learning/me/applications/${i.trainingApplication}/assignment`,
    { body: '事例のまとめ' },
  ),
  'PUT /api/learning/sessions/{id}/assignments/{applicationId}/acceptance': on(
    'training_application',
    (i) => `/api/learning/sessions/${i.applicationSession}/assignments/${i.trainingApplication}/acceptance`,
    { accepted: true },
  ),
  'POST /api/learning/sessions/{id}/certificates': on(
    'training_application',
    (i) => `/api/learning/sessions/${i.applicationSession}/certificates`,
    {},
  ),
  'POST /api/learning/certificates/{id}/revocation': on(
    'training_application',
    (i) => `/api/learning/certificates/${i.certificate}/revocation`,
    { reason: '誤って発行' },
  ),
  // A course completed without a session (course-certificates.db.test.ts): the learner asks for their own
  // certificate; staff are refused by role before the id is read.
  'POST /api/learning/me/courses/{id}/certificate': on(
    'elearning_learner',
    (i) => `/api/learning/me/courses/${i.trainingCourse}/certificate`,
  ),
  'POST /api/learning/applications/{id}/cancel': on(
    'training_application',
    (i) => `/api/learning/applications/${i.trainingApplication}/cancel`,
    { reason: '電話で辞退', version: v },
  ),
  ...Object.fromEntries(
    (['approve', 'reject'] as const).map((d) => [
      `POST /api/learning/learners/sign-ups/{id}/${d}`,
      on('learner_sign_up', (i) => `/api/learning/learners/sign-ups/${i.learnerSignUp}/${d}`, { version: v }),
    ]),
  ),
  // E-learning (elearning/*.db.test.ts): a course's media, lessons and questions, managed like the course.
  'POST /api/learning/elearning/courses/{courseId}/media': on(
    'training',
    (i) => `/api/learning/elearning/courses/${i.trainingCourse}/media`,
    { kind: 'document', fileName: 'a.pdf', byteSize: 10 },
  ),
  'PUT /api/learning/elearning/media/{id}/chunks/{n}': on(
    'training',
    (i) => `/api/learning/elearning/media/${i.elearningMedia}/chunks/0`,
  ),
  'POST /api/learning/elearning/media/{id}/commit': on(
    'training',
    (i) => `/api/learning/elearning/media/${i.elearningMedia}/commit`,
  ),
  'DELETE /api/learning/elearning/media/{id}': on(
    'training',
    (i) => `/api/learning/elearning/media/${i.elearningMedia}`,
  ),
  'PUT /api/learning/elearning/parts/{partId}/media': on(
    'training',
    (i) => `/api/learning/elearning/parts/${i.lessonPart}/media`,
    { videoMediaId: null, captionMediaIds: [], documentMediaIds: [] },
  ),
  'PUT /api/learning/elearning/parts/{partId}/quiz': on(
    'training',
    (i) => `/api/learning/elearning/parts/${i.lessonPart}/quiz`,
    { passPercent: 80, attemptLimit: null, questionsPerAttempt: null },
  ),
  'POST /api/learning/elearning/parts/{partId}/questions': on(
    'training',
    (i) => `/api/learning/elearning/parts/${i.lessonPart}/questions`,
    QUESTION,
  ),
  'PUT /api/learning/elearning/questions/{id}': on(
    'training',
    (i) => `/api/learning/elearning/questions/${i.elearningQuestion}`,
    { ...QUESTION, version: v },
  ),
  'DELETE /api/learning/elearning/questions/{id}': on(
    'training',
    (i) => `/api/learning/elearning/questions/${i.elearningQuestion}`,
  ),
  'POST /api/learning/elearning/me/lessons/{partId}/progress': on(
    'elearning_learner',
    (i) => `/api/learning/elearning/me/lessons/${i.lessonPart}/progress`,
    { intervals: [], positionSeconds: 0 },
  ),
  'POST /api/learning/requests/{id}/entries': on(
    'training_request_dialogue',
    (i) => `/api/learning/requests/${i.trainingRequest}/entries`,
    { body: '日程の候補をお送りします' },
  ),
  'POST /api/learning/requests/{id}/need': on(
    'training_request',
    (i) => `/api/learning/requests/${i.trainingRequest}/need`,
    {
      version: v,
      need: '保育士5名が吸引の手順を学ぶ',
    },
  ),
  'POST /api/learning/requests/{id}/session': on(
    'training_request',
    (i) => `/api/learning/requests/${i.trainingRequest}/session`,
    // The request is refused or not found before the session is read.
    { version: v, sessionId: '00000000-0000-4000-8000-000000000000' },
  ),
  'POST /api/learning/requests/{id}/close': on(
    'training_request',
    (i) => `/api/learning/requests/${i.trainingRequest}/close`,
    {
      version: v,
      outcome: 'declined',
      reason: '既存の研修で対応',
    },
  ),
  'POST /api/learning/requests/{id}/assign': on(
    'training_request',
    (i) => `/api/learning/requests/${i.trainingRequest}/assign`,
    {
      version: v,
    },
  ),
  'POST /api/learning/elearning/me/lessons/{partId}/attempts': on(
    'elearning_learner',
    (i) => `/api/learning/elearning/me/lessons/${i.lessonPart}/attempts`,
  ),
  'POST /api/learning/elearning/me/attempts/{id}/submit': on(
    'elearning_learner',
    (i) => `/api/learning/elearning/me/attempts/${i.elearningAttempt}/submit`,
    { answers: {} },
  ),
  // The coordinator roster and supervise pools (learning/roster/roster.db.test.ts).
  'PUT /api/learning/roster/{learnerUserId}/status': on(
    'coordinator_roster',
    (i) => `/api/learning/roster/${i.coordinator}/status`,
    { version: 0, active: true, confirmedOn: '2026-06-01' },
  ),
  'PUT /api/learning/supervise-pool/{id}': on(
    'supervise_pool',
    (i) => `/api/learning/supervise-pool/${i.poolMember}`,
    { version: v, tags: ['medical'] },
  ),
  'DELETE /api/learning/supervise-pool/{id}': on(
    'supervise_pool',
    (i) => `/api/learning/supervise-pool/${i.poolMember}`,
  ),
};
