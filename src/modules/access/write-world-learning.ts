import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  elearningAttempts,
  trainingApplications,
  trainingCompletions,
  trainingCourseParts,
} from '../../db/schema';
import type { TestApp, TestClient } from '../../test/app';
import { makeCentre, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * The learning module's records of the write-probe world (write-world.ts): an application with its session and
 * certificate, a supervise-pool member, a training request and the e-learning records.
 */

/** The body of a successful answer; a failed one stops the world's set-up with what failed. */
export function ok<T>(res: { status: number; body: T }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * An open session of the centre (HQ, online, with a capacity), a learner's application to it and a certificate
 * of the course for that learner (written to the table: issuing one needs a completed session).
 */
export async function trainingApplication(t: TestApp, staff: TestClient, prefectureCode: string) {
  const course = ok(
    await staff.post('/api/learning/courses', {
      kind: 'coordinator_course',
      title: 'コーディネーター養成研修',
    }),
    'coordinator course',
  );
  const session = ok(
    await staff.post('/api/learning/sessions', {
      courseId: course.id,
      delivery: 'online',
      capacity: 10,
      days: [{ heldOn: '2099-06-01' }],
    }),
    'coordinator session',
  );
  ok(
    await staff.post(`/api/learning/sessions/${session.id}/status`, {
      version: session.version,
      status: 'open',
    }),
    'open the session',
  );
  const learner = (await signedInUser(t, 'learner', { prefectureCode })).client;
  const applied = ok(
    await learner.post(`/api/learning/sessions/${session.id}/apply`, {
      profession: 'nurse',
      municipalityCode: null,
      workplace: '訪問看護ステーション',
    }),
    'application',
  );
  const [learnerRow] = await t.db.systemDb
    .select({ userId: trainingApplications.learnerUserId })
    .from(trainingApplications)
    .where(eq(trainingApplications.id, applied.id));
  const [certificate] = await t.db.systemDb
    .insert(trainingCompletions)
    .values({
      prefectureCode,
      courseId: course.id,
      sessionId: session.id,
      learnerUserId: learnerRow!.userId,
      completedOn: '2099-06-01',
      certificateSerial: `R81-PROB-E${prefectureCode}0-${randomUUID().slice(0, 4)}`,
    })
    .returning({ id: trainingCompletions.id });
  return {
    trainingApplication: applied.id as string,
    applicationSession: session.id as string,
    applicationDay: session.days[0].id as string,
    certificate: certificate!.id,
    coordinator: learnerRow!.userId,
  };
}

/** A person of the prefecture in the supervise pool of a new branch, added through the API. */
export async function poolMember(t: TestApp, admin: TestClient, prefectureCode: string, personId: string) {
  const branch = await makeCentre(t.db.systemDb, prefectureCode, { kind: 'branch' });
  const body = { centreId: branch.id, personId, tags: ['medical', 'welfare'] };
  return ok(await admin.post('/api/learning/supervise-pool', body), 'supervise pool member').id as string;
}

/** A training request of a municipality, recorded by the centre (owned by its HQ). */
export async function trainingRequest(staff: TestClient, municipalityCode: string) {
  const body = {
    requesterKind: 'municipality',
    requesterMunicipalityCode: municipalityCode,
    askedFor: '保育士向けの吸引の研修',
    reason: '医療的ケア児の入園に備えて',
  };
  return ok(await staff.post('/api/learning/requests', body), 'training request').id as string;
}

/** A lesson of a course with a media upload begun, a question and a learner's attempt (e-learning's records). */
export async function elearningRecords(t: TestApp, admin: TestClient, courseId: string) {
  const db = t.db.systemDb;
  const [part] = await db
    .insert(trainingCourseParts)
    .values({ courseId, seq: 90, kind: 'lesson', title: '第1講 吸引' })
    .returning();
  const base = '/api/learning/elearning';
  const media = ok(
    await admin.post(`${base}/courses/${courseId}/media`, {
      kind: 'document',
      fileName: 'a.pdf',
      byteSize: 10,
    }),
    'e-learning media',
  );
  const question = ok(
    await admin.post(`${base}/parts/${part!.id}/questions`, {
      kind: 'single',
      prompt: '吸引の前に行うことは？',
      choices: [
        { id: 'a', text: '手洗い' },
        { id: 'b', text: '食事' },
      ],
      correct: ['a'],
    }),
    'e-learning question',
  );
  const learner = await makeUser(db, 'learner', { prefectureCode: '43' });
  const [attempt] = await db
    .insert(elearningAttempts)
    .values({
      partId: part!.id,
      learnerUserId: learner.id,
      prefectureCode: '43',
      attemptNo: 1,
      questions: [],
      passPercent: 80,
    })
    .returning();
  return {
    lessonPart: part!.id,
    elearningMedia: media.id as string,
    elearningQuestion: question.id as string,
    elearningAttempt: attempt!.id,
  };
}
