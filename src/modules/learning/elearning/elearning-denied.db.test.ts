/**
 * The denied story for e-learning: another branch may read a course's media and quiz but not change them;
 * another prefecture gets 404 for everything, a learner of another prefecture too; roles that are not learners
 * get 403 on the learner side and learners on the staff side; a media object in use cannot be deleted. The
 * lesson's own path is in elearning.db.test.ts.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elearningMedia } from '../../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/app';
import { syntheticVtt } from './fixtures';
import { BASE, type ElearningWorld, elearningWorld, VIDEO } from './testing';

let t: TestApp;
let staffA: TestClient;
let staffB: TestClient;
let other: TestClient;
let learner: TestClient;
let farLearner: TestClient;
let courseId: string;
let lessonId: string;
let videoId: string;
let raw: ElearningWorld['raw'];

beforeAll(async () => {
  t = await createTestApp();
  let upload: ElearningWorld['upload'];
  ({ staffA, staffB, other, learner, farLearner, courseId, lessonId, raw, upload } = await elearningWorld(t));
  // The course as the lesson's path leaves it, which the denied calls aim at: a ready video and captions
  // attached to the lesson, its quiz, and an upload refused at its first chunk (read by the last test).
  videoId = await upload(staffA, 'video', VIDEO);
  const captions = await upload(staffA, 'captions', syntheticVtt(), { captionLanguage: 'ja' });
  const set = await staffA.put(`${BASE}/parts/${lessonId}/media`, {
    videoMediaId: videoId,
    captionMediaIds: [captions],
    documentMediaIds: [],
  });
  expect(set.status).toBe(200);
  const quiz = await staffA.put(`${BASE}/parts/${lessonId}/quiz`, {
    passPercent: 100,
    attemptLimit: 3,
    questionsPerAttempt: null,
  });
  expect(quiz.status).toBe(200);
  const text = Buffer.from('これは動画ではありません。'.repeat(10));
  const refused = await staffA.post(`${BASE}/courses/${courseId}/media`, {
    kind: 'video',
    fileName: 'x.mp4',
    byteSize: text.length,
  });
  expect((await raw(staffA, 'PUT', `${BASE}/media/${refused.body.id}/chunks/0`, text)).status).toBe(422);
});
afterAll(async () => {
  await t.close();
});

describe('denied', () => {
  it('another branch may read but not change; another prefecture gets 404 for everything', async () => {
    for (const c of [staffB, other]) {
      expect(
        (await c.post(`${BASE}/courses/${courseId}/media`, { kind: 'video', fileName: 'x', byteSize: 10 }))
          .status,
      ).toBe(404);
      expect((await c.post(`${BASE}/media/${videoId}/commit`)).status).toBe(404);
      expect((await c.delete(`${BASE}/media/${videoId}`)).status).toBe(404);
      expect((await raw(c, 'PUT', `${BASE}/media/${videoId}/chunks/0`, Buffer.alloc(1))).status).toBe(404);
      expect(
        (
          await c.put(`${BASE}/parts/${lessonId}/media`, {
            videoMediaId: null,
            captionMediaIds: [],
            documentMediaIds: [],
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await c.put(`${BASE}/parts/${lessonId}/quiz`, {
            passPercent: 1,
            attemptLimit: null,
            questionsPerAttempt: null,
          })
        ).status,
      ).toBe(404);
    }
    // Branch staff read the prefecture's courses (F's policy), so the media and quiz are readable to branch B.
    expect((await staffB.get(`${BASE}/media/${videoId}`)).status).toBe(200);
    expect((await staffB.get(`${BASE}/parts/${lessonId}/quiz`)).status).toBe(200);
    for (const path of [`/courses/${courseId}/media`, `/media/${videoId}`, `/parts/${lessonId}/quiz`]) {
      expect((await other.get(`${BASE}${path}`)).status).toBe(404);
    }
    expect((await raw(other, 'GET', `${BASE}/media/${videoId}/content`)).status).toBe(404);
  });

  it('a learner of another prefecture gets 404; roles that are not learners get 403 on the learner side', async () => {
    expect((await farLearner.get(`${BASE}/me/lessons/${lessonId}`)).status).toBe(404);
    expect((await raw(farLearner, 'GET', `${BASE}/me/media/${videoId}`)).status).toBe(404);
    expect(
      (
        await farLearner.post(`${BASE}/me/lessons/${lessonId}/progress`, {
          intervals: [],
          positionSeconds: 0,
        })
      ).status,
    ).toBe(404);
    expect((await staffA.get(`${BASE}/me/lessons/${lessonId}`)).status).toBe(403);
    expect((await learner.get(`${BASE}/media/${videoId}`)).status).toBe(403);
    expect(
      (
        await learner.post(`${BASE}/courses/${courseId}/media`, {
          kind: 'video',
          fileName: 'x',
          byteSize: 10,
        })
      ).status,
    ).toBe(403);
  });

  it('a media object in use cannot be deleted; the staff list never shows the bytes of a refused upload', async () => {
    expect((await staffA.delete(`${BASE}/media/${videoId}`)).body.error.code).toBe('elearning_media_in_use');
    const rows = await t.db.systemDb
      .select()
      .from(elearningMedia)
      .where(eq(elearningMedia.courseId, courseId));
    expect(rows.every((m) => m.status === 'ready' || m.status === 'uploading')).toBe(true);
  });
});
