import { createRoute, type z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { GOOD_PRACTICE_SOURCE_KINDS } from '../../shared/vocab/good-practices';
import { isCode } from '../../shared/vocab/label';
import type { Actor, RequestMeta } from '../access/actor';
import { requireActor, requireWriter } from '../accounts/middleware';
import { storyOptions } from './options';
import { offerPublic, recordPublicConsent } from './public-offer';
import { checkStory, publishStory, withdrawStory } from './review';
import {
  ZCheckStoryRequest,
  ZCreateStoryRequest,
  ZPrefill,
  ZPrefillQuery,
  ZPublicConsentRequest,
  ZPublicOfferRequest,
  ZStory,
  ZStoryList,
  ZStoryListQuery,
  ZStoryOptions,
  ZSuggestionQuery,
  ZSuggestions,
  ZUpdateStoryRequest,
  ZVersionRequest,
} from './schemas';
import { requireStories, storyPolicyFor } from './scope';
import { prefillFrom } from './sources';
import { listStories, storyView, type Who } from './stories';
import { createStory, updateStory } from './story-writes';
import { suggestionsFor } from './suggestions';

const tags = ['good-practices'];

const created = (schema: z.ZodType) => ({
  201: { description: 'Created', content: { 'application/json': { schema } } },
  ...ERROR_RESPONSES,
});

/** The good-practice library: options, list and search, suggestions, pre-fill, a story, writing and review. */
export function storyRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (actor: Actor, meta: RequestMeta): Who => ({ actor, meta, at: deps.now() });

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary: 'Regions and municipalities for the form and filters / 好事例の選択肢',
      responses: jsonOk(ZStoryOptions),
    }),
    async (c) => c.json(await storyOptions(db, await storyPolicyFor(db, requireActor(c))), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        'Published stories of the prefecture and the drafts of the caller’s area, searchable / 好事例の一覧・検索',
      request: { query: ZStoryListQuery },
      responses: jsonOk(ZStoryList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await storyPolicyFor(db, actor);
      return c.json(await listStories(db, who(actor, c.get('meta')), policy, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/for-consultation/{consultationId}',
      tags,
      summary: 'Published stories matching a consultation: who solved this before / 似た課題を解決した事例',
      request: { params: ZSuggestionQuery },
      responses: jsonOk(ZSuggestions),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      return c.json(await suggestionsFor(db, w, policy, c.req.valid('param').consultationId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/prefill/{sourceKind}/{sourceId}',
      tags,
      summary: 'A new story’s start from a source, without personal data / 記録から事例を書き始める',
      request: { params: ZPrefillQuery },
      responses: jsonOk(ZPrefill),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await storyPolicyFor(db, actor);
      requireStories(policy, 'write');
      const { sourceKind, sourceId } = c.req.valid('param');
      if (!isCode(GOOD_PRACTICE_SOURCE_KINDS, sourceKind)) throw new AppError('not_found');
      const today = isoDateInJapan(deps.now());
      return c.json(await prefillFrom(db, actor, { kind: sourceKind, id: sourceId }, today), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Write a story (a draft in the caller’s area) / 好事例の作成',
      request: { body: jsonBody(ZCreateStoryRequest) },
      responses: created(ZStory),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const id = await db.transaction((tx) => createStory(tx, w, policy, c.req.valid('json')));
      return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A story with who solved it, the contact and its review / 好事例',
      request: { params: ZIdParam },
      responses: jsonOk(ZStory),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      return c.json(await storyView(db, w, policy, c.req.valid('param').id, isoDateInJapan(w.at)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary:
        'Change a story; a checked or published one returns to draft (409 on a stale version) / 好事例の編集',
      request: { params: ZIdParam, body: jsonBody(ZUpdateStoryRequest) },
      responses: jsonOk(ZStory),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateStory(tx, w, policy, id, c.req.valid('json')));
      return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/check',
      tags,
      summary: 'Confirm, as a second person, that a draft has no personal data / 個人情報の確認',
      request: { params: ZIdParam, body: jsonBody(ZCheckStoryRequest) },
      responses: jsonOk(ZStory),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      await db.transaction((tx) => checkStory(tx, w, policy, id, c.req.valid('json')));
      return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 200);
    },
  );

  const moves = [
    ['publish', publishStory, 'Publish a checked story to the prefecture’s staff / 好事例の公開'],
    ['withdraw', withdrawStory, 'Take a story back to draft / 好事例の公開の取り下げ'],
  ] as const;
  for (const [path, action, summary] of moves) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${path}`,
        tags,
        summary,
        request: { params: ZIdParam, body: jsonBody(ZVersionRequest) },
        responses: jsonOk(ZStory),
      }),
      async (c) => {
        const actor = requireWriter(c);
        const policy = await storyPolicyFor(db, actor);
        const w = who(actor, c.get('meta'));
        const { id } = c.req.valid('param');
        const { version } = c.req.valid('json') as { version: number };
        await db.transaction((tx) => action(tx, w, policy, id, version));
        return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/public-consent',
      tags,
      summary: 'Record the consent to publication on the public site / 公開サイト掲載への同意の記録',
      description:
        'Who agreed, on which day, how; `consent: null` withdraws it and takes the story off the site.',
      request: { params: ZIdParam, body: jsonBody(ZPublicConsentRequest) },
      responses: jsonOk(ZStory),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => recordPublicConsent(tx, w, policy, id, body));
      return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/public-offer',
      tags,
      summary: 'Put a published story with consent on the public site, or take it off / 公開サイトへの掲載',
      request: { params: ZIdParam, body: jsonBody(ZPublicOfferRequest) },
      responses: jsonOk(ZStory),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await storyPolicyFor(db, actor);
      const w = who(actor, c.get('meta'));
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.transaction((tx) => offerPublic(tx, w, policy, id, body));
      return c.json(await storyView(db, w, policy, id, isoDateInJapan(w.at)), 200);
    },
  );

  return r;
}
