/**
 * A transaction is one connection: the statements run inside it go one after another
 * (src/test/busy-connections.ts). Issuing certificates evaluates inside its transaction — for a session's
 * participants, and for a learner claiming the certificate of a course completed without a session — and a
 * stale edit of a course, a session or a training request answers 409 with the current record read inside the
 * transaction. Only the PostgreSQL run can fail; PGlite serialises by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elearningLessonMedia,
  elearningMedia,
  elearningProgress,
  trainingCourseParts,
  trainingCourses,
} from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { watchBusyConnections } from '../../test/busy-connections';
import { signedInUser } from '../../test/sign-in';
import { courseBody, sessionBody } from './testing';
import { type AttendanceWorld, addLearner, attendanceWorld, makeSessionWithDays } from './testing-attendance';

let t: TestApp;
let w: AttendanceWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await attendanceWorld(t);
});
afterAll(() => t.close());

/** Runs `act` and answers the statements it sent to a busy connection. */
async function busyDuring(act: () => Promise<void>): Promise<string[]> {
  const busy = watchBusyConnections();
  try {
    await act();
  } finally {
    busy.stop();
  }
  return busy.seen;
}

describe('certificates issued in one transaction', () => {
  it('for a session: no statement goes to its connection while another is running', async () => {
    const s = await makeSessionWithDays(t, { ownerCentreId: w.branch.id });
    const staff = w.users.branchStaff;
    for (const name of ['湘南 花子', '藤沢 太郎']) {
      const l = await addLearner(t, s.session.id, name);
      for (const d of s.days) {
        const res = await staff.put(
          `/api/learning/sessions/${s.session.id}/days/${d.id}/attendance/${l.applicationId}`,
          { present: true },
        );
        expect(res.status).toBe(200);
      }
    }
    const seen = await busyDuring(async () => {
      const res = await staff.post(`/api/learning/sessions/${s.session.id}/certificates`, {});
      expect(res.status).toBe(200);
      expect(res.body.issued).toHaveLength(2);
    });
    expect(seen).toEqual([]);
  });

  it('for a course completed without a session: the same', async () => {
    const db = t.db.systemDb;
    const { user, client } = await signedInUser(t, 'learner', { prefectureCode: '14' });
    const [course] = await db
      .insert(trainingCourses)
      .values({
        prefectureCode: '14',
        kind: 'supporter_elearning',
        title: 'eラーニング（基礎）',
        isPublic: true,
        completionRequiresAllDays: false,
        completionRequiresAllLessons: true,
      })
      .returning();
    const [lesson] = await db
      .insert(trainingCourseParts)
      .values({ courseId: course!.id, seq: 1, kind: 'lesson', title: '医療的ケア児とは' })
      .returning();
    const [video] = await db
      .insert(elearningMedia)
      .values({
        prefectureCode: '14',
        courseId: course!.id,
        kind: 'video',
        status: 'ready',
        fileName: 'lesson1.mp4',
        byteSize: 1000,
        chunkBytes: 1000,
        partBytes: 1000,
        contentType: 'video/mp4',
        durationMs: 60_000,
        readyAt: new Date('2026-04-01T00:00:00Z'),
        uploadedBy: user.id,
      })
      .returning();
    await db.insert(elearningLessonMedia).values({ partId: lesson!.id, mediaId: video!.id, kind: 'video' });
    await db.insert(elearningProgress).values({
      learnerUserId: user.id,
      partId: lesson!.id,
      prefectureCode: '14',
      mediaId: video!.id,
      durationMs: 60_000,
      watched: [[0, 60_000]],
      coveredMs: 60_000,
      completedAt: new Date('2026-05-01T01:00:00Z'),
    });
    const seen = await busyDuring(async () => {
      const res = await client.post(`/api/learning/me/courses/${course!.id}/certificate`, {});
      expect(res.status).toBe(200);
    });
    expect(seen).toEqual([]);
  });
});

describe('a stale edit answers 409 with the current record', () => {
  it('of a course, a session and a training request, read one statement after another', async () => {
    const admin = w.users.admin;
    const course = await admin.post('/api/learning/courses', courseBody());
    expect(course.status).toBe(201);
    const session = await admin.post('/api/learning/sessions', sessionBody(course.body.id));
    expect(session.status).toBe(201);
    const filed = await w.users.municipal.post('/api/learning/requests', {
      askedFor: '胃ろうからの注入の研修を教員向けに',
      reason: '来年度、胃ろうのある児童が入学するため',
      requesterName: '障害福祉課',
      contactName: '山田',
    });
    expect(filed.status).toBe(201);
    const seen = await busyDuring(async () => {
      const stale = [
        await admin.patch(`/api/learning/courses/${course.body.id}`, {
          version: course.body.version + 1,
          title: '別の題名',
        }),
        await admin.patch(`/api/learning/sessions/${session.body.id}`, {
          version: session.body.version + 1,
          place: '別の会場',
        }),
        await admin.post(`/api/learning/requests/${filed.body.id}/assign`, {
          version: filed.body.version + 1,
        }),
      ];
      expect(stale.map((r) => r.status)).toEqual([409, 409, 409]);
      expect(stale.map((r) => r.body.error.detail.current.id)).toEqual([
        course.body.id,
        session.body.id,
        filed.body.id,
      ]);
    });
    expect(seen).toEqual([]);
  });
});
