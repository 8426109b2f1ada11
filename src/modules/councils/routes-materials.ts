import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor, requireWriter } from '../accounts/middleware';
import { fileAnswer } from '../files/serve';
import { discardFile, loadFile, storeFile } from '../files/store';
import { addMaterial, meetingMaterial, removeMaterial } from './materials';
import { managedMeeting, meetingView, readableMeeting } from './meetings';
import { ZMeeting } from './schemas';
import { councilPolicyFor } from './scope';

const tags = ['councils'];

const ZMaterialQuery = z.object({
  title: z.string().trim().min(1).max(200),
  /** The file's name as on the uploader's computer: its extension must agree with its content. */
  name: z.string().trim().min(1).max(255),
});
const ZMaterialParams = z.object({ id: z.string(), materialId: z.string() });

/**
 * Meeting materials (materials.ts): add (the file's bytes as the body, checked by content), download with Range
 * (audited by the file store), remove. Reading follows the meeting (404 outside); changes need its body managed.
 */
export function materialRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const whoOf = (c: Context<AppEnv>, actor = requireWriter(c)) => ({
    actor,
    meta: c.get('meta'),
    at: deps.now(),
  });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/materials',
      tags,
      summary: '会議資料の追加 / Add a meeting material (raw bytes; checked by content)',
      request: {
        params: ZIdParam,
        query: ZMaterialQuery,
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const { body } = await managedMeeting(db, policy, id, isoDateInJapan(who.at));
      const length = Number(c.req.header('content-length'));
      // Stored part by part outside the transaction, then named by the meeting; a file left unnamed is removed.
      const file = await storeFile(db, {
        prefectureCode: body.prefectureCode,
        kind: 'meeting_material',
        name: q.name,
        bytes: c.req.raw.body ?? Buffer.alloc(0),
        declaredSize: Number.isFinite(length) && length > 0 ? length : undefined,
        createdBy: who.actor.userId,
        engine: deps.db.kind,
        at: who.at,
      });
      try {
        await db.transaction(async (tx) => {
          await managedMeeting(tx, policy, id, isoDateInJapan(who.at));
          await addMaterial(tx, who, id, file.id, q.title);
        });
      } catch (err) {
        await discardFile(db, file.id);
        throw err;
      }
      return c.json(await meetingView(db, who, policy, id, false), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/meetings/{id}/materials/{materialId}',
      tags,
      summary: '会議資料の削除 / Remove a meeting material',
      request: { params: ZMaterialParams },
      responses: jsonOk(ZMeeting),
    }),
    async (c) => {
      const who = whoOf(c);
      const policy = await councilPolicyFor(db, who.actor);
      const { id, materialId } = c.req.valid('param');
      const fileId = await db.transaction(async (tx) => {
        await managedMeeting(tx, policy, id, isoDateInJapan(who.at));
        return removeMaterial(tx, who, id, materialId);
      });
      await discardFile(db, fileId);
      return c.json(await meetingView(db, who, policy, id, false), 200);
    },
  );

  // A material's file, with Range; every download audited with the meeting (files/serve.ts).
  r.on(['GET', 'HEAD'], '/meetings/:id/materials/:materialId', async (c) => {
    const actor = requireActor(c);
    const policy = await councilPolicyFor(db, actor);
    const { meeting, body } = await readableMeeting(
      db,
      policy,
      c.req.param('id'),
      isoDateInJapan(deps.now()),
    );
    const material = await meetingMaterial(db, meeting.id, c.req.param('materialId'));
    const file = await loadFile(db, body.prefectureCode, material.fileId);
    if (!file) throw new AppError('not_found');
    return fileAnswer(c, db, file, {
      disposition: 'attachment',
      audit: { entityType: 'council_meeting', entityIds: [meeting.id, material.id] },
    });
  });

  return r;
}
