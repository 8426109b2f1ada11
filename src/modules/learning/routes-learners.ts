import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { requireActor } from '../accounts/middleware';
import { requireLearner } from './learners-accounts';
import { myLearning } from './learners-me';
import { readProfile, updateProfile } from './learners-profile';
import { ZLearnerProfile, ZMyLearning, ZUpdateProfileRequest } from './learners-schemas';

const tags = ['learning'];

/** The learner's own pages: "my learning" and the profile. Staff get 403 (they have no learner profile). */
export function learnerRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags,
      summary:
        'My learning: applications, upcoming days, completions / マイ研修（申し込み・今後の日程・修了）',
      responses: jsonOk(ZMyLearning),
    }),
    async (c) => {
      const actor = requireLearner(requireActor(c));
      return c.json(await myLearning(db, actor, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/profile',
      tags,
      summary: 'My learner profile / 受講者プロフィール',
      responses: jsonOk(ZLearnerProfile),
    }),
    async (c) => {
      const actor = requireLearner(requireActor(c));
      return c.json(await readProfile(db, actor), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/me/profile',
      tags,
      summary: 'Change my learner profile / 受講者プロフィールの変更',
      description:
        'Send the `version` read (omit it only while there is no profile yet); a stale one answers 409 `conflict` with the current profile.',
      request: { body: jsonBody(ZUpdateProfileRequest) },
      responses: jsonOk(ZLearnerProfile),
    }),
    async (c) => {
      const actor = requireLearner(requireActor(c));
      const body = c.req.valid('json');
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      return c.json(await db.transaction((tx) => updateProfile(tx, who, body)), 200);
    },
  );

  return r;
}
