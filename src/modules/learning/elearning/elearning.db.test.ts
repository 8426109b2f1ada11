/**
 * E-learning through the API, the path of a lesson: a chunked, resumable upload checked by content; the stream
 * with Range; a lesson with its video and quiz; progress reports under the server's rule (a faking client gets
 * only what real time allows); a quiz failed then passed, graded on the server with the answers hidden until
 * submission; the lessons completed for certificates. The denied story is in elearning-denied.db.test.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, elearningProgress, fileParts } from '../../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/app';
import { syntheticVtt } from './fixtures';
import { UPLOAD_CHUNK_BYTES } from './media-store';
import { PROGRESS_RULE } from './progress';
import { lessonsCompleted } from './progress-store';
import { BASE, type ElearningWorld, elearningWorld, VIDEO } from './testing';

let t: TestApp;
let staffA: TestClient;
let learner: TestClient;
let learner2: TestClient;
let learnerId: string;
let learner2Id: string;
let courseId: string;
let lessonId: string;
let videoId: string;
let raw: ElearningWorld['raw'];
let upload: ElearningWorld['upload'];

/** Moves the learner's last report back, as if `ms` of real time had passed. */
async function timePasses(ms: number) {
  await t.db.systemDb
    .update(elearningProgress)
    .set({ lastReportAt: sql`${elearningProgress.lastReportAt} - make_interval(secs => ${ms / 1000})` })
    .where(and(eq(elearningProgress.learnerUserId, learnerId), eq(elearningProgress.partId, lessonId)));
}

beforeAll(async () => {
  t = await createTestApp();
  ({ staffA, learner, learner2, learnerId, learner2Id, courseId, lessonId, raw, upload } =
    await elearningWorld(t));
});
afterAll(async () => {
  await t.close();
});

describe('uploading', () => {
  it('refuses a 5 GB video before a byte is sent, with the limit', async () => {
    const res = await staffA.post(`${BASE}/courses/${courseId}/media`, {
      kind: 'video',
      fileName: 'big.mp4',
      byteSize: 5 * 1024 ** 3,
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('elearning_media_too_large');
    expect(res.body.error.detail.limitBytes).toBe(2 * 1024 ** 3);
  });

  it('refuses a file that is not a video at its first chunk, storing nothing', async () => {
    const text = Buffer.from('これは動画ではありません。'.repeat(10));
    const created = await staffA.post(`${BASE}/courses/${courseId}/media`, {
      kind: 'video',
      fileName: 'x.mp4',
      byteSize: text.length,
    });
    const res = await raw(staffA, 'PUT', `${BASE}/media/${created.body.id}/chunks/0`, text);
    expect(res.status).toBe(422);
    expect(JSON.parse(res.bytes.toString()).error.code).toBe('elearning_media_not_video');
    const parts = await t.db.systemDb.select().from(fileParts).where(eq(fileParts.fileId, created.body.id));
    expect(parts).toHaveLength(0);
  });

  it('resumes: a missing chunk blocks the commit, a chunk sent twice replaces itself, the duration is read', async () => {
    const created = await staffA.post(`${BASE}/courses/${courseId}/media`, {
      kind: 'video',
      fileName: '第1講.mp4',
      byteSize: VIDEO.length,
    });
    expect(created.body.chunkCount).toBe(2);
    const id = created.body.id;
    const chunk = (n: number) => VIDEO.subarray(n * UPLOAD_CHUNK_BYTES, (n + 1) * UPLOAD_CHUNK_BYTES);
    expect((await raw(staffA, 'PUT', `${BASE}/media/${id}/chunks/0`, chunk(0))).status).toBe(200);
    const early = await staffA.post(`${BASE}/media/${id}/commit`);
    expect(early.status).toBe(409);
    expect(early.body.error.detail.missing).toEqual([1]);
    const wrong = await raw(staffA, 'PUT', `${BASE}/media/${id}/chunks/1`, Buffer.alloc(10));
    expect(wrong.status).toBe(400);
    expect((await raw(staffA, 'PUT', `${BASE}/media/${id}/chunks/1`, chunk(1))).status).toBe(200);
    expect((await raw(staffA, 'PUT', `${BASE}/media/${id}/chunks/1`, chunk(1))).status).toBe(200);
    const status = await staffA.get(`${BASE}/media/${id}`);
    expect(status.body.receivedChunks).toEqual([0, 1]);
    const done = await staffA.post(`${BASE}/media/${id}/commit`);
    expect(done.body).toMatchObject({
      status: 'ready',
      contentType: 'video/mp4',
      durationMs: 120_000,
      faststart: false,
    });
    videoId = id;
  });
});

describe('streaming with Range', () => {
  const path = () => `${BASE}/media/${videoId}/content`;
  it('answers the whole file, a range, a suffix, 416 past the end and 304 when current', async () => {
    const full = await raw(staffA, 'GET', path());
    expect(full.status).toBe(200);
    expect(full.bytes.equals(VIDEO)).toBe(true);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('cache-control')).toContain('immutable');
    // A range across the boundary of two stored parts.
    const start = 256 * 1024 - 10;
    const part = await raw(staffA, 'GET', path(), undefined, { range: `bytes=${start}-${start + 99}` });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${start}-${start + 99}/${VIDEO.length}`);
    expect(part.bytes.equals(VIDEO.subarray(start, start + 100))).toBe(true);
    const tail = await raw(staffA, 'GET', path(), undefined, { range: 'bytes=-500' });
    expect(tail.bytes.equals(VIDEO.subarray(VIDEO.length - 500))).toBe(true);
    const past = await raw(staffA, 'GET', path(), undefined, { range: `bytes=${VIDEO.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${VIDEO.length}`);
    const again = await raw(staffA, 'GET', path(), undefined, { 'if-none-match': `"${videoId}"` });
    expect(again.status).toBe(304);
  });
});

describe('a lesson, watched and tested', () => {
  it('staff attach the video and captions and write the quiz', async () => {
    const captions = await upload(staffA, 'captions', syntheticVtt(), { captionLanguage: 'ja' });
    const set = await staffA.put(`${BASE}/parts/${lessonId}/media`, {
      videoMediaId: videoId,
      captionMediaIds: [captions],
      documentMediaIds: [],
    });
    expect(set.status).toBe(200);
    expect(
      (
        await staffA.put(`${BASE}/parts/${lessonId}/quiz`, {
          passPercent: 100,
          attemptLimit: 3,
          questionsPerAttempt: null,
        })
      ).status,
    ).toBe(200);
    const q = await staffA.post(`${BASE}/parts/${lessonId}/questions`, {
      kind: 'single',
      prompt: '吸引の前に行うことは？',
      choices: [
        { id: 'a', text: '手指衛生' },
        { id: 'b', text: '食事' },
      ],
      correct: ['a'],
      explanation: '感染予防のため',
    });
    expect(q.status).toBe(200);
    const bad = await staffA.post(`${BASE}/parts/${lessonId}/questions`, {
      kind: 'single',
      prompt: '?',
      choices: [
        { id: 'a', text: 'x' },
        { id: 'b', text: 'y' },
      ],
      correct: ['a', 'b'],
    });
    expect(bad.body.error.code).toBe('elearning_question_invalid');
  });

  it('the learner sees the lesson without any correct answer and streams the video', async () => {
    const res = await learner.get(`${BASE}/me/lessons/${lessonId}`);
    expect(res.status).toBe(200);
    expect(res.body.video).toMatchObject({ mediaId: videoId, durationMs: 120_000 });
    expect(res.body.captions).toEqual([{ mediaId: expect.any(String), language: 'ja' }]);
    expect(res.body.quiz).toMatchObject({
      passPercent: 100,
      attemptLimit: 3,
      attemptsUsed: 0,
      passed: false,
    });
    const range = await raw(learner, 'GET', `${BASE}/me/media/${videoId}`, undefined, { range: 'bytes=0-7' });
    expect(range.status).toBe(206);
    expect(range.bytes.equals(VIDEO.subarray(0, 8))).toBe(true);
  });

  it('progress: a claim of the whole video gets only what real time allows; honest reports complete it', async () => {
    const report = (intervals: [number, number][], positionSeconds: number) =>
      learner.post(`${BASE}/me/lessons/${lessonId}/progress`, { intervals, positionSeconds });
    expect((await report([], 0)).status).toBe(200);
    const cheat = await report([[0, 120]], 120);
    expect(cheat.body.acceptedMs).toBeLessThanOrEqual(PROGRESS_RULE.toleranceMs + 1000);
    expect(cheat.body.complete).toBe(false);
    expect((await report([[0, 200]], 0)).body.error.code).toBe('elearning_progress_refused');
    expect((await report([[50, 10]], 0)).status).toBe(400);
    for (let s = 15; s <= 120; s += 15) {
      await timePasses(15_000);
      const res = await report([[0, s]], s);
      expect(res.status).toBe(200);
    }
    const after = await learner.get(`${BASE}/me/lessons/${lessonId}`);
    expect(after.body.progress).toMatchObject({ complete: true, percent: 100 });
    // Progress lives on the server: another device (a new sign-in) sees it.
    const [row] = await t.db.systemDb
      .select()
      .from(elearningProgress)
      .where(eq(elearningProgress.learnerUserId, learnerId));
    expect(row?.completedAt).not.toBeNull();
    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'elearning_progress'));
    expect(audits).toHaveLength(1);
  });

  it('progress: reports arriving at once (two tabs) are all applied, one after the other, sharing one credit', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        learner2.post(`${BASE}/me/lessons/${lessonId}/progress`, {
          intervals: [[i * 10, i * 10 + 10]],
          positionSeconds: 0,
        }),
      ),
    );
    const elapsed = Date.now() - started;
    for (const a of answers) expect(a.status).toBe(200);
    const accepted = answers.reduce((sum, a) => sum + a.body.acceptedMs, 0);
    // The tolerance is granted once, not per report; nothing accepted is lost to a concurrent write.
    expect(accepted).toBeLessThanOrEqual(PROGRESS_RULE.toleranceMs + 2 * elapsed + 10);
    expect(accepted).toBeGreaterThan(0);
    const lesson = await learner2.get(`${BASE}/me/lessons/${lessonId}`);
    expect(lesson.body.progress.coveredMs).toBe(accepted);
  });

  it('the quiz is graded on the server: failed, then passed; answers hidden until submitted', async () => {
    const first = await learner.post(`${BASE}/me/lessons/${lessonId}/attempts`);
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).not.toContain('感染予防');
    expect(first.body.review).toBeNull();
    const qid = first.body.questions[0].questionId;
    // Another learner cannot submit or read this attempt.
    expect(
      (await learner2.post(`${BASE}/me/attempts/${first.body.id}/submit`, { answers: { [qid]: ['a'] } }))
        .status,
    ).toBe(404);
    expect((await learner2.get(`${BASE}/me/attempts/${first.body.id}`)).status).toBe(404);
    const failed = await learner.post(`${BASE}/me/attempts/${first.body.id}/submit`, {
      answers: { [qid]: ['b'] },
    });
    expect(failed.body).toMatchObject({ status: 'failed', scorePercent: 0, attemptsLeft: 2 });
    expect(failed.body.review[0]).toMatchObject({
      correct: false,
      correctChoiceIds: ['a'],
      explanation: '感染予防のため',
    });
    expect((await learner.post(`${BASE}/me/attempts/${first.body.id}/submit`, { answers: {} })).status).toBe(
      409,
    );
    const second = await learner.post(`${BASE}/me/lessons/${lessonId}/attempts`);
    const passed = await learner.post(`${BASE}/me/attempts/${second.body.id}/submit`, {
      answers: { [qid]: ['a'] },
    });
    expect(passed.body).toMatchObject({ status: 'passed', scorePercent: 100 });
    expect((await learner.post(`${BASE}/me/lessons/${lessonId}/attempts`)).body.error.code).toBe(
      'elearning_already_passed',
    );
    const done = await lessonsCompleted(t.db.systemDb, learnerId, courseId);
    expect(done).toEqual({ lessonIds: [lessonId], completedIds: [lessonId], allComplete: true });
  });

  it('a learner who has used every attempt is told so', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await learner2.post(`${BASE}/me/lessons/${lessonId}/attempts`);
      expect(a.body).toMatchObject({ attemptNo: i + 1, status: 'in_progress' });
      const sent = await learner2.post(`${BASE}/me/attempts/${a.body.id}/submit`, { answers: {} });
      expect(sent.body).toMatchObject({ status: 'failed', attemptsLeft: 2 - i });
    }
    const res = await learner2.post(`${BASE}/me/lessons/${lessonId}/attempts`);
    expect(res.body.error.code).toBe('elearning_attempts_used');
    // Failed every attempt: not complete. (A made-up id was learnerId itself whenever that ended in the digit.)
    const notYet = await lessonsCompleted(t.db.systemDb, learner2Id, courseId);
    expect(notYet).toEqual({ lessonIds: [lessonId], completedIds: [], allComplete: false });
  });
});
