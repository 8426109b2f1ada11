/**
 * The world of the e-learning database tests: prefecture 14 with branches A and B (different regions) under
 * its HQ, a course of branch A with one lesson, staff of each branch, an administrator of prefecture 43, two
 * learners of 14 and one of 43; and the raw requests that chunks and Range need, bound to the test app.
 */
import { expect } from 'vitest';
import { trainingCourseParts, trainingCourses } from '../../../db/schema';
import type { TestApp, TestClient } from '../../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../../test/factories';
import { signedInUser } from '../../../test/sign-in';
import type { Role } from '../../access/roles';
import { syntheticMp4 } from './fixtures';
import { UPLOAD_CHUNK_BYTES } from './media-store';

export const LEARNER = 'learner' as Role;
export const BASE = '/api/learning/elearning';

/** Two chunks, with the index after the data (as a camera writes it). */
export const VIDEO = syntheticMp4({
  durationMs: 120_000,
  payloadBytes: UPLOAD_CHUNK_BYTES + 100_000,
  moovFirst: false,
});

type Raw = (
  client: TestClient,
  method: string,
  path: string,
  body?: Buffer,
  headers?: Record<string, string>,
) => Promise<{ status: number; headers: Headers; bytes: Buffer }>;

export type ElearningWorld = {
  staffA: TestClient;
  staffB: TestClient;
  other: TestClient;
  learner: TestClient;
  learner2: TestClient;
  farLearner: TestClient;
  learnerId: string;
  learner2Id: string;
  courseId: string;
  lessonId: string;
  /** A raw request with the client's session (binary bodies and answers). */
  raw: Raw;
  /** Creates, sends chunk by chunk and commits a media object of the course; answers its id. */
  upload: (client: TestClient, kind: 'video' | 'captions', bytes: Buffer, extra?: object) => Promise<string>;
};

export async function elearningWorld(t: TestApp): Promise<ElearningWorld> {
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  const region = (await makeRegion(db, '14', '湘南東部', ['142051'])).id;
  const region2 = (await makeRegion(db, '14', '横浜', ['141003'])).id;
  const hq = await makeCentre(db, '14', { kind: 'hq' });
  const a = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region] });
  const b = await makeCentre(db, '14', { kind: 'branch', parentId: hq.id, regionIds: [region2] });
  const staffA = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: a.id })).client;
  const staffB = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: b.id })).client;
  const other = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
  const l = await signedInUser(t, LEARNER, { prefectureCode: '14' });
  const l2 = await signedInUser(t, LEARNER, { prefectureCode: '14' });
  const farLearner = (await signedInUser(t, LEARNER, { prefectureCode: '43' })).client;
  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: '14',
      kind: 'supporter_elearning',
      title: '支援者向けeラーニング',
      ownerCentreId: a.id,
    })
    .returning();
  const courseId = course!.id;
  const [part] = await db
    .insert(trainingCourseParts)
    .values({ courseId, seq: 1, kind: 'lesson', title: '第1講 吸引' })
    .returning();

  const raw: Raw = async (client, method, path, body, headers = {}) => {
    const h: Record<string, string> = { 'x-forwarded-for': client.ip, ...headers };
    if (client.cookie) h.cookie = client.cookie;
    if (client.csrf && method !== 'GET') h['x-csrf-token'] = client.csrf;
    if (body) h['content-type'] = 'application/octet-stream';
    const res = await t.app.request(path, {
      method,
      headers: h,
      body: body ? new Uint8Array(body) : undefined,
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  const upload: ElearningWorld['upload'] = async (client, kind, bytes, extra = {}) => {
    const created = await client.post(`${BASE}/courses/${courseId}/media`, {
      kind,
      fileName: `f.${kind}`,
      byteSize: bytes.length,
      ...extra,
    });
    expect(created.status).toBe(200);
    const id: string = created.body.id;
    for (let n = 0; n < created.body.chunkCount; n++) {
      const res = await raw(
        client,
        'PUT',
        `${BASE}/media/${id}/chunks/${n}`,
        bytes.subarray(n * UPLOAD_CHUNK_BYTES, (n + 1) * UPLOAD_CHUNK_BYTES),
      );
      expect(res.status).toBe(200);
    }
    const done = await client.post(`${BASE}/media/${id}/commit`);
    expect(done.status).toBe(200);
    return id;
  };

  return {
    staffA,
    staffB,
    other,
    learner: l.client,
    learner2: l2.client,
    farLearner,
    learnerId: l.user.id,
    learner2Id: l2.user.id,
    courseId,
    lessonId: part!.id,
    raw,
    upload,
  };
}
