import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../../server/context';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { inviteListings } from './care-proposals';
import { answersCsv, answersXlsx, linksCsv, linksXlsx } from './export';
import { type Issued, inviteRecipients, listInvitations, remindRecipients } from './invitations';
import { mailLinks } from './mailing';
import { surveyPolicy } from './policy';
import { countedSurveyResults } from './results-cache';
import { answerRoutes } from './routes-answers';
import { careProposalRoutes } from './routes-care';
import { censusCountRoutes } from './routes-census';
import {
  ZCreateSurveyRequest,
  ZDirectoryInviteRequest,
  ZExportQuery,
  ZInvitationList,
  ZInviteRequest,
  ZIssuedLinks,
  ZLinksQuery,
  ZResultsQuery,
  ZSheetAnswer,
  ZSurvey,
  ZSurveyList,
  ZSurveyListQuery,
  ZSurveyResults,
  ZSurveyStatusRequest,
  ZUpdateSurveyRequest,
} from './schemas';
import {
  createSurvey,
  listSurveys,
  moveSurvey,
  readableSurvey,
  requirePolicy,
  surveyView,
  updateSurvey,
  type Who,
} from './surveys';
import { definitionFromXlsx } from './xlsform';

const tags = ['surveys'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=Shift_JIS';
const binary = z.string().openapi({ format: 'binary' });
const fileAnswer = (description: string) => ({
  200: { description, content: { [XLSX_TYPE]: { schema: binary }, 'text/csv': { schema: binary } } },
  ...ERROR_RESPONSES,
});
const linksAnswer = {
  200: {
    description: 'The links (shown this once): JSON, or an .xlsx / CP932 CSV attachment for mail merge',
    content: {
      'application/json': { schema: ZIssuedLinks },
      [XLSX_TYPE]: { schema: binary },
      'text/csv': { schema: binary },
    },
  },
  ...ERROR_RESPONSES,
};

/** Surveys as the centre builds, sends and reads them (docs/knowledge.md §5). */
export function surveyRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>, actor: Actor): Who => ({ actor, meta: c.get('meta'), at: deps.now() });
  const policyOf = (actor: Actor) => requirePolicy(surveyPolicy(actor));
  const origin = (c: Context<AppEnv>) =>
    (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');

  async function answerLinks(
    c: Context<AppEnv>,
    w: Who,
    surveyId: string,
    query: z.infer<typeof ZLinksQuery>,
    reminder: boolean,
    issue: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<Issued>,
  ) {
    const format = query.format ?? 'json';
    const lang = query.lang ?? 'ja';
    const base = origin(c);
    const out = await db.transaction(async (tx) => {
      const issued = await issue(tx);
      const mailed = await mailLinks(tx, deps.config.mail, issued.survey, issued.links, {
        reminder,
        locale: query.mailLang ?? 'ja',
        createdBy: w.actor.userId,
        now: w.at,
      });
      const links = issued.links.map((l) => ({
        ...l,
        url: `${base}${l.url}`,
        mailed: mailed.has(l.invitationId),
      }));
      if (format === 'json') return { links, mailed: mailed.size, file: null };
      await recordAudit(tx, w, {
        action: 'export',
        entityType: 'survey_invitation',
        entityIds: [surveyId],
        detail: { event: 'links', format, count: links.length },
      });
      return {
        links,
        mailed: mailed.size,
        file: format === 'xlsx' ? await linksXlsx(links, lang) : linksCsv(links, lang),
      };
    });
    if (!out.file)
      return c.json({ links: out.links, mailOn: deps.config.mail !== undefined, mailed: out.mailed }, 200);
    const stamp = isoDateInJapan(w.at).replaceAll('-', '');
    return c.body(new Uint8Array(out.file), 200, {
      'content-type': format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
      'content-disposition': `attachment; filename="survey-links-${stamp}.${format}"`,
      'cache-control': 'no-store',
    });
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Surveys with status, closing and answers / アンケートの一覧',
      request: { query: ZSurveyListQuery },
      responses: jsonOk(ZSurveyList),
    }),
    async (c) => {
      const policy = policyOf(requireActor(c));
      return c.json(await listSurveys(db, policy, c.req.valid('query'), deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a survey (a draft) / アンケートの作成',
      request: { body: jsonBody(ZCreateSurveyRequest) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ZSurvey } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const id = await db.transaction((tx) => createSurvey(tx, w, policy, c.req.valid('json')));
      return c.json(await surveyView(db, policy, id, w.at), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/definition-sheet',
      tags,
      summary: 'Read questions from an XLSForm-style .xlsx (nothing is kept) / Excel からの設問の読み込み',
      request: {
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.file().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
          required: true,
        },
      },
      responses: jsonOk(ZSheetAnswer),
    }),
    async (c) => {
      requirePolicy(surveyPolicy(requireActor(c)), true);
      const { file } = c.req.valid('form');
      return c.json(await definitionFromXlsx(await file.arrayBuffer()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'A survey / アンケートの詳細',
      request: { params: ZIdParam },
      responses: jsonOk(ZSurvey),
    }),
    async (c) => {
      const policy = policyOf(requireActor(c));
      return c.json(await surveyView(db, policy, c.req.valid('param').id, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary:
        'Change a survey (questions only before the first answer; 409 on a stale version) / アンケートの変更',
      request: { params: ZIdParam, body: jsonBody(ZUpdateSurveyRequest) },
      responses: jsonOk(ZSurvey),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => updateSurvey(tx, w, policy, id, c.req.valid('json')));
      return c.json(await surveyView(db, policy, id, w.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags,
      summary: 'Publish, close or reopen a survey / アンケートの公開・締切・再開',
      request: { params: ZIdParam, body: jsonBody(ZSurveyStatusRequest) },
      responses: jsonOk(ZSurvey),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      await db.transaction((tx) => moveSurvey(tx, w, policy, id, c.req.valid('json')));
      return c.json(await surveyView(db, policy, id, w.at), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/invitations',
      tags,
      summary: 'Who was sent a personal link and whether they answered / 個別リンクの送付先と回答状況',
      request: { params: ZIdParam },
      responses: jsonOk(ZInvitationList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const { survey, ...list } = await listInvitations(db, policy, c.req.valid('param').id);
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'survey_invitation',
        entityIds: [survey.id],
      });
      return c.json(list, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/invitations',
      tags,
      summary: 'Issue personal links to recipients / 個別リンクの発行',
      description: 'As JSON, or with `format=xlsx|csv` as a file for mail merge. Links are shown only here.',
      request: { params: ZIdParam, body: jsonBody(ZInviteRequest), query: ZLinksQuery },
      responses: linksAnswer,
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return answerLinks(c, w, id, c.req.valid('query'), false, (tx) =>
        inviteRecipients(tx, w, policy, id, body),
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/invitations/directory',
      tags,
      summary:
        'Personal links for the directory’s listings (provider survey) / 社会資源の事業所への個別リンク',
      description:
        'One link per active listing of the prefecture (filtered; listings already sent one are skipped), to the ' +
        'listing’s e-mail or else its organisation’s. Its answer about accepted care can then be applied to the listing.',
      request: { params: ZIdParam, body: jsonBody(ZDirectoryInviteRequest), query: ZLinksQuery },
      responses: linksAnswer,
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return answerLinks(c, w, id, c.req.valid('query'), false, (tx) =>
        inviteListings(tx, w, policy, id, body),
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reminders',
      tags,
      summary: 'Fresh links for those who have not answered / 未回答者への再依頼リンク',
      description: 'As JSON, or with `format=xlsx|csv` as a file for mail merge. Their older links die.',
      request: { params: ZIdParam, query: ZLinksQuery },
      responses: linksAnswer,
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const { id } = c.req.valid('param');
      return answerLinks(c, w, id, c.req.valid('query'), true, (tx) => remindRecipients(tx, w, policy, id));
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/results',
      tags,
      summary: 'Results by region and municipality, per question / アンケートの集計',
      request: { params: ZIdParam, query: ZResultsQuery },
      responses: jsonOk(ZSurveyResults),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const s = await readableSurvey(db, policy, c.req.valid('param').id);
      const results = await countedSurveyResults(
        db,
        s,
        c.req.valid('query'),
        actor.locale === 'en' ? 'en' : 'ja',
      );
      await recordAudit(db, who(c, actor), {
        action: 'read',
        entityType: 'survey_results',
        entityIds: [s.id],
      });
      return c.json(results, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/export',
      tags,
      summary: 'The answers as .xlsx (with results by region) or CP932 CSV / 回答の出力',
      request: { params: ZIdParam, query: ZExportQuery },
      responses: fileAnswer('The answers'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = policyOf(actor);
      const w = who(c, actor);
      const s = await readableSurvey(db, policy, c.req.valid('param').id);
      const { format = 'xlsx', lang = 'ja' } = c.req.valid('query');
      const file = format === 'xlsx' ? await answersXlsx(db, s, lang) : await answersCsv(db, s, lang);
      await recordAudit(db, w, {
        action: 'export',
        entityType: 'survey_results',
        entityIds: [s.id],
        detail: { format },
      });
      const stamp = isoDateInJapan(w.at).replaceAll('-', '');
      return c.body(new Uint8Array(file), 200, {
        'content-type': format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
        'content-disposition': `attachment; filename="survey-answers-${stamp}.${format}"`,
        'cache-control': 'no-store',
      });
    },
  );

  r.route('/', careProposalRoutes(deps));
  r.route('/', censusCountRoutes(deps));
  r.route('/', answerRoutes(deps));
  return r;
}
