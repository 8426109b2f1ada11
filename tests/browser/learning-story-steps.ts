/**
 * Steps of the learning story journey (learning-story.test.ts) that are set-up rather than what the journey
 * proves: API calls made from a signed-in page (its cookie and CSRF token, as the web client sends them) to
 * prepare a course the story runs on, and a second learner's application.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * Calls the API from the page as the web client does (same origin, the session's CSRF token). `body` is JSON,
 * or bytes (a Buffer) sent as application/octet-stream. A non-2xx answer fails with its status and body.
 */
export function pageApi(page: Page): Api {
  return async <T>(method: string, path: string, body?: unknown) => {
    const bytes = Buffer.isBuffer(body) ? body.toString('base64') : null;
    const json = bytes === null && body !== undefined ? JSON.stringify(body) : null;
    const res = await page.evaluate(
      async ({ method, path, json, bytes }) => {
        const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken?: string };
        const headers: Record<string, string> = {};
        if (session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
        let payload: BodyInit | undefined;
        if (json !== null) {
          headers['content-type'] = 'application/json';
          payload = json;
        } else if (bytes !== null) {
          headers['content-type'] = 'application/octet-stream';
          payload = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
        }
        const r = await fetch(path, { method, headers, body: payload });
        return { status: r.status, text: await r.text() };
      },
      { method, path, json, bytes },
    );
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return (res.text ? JSON.parse(res.text) : null) as T;
  };
}

/** Signs a learner in through the API only (no TOTP for learners), on a page of our origin. */
export async function apiSignIn(page: Page, email: string, password: string): Promise<Api> {
  await page.goto('/public/trainings');
  await pageApi(page)('POST', '/api/auth/sign-in', { email, password });
  return pageApi(page);
}

/** Today in Japan (YYYY-MM-DD). */
export function todayInJapan(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

export const STORY = {
  courseTitle: 'ブラッシュアップ研修 呼吸ケアの基礎',
  sessionTitle: '第1回 動画と実習（定員2名）',
  lessonTitle: '呼吸ケアの基礎（講義動画）',
  dayTitle: '吸引の実習',
  place: '神奈川県総合医療会館 研修室',
  questions: [
    {
      prompt: '吸引の前に行うことはどれですか。',
      choices: ['手洗いと物品の確認', '食事の介助'],
      right: '手洗いと物品の確認',
      wrong: '食事の介助',
    },
    {
      prompt: '呼吸の様子で観察することはどれですか。',
      choices: ['胸の動きと顔色', '部屋の照明の色'],
      right: '胸の動きと顔色',
      wrong: '部屋の照明の色',
    },
  ],
} as const;

type Course = { id: string; parts: { id: string; kind: string }[] };
type Session = { id: string; version: number };
type Media = { id: string };

/**
 * A public brush-up course whose completion needs its one day attended and its one lesson complete; its lesson
 * plays the demo's 12-second WebM (uploaded through the chunked upload; the staff attach it to the lesson on the
 * course's e-learning page, in the story), with a two-question quiz (pass mark
 * 100 %, three attempts); a session of today with two seats, open for applications.
 */
export async function createStoryCourse(
  staff: Api,
): Promise<{ courseId: string; sessionId: string; videoId: string }> {
  const course = await staff<Course>('POST', '/api/learning/courses', {
    kind: 'brush_up',
    title: STORY.courseTitle,
    summary: '講義動画を視聴して確認テストに合格し、実習に出席すると修了です。',
    isPublic: true,
    completionRequiresAllDays: true,
    completionRequiresAllLessons: true,
    parts: [
      { kind: 'lesson', title: STORY.lessonTitle, durationMinutes: 1 },
      { kind: 'day', title: STORY.dayTitle, durationMinutes: 180 },
    ],
  });
  const lesson = course.parts.find((p) => p.kind === 'lesson')!;
  const day = course.parts.find((p) => p.kind === 'day')!;

  const video = readFileSync(new URL('../../src/demo/media/lesson-demo.webm', import.meta.url));
  const el = '/api/learning/elearning';
  const upload = await staff<Media>('POST', `${el}/courses/${course.id}/media`, {
    kind: 'video',
    fileName: '呼吸ケアの基礎.webm',
    byteSize: video.length,
  });
  await staff('PUT', `${el}/media/${upload.id}/chunks/0`, video);
  await staff('POST', `${el}/media/${upload.id}/commit`);
  await staff('PUT', `${el}/parts/${lesson.id}/quiz`, {
    passPercent: 100,
    attemptLimit: 3,
    questionsPerAttempt: null,
  });
  for (const q of STORY.questions) {
    await staff('POST', `${el}/parts/${lesson.id}/questions`, {
      kind: 'single',
      prompt: q.prompt,
      choices: q.choices.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
      correct: [String.fromCharCode(97 + (q.choices as readonly string[]).indexOf(q.right))],
      explanation: '',
    });
  }

  const session = await staff<Session>('POST', '/api/learning/sessions', {
    courseId: course.id,
    title: STORY.sessionTitle,
    delivery: 'in_person',
    place: STORY.place,
    capacity: 2,
    days: [{ heldOn: todayInJapan(), startsAt: '13:30', endsAt: '16:30', partId: day.id }],
  });
  await staff('POST', `/api/learning/sessions/${session.id}/status`, {
    version: session.version,
    status: 'open',
  });
  return { courseId: course.id, sessionId: session.id, videoId: upload.id };
}

/** A learner applies with the defaults of their profile (as the apply form would send them). */
export async function applyWithProfile(learner: Api, sessionId: string): Promise<void> {
  const ctx = await learner<{
    defaults: { profession: string; municipalityCode: string | null; workplace: string };
  }>('GET', `/api/learning/sessions/${sessionId}/apply`);
  await learner('POST', `/api/learning/sessions/${sessionId}/apply`, ctx.defaults);
}
