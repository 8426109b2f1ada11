import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { elearningLessonMedia, elearningMedia, elearningMediaChunks } from '../../../db/schema';
import type { Deps } from '../../../server/context';
import { AppError, type ErrorCode } from '../../../server/errors';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../../server/openapi';
import type { FileKind } from '../../../shared/vocab/files';
import type { MediaKind } from '../../../shared/vocab/learning-elearning';
import { requireActor } from '../../accounts/middleware';
import { recordAudit } from '../../audit/record';
import { beginUpload, discardFile, markUploadReady } from '../../files/store';
import { learningPolicyFor, requireStaff } from '../scope';
import { type Media, staffCourse, staffMedia } from './access';
import { type ProbeRefusal, probeMedia } from './media-probe';
import {
  chunkCount,
  discardBytes,
  expectedChunkBytes,
  maxBytesFor,
  mediaPartBytes,
  mediaReader,
  partsComplete,
  receivedChunks,
  UPLOAD_CHUNK_BYTES,
  writeChunk,
} from './media-store';
import { ZChunkParams, ZCourseParam, ZCreateUploadRequest, ZMedia, ZMediaList } from './schemas';
import { serveMedia } from './serve';

const tags = ['learning-elearning'];

/** The file store's kind for each kind of lesson media (their limits are the store's, decision 0025). */
const FILE_KIND_OF: Record<MediaKind, FileKind> = {
  video: 'lesson_video',
  captions: 'lesson_captions',
  document: 'lesson_document',
};

export function presentMedia(m: Media, received: number[]) {
  return {
    id: m.id,
    courseId: m.courseId,
    kind: m.kind,
    status: m.status,
    fileName: m.fileName,
    byteSize: m.byteSize,
    chunkBytes: m.chunkBytes,
    chunkCount: chunkCount(m),
    receivedChunks: received,
    contentType: m.contentType,
    durationMs: m.durationMs,
    faststart: m.faststart,
    captionLanguage: m.captionLanguage,
    createdAt: m.createdAt.toISOString(),
    readyAt: m.readyAt?.toISOString() ?? null,
  };
}

const REFUSAL_CODES: Record<ProbeRefusal, ErrorCode> = {
  not_video: 'elearning_media_not_video',
  video_duration_unknown: 'elearning_media_duration_unknown',
  not_webvtt: 'elearning_media_not_captions',
  captions_not_utf8: 'elearning_media_not_captions',
  not_pdf: 'elearning_media_not_pdf',
  empty_file: 'elearning_media_empty',
};

/**
 * Staff upload and manage a course's media (decision 0021): announce an upload (size checked at once), send
 * numbered chunks (resumable; the first is checked by content before the rest is accepted), commit (the whole
 * file checked by content, its duration read), preview with Range, delete when no lesson uses it.
 */
export function mediaRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/courses/{courseId}/media',
      tags,
      summary: '研修の教材ファイル一覧 / The media of a course',
      request: { params: ZCourseParam },
      responses: jsonOk(ZMediaList),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      const course = await staffCourse(db, policy, c.req.valid('param').courseId, 'read');
      const rows = await db
        .select()
        .from(elearningMedia)
        .where(and(eq(elearningMedia.courseId, course.id), isNull(elearningMedia.deletedAt)))
        .orderBy(desc(elearningMedia.createdAt));
      const items = [];
      for (const m of rows)
        items.push(presentMedia(m, m.status === 'ready' ? [] : await receivedChunks(db, m.id)));
      return c.json({ items }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/courses/{courseId}/media',
      tags,
      summary: 'アップロードの開始 / Begin uploading a video, captions or a document',
      request: { params: ZCourseParam, body: jsonBody(ZCreateUploadRequest) },
      responses: jsonOk(ZMedia),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const body = c.req.valid('json');
      const course = await staffCourse(db, policy, c.req.valid('param').courseId, 'manage');
      const limit = maxBytesFor(body.kind, deps.config.learningMediaMaxBytes);
      // Refused before a byte is sent: a 5 GB file learns at once that it will not fit.
      if (body.byteSize > limit)
        throw new AppError('elearning_media_too_large', { detail: { limitBytes: limit } });
      if (body.kind === 'captions' && !body.captionLanguage) {
        throw new AppError('validation_failed', {
          issues: [{ path: 'captionLanguage', message: 'required for captions' }],
        });
      }
      const media = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(elearningMedia)
          .values({
            prefectureCode: course.prefectureCode,
            courseId: course.id,
            kind: body.kind,
            fileName: body.fileName,
            byteSize: body.byteSize,
            chunkBytes: UPLOAD_CHUNK_BYTES,
            partBytes: mediaPartBytes(deps.db.kind),
            captionLanguage: body.kind === 'captions' ? (body.captionLanguage ?? null) : null,
            uploadedBy: actor.userId,
          })
          .returning();
        // The bytes go to the one file store under the media object's id (decision 0025).
        await beginUpload(tx, {
          id: row!.id,
          prefectureCode: course.prefectureCode,
          kind: FILE_KIND_OF[body.kind],
          name: body.fileName,
          byteSize: body.byteSize,
          partBytes: row!.partBytes,
          createdBy: actor.userId,
          at: deps.now(),
        });
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'create',
            entityType: 'elearning_media',
            entityIds: [row!.id, course.id],
            detail: { kind: body.kind, byteSize: body.byteSize },
          },
        );
        return row!;
      });
      return c.json(presentMedia(media, []), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/media/{id}',
      tags,
      summary: 'アップロードの状況 / A media object and the chunks received',
      request: { params: ZIdParam },
      responses: jsonOk(ZMedia),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'read');
      const m = await staffMedia(db, policy, c.req.valid('param').id, 'read');
      return c.json(presentMedia(m, await receivedChunks(db, m.id)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/media/{id}/chunks/{n}',
      tags,
      summary: '分割送信 / Send chunk n of an upload (raw bytes; sending it again replaces it)',
      request: {
        params: ZChunkParams,
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: jsonOk(ZMedia),
    }),
    async (c) => {
      const policy = await learningPolicyFor(db, requireActor(c));
      requireStaff(policy, 'manage');
      const { id, n } = c.req.valid('param');
      const m = await staffMedia(db, policy, id, 'manage');
      if (m.status !== 'uploading') throw new AppError('elearning_upload_finished');
      const expected = expectedChunkBytes(m, n);
      if (expected === null) throw new AppError('not_found');
      const bytes = Buffer.from(await c.req.arrayBuffer());
      if (bytes.length !== expected)
        throw new AppError('elearning_chunk_size', { detail: { expectedBytes: expected } });
      if (n === 0) {
        // The first chunk says what the file is: a text file named .mp4 is refused before 2 GB follow it.
        const head = await probeHead(m, bytes);
        if (head) throw new AppError(REFUSAL_CODES[head]);
      }
      await writeChunk(db, m, n, bytes);
      return c.json(presentMedia(m, await receivedChunks(db, m.id)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/media/{id}/commit',
      tags,
      summary: 'アップロードの完了 / Finish an upload: the whole file is checked by its content',
      request: { params: ZIdParam },
      responses: jsonOk(ZMedia),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const m = await staffMedia(db, policy, c.req.valid('param').id, 'manage');
      if (m.status === 'ready') return c.json(presentMedia(m, []), 200);
      const got = new Set(await receivedChunks(db, m.id));
      const missing = Array.from({ length: chunkCount(m) }, (_, i) => i).filter((i) => !got.has(i));
      if (missing.length || !(await partsComplete(db, m))) {
        throw new AppError('elearning_upload_incomplete', { detail: { missing: missing.slice(0, 50) } });
      }
      const probe = await probeMedia(m.kind, m.byteSize, mediaReader(db, m));
      if (!probe.ok) {
        // A file that is not what it claims changes nothing: the upload and its bytes are gone.
        await db.delete(elearningMediaChunks).where(eq(elearningMediaChunks.mediaId, m.id));
        await db.delete(elearningMedia).where(eq(elearningMedia.id, m.id));
        await discardFile(db, m.id);
        throw new AppError(REFUSAL_CODES[probe.reason]);
      }
      const ready = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(elearningMedia)
          .set({
            status: 'ready',
            contentType: probe.contentType,
            durationMs: probe.durationMs,
            faststart: probe.faststart,
            readyAt: deps.now(),
          })
          .where(eq(elearningMedia.id, m.id))
          .returning();
        await markUploadReady(tx, m.id, probe.contentType, deps.now());
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'update',
            entityType: 'elearning_media',
            entityIds: [m.id, m.courseId],
            detail: { ready: true, contentType: probe.contentType, durationMs: probe.durationMs },
          },
        );
        return row!;
      });
      return c.json(presentMedia(ready, []), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/media/{id}',
      tags,
      summary: '教材ファイルの削除 / Delete a media object no lesson uses (or cancel an upload)',
      request: { params: ZIdParam },
      responses: jsonOk(z.object({ ok: z.literal(true) })),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      requireStaff(policy, 'manage');
      const m = await staffMedia(db, policy, c.req.valid('param').id, 'manage');
      const [used] = await db
        .select({ partId: elearningLessonMedia.partId })
        .from(elearningLessonMedia)
        .where(eq(elearningLessonMedia.mediaId, m.id))
        .limit(1);
      if (used) throw new AppError('elearning_media_in_use');
      await discardBytes(db, m.id, deps.now());
      await db.transaction(async (tx) => {
        // Kept as a row (progress may name it), without its bytes.
        await tx.update(elearningMedia).set({ deletedAt: deps.now() }).where(eq(elearningMedia.id, m.id));
        await recordAudit(
          tx,
          { actor, meta: c.get('meta'), at: deps.now() },
          {
            action: 'delete',
            entityType: 'elearning_media',
            entityIds: [m.id, m.courseId],
          },
        );
      });
      return c.json({ ok: true as const }, 200);
    },
  );

  // Preview for staff, with Range (the learners' stream is in routes-learner.ts).
  r.get('/media/:id/content', async (c) => {
    const policy = await learningPolicyFor(db, requireActor(c));
    requireStaff(policy, 'read');
    const m = await staffMedia(db, policy, c.req.param('id'), 'read');
    return serveMedia(c, db, m);
  });

  return r;
}

/** Checks the first chunk's magic bytes (a video's duration is read at commit, from the whole file). */
async function probeHead(m: Media, first: Buffer): Promise<ProbeRefusal | null> {
  const size = first.length;
  const readAt = async (o: number, l: number) => first.subarray(o, o + l);
  const r = await probeMedia(m.kind, m.kind === 'captions' ? m.byteSize : size, readAt);
  if (r.ok) return null;
  // A video's index may lie beyond the first chunk; only "not a video at all" is final here.
  if (m.kind === 'video' && r.reason === 'video_duration_unknown') return null;
  if (m.kind === 'captions' && m.byteSize > size) return null;
  return r.reason;
}
