import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { perServerLimit } from '../../server/rate-limit';
import { requireActor, requireWriter } from '../accounts/middleware';
import { certificatePdf, checkCertificate, myCompletions } from './certificates';
import {
  type CourseCompletionReader,
  type LessonCompletionReader,
  noCourseRead,
  noLessonsRead,
} from './completion';
import { issueCertificates, revokeCertificate, sessionCompletions } from './completions';
import { claimCourseCertificate } from './course-certificates';
import {
  ZCertificateRef,
  ZClaimedCertificate,
  ZCompletionList,
  ZIssueRequest,
  ZIssueResponse,
  ZMyCompletions,
  ZPublicCertificateCheck,
  ZRevokeRequest,
  ZSerialParam,
} from './schemas-attendance';
import { learningPolicyFor } from './scope';

const tags = ['learning'];

/** The learner's own record is a learner's: staff accounts have none (403, like the other `/me` routes). */
export function requireLearnerRole(c: Parameters<typeof requireActor>[0]) {
  const actor = requireActor(c);
  if (actor.role !== 'learner') throw new AppError('forbidden');
  return actor;
}

/** `{id}` is the file name `<uuid>.pdf`: Hono has no path parameter with a suffix, so it is read whole. */
const ZPdfFileParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: '00000000-0000-4000-8000-000000000000.pdf' }),
});

/** The certificate's language: Japanese, the form of record, unless English is asked for. */
const ZPdfQuery = z.object({
  lang: z
    .enum(['ja', 'en'])
    .default('ja')
    .openapi({ param: { name: 'lang', in: 'query' }, description: 'ja (default) or en' }),
});

/**
 * Completions of a session, issuing and revoking certificates, the certificate PDF and the learner's own
 * record. `lessons` tells which e-learning lessons learners have completed (the e-learning part's reader).
 */
export function certificateRoutes(
  deps: Deps,
  lessons: LessonCompletionReader = noLessonsRead,
  course: CourseCompletionReader = noCourseRead,
) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/completions',
      tags,
      summary: 'Participants against the completion rule, with their certificates / 修了判定',
      request: { params: ZIdParam },
      responses: jsonOk(ZCompletionList),
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      const canIssue = actor.role !== 'auditor';
      const id = c.req.valid('param').id;
      return c.json(await sessionCompletions(db, policy, canIssue, id, lessons, deps.now()), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/certificates',
      tags,
      summary: 'Issue certificates to participants who completed (all, or those named) / 修了証の発行',
      request: { params: ZIdParam, body: jsonBody(ZIssueRequest) },
      responses: jsonOk(ZIssueResponse),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now(), mail: deps.config.mail };
      const { applicationIds } = c.req.valid('json');
      const id = c.req.valid('param').id;
      return c.json(
        await db.transaction((tx) => issueCertificates(tx, who, policy, id, applicationIds, lessons)),
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/certificates/{id}/revocation',
      tags,
      summary: 'Revoke a certificate with a reason / 修了証の取消',
      request: { params: ZIdParam, body: jsonBody(ZRevokeRequest) },
      responses: jsonOk(ZCertificateRef),
    }),
    async (c) => {
      const actor = requireWriter(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { reason } = c.req.valid('json');
      const id = c.req.valid('param').id;
      return c.json(await db.transaction((tx) => revokeCertificate(tx, who, policy, id, reason)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/certificates/{id}',
      tags,
      summary:
        'The certificate as PDF (`{id}.pdf`, `?lang=en` for English), for its holder and staff of its session / 修了証（PDF）',
      request: { params: ZPdfFileParam, query: ZPdfQuery },
      responses: {
        200: {
          description: 'The certificate',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const policy = await learningPolicyFor(db, actor);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const { id: file } = c.req.valid('param');
      if (!file.endsWith('.pdf')) throw new AppError('not_found');
      const id = file.slice(0, -'.pdf'.length);
      const { lang } = c.req.valid('query');
      const pdf = await certificatePdf(db, who, policy, id, deps.config.publicUrl, lang);
      if (pdf.missingCharacters.length > 0) {
        c.get('log').warn(
          { certificateId: id, missing: pdf.missingCharacters.length },
          'certificate font lacks characters',
        );
      }
      return c.body(new Uint8Array(pdf.bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="certificate-${pdf.serial}${lang === 'en' ? '-en' : ''}.pdf"`,
        'cache-control': 'private, no-store',
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/completions',
      tags,
      summary: 'My completions and assignments / 自分の修了記録',
      responses: jsonOk(ZMyCompletions),
    }),
    async (c) => c.json(await myCompletions(db, requireLearnerRole(c), course, deps.now()), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/courses/{id}/certificate',
      tags,
      summary:
        'Get the certificate of a course completed without a session (e-learning on its own) / eラーニングの修了証を受け取る',
      request: { params: ZIdParam },
      responses: jsonOk(ZClaimedCertificate),
    }),
    async (c) => {
      const actor = requireLearnerRole(c);
      const who = { actor, meta: c.get('meta'), at: deps.now() };
      const id = c.req.valid('param').id;
      return c.json(await db.transaction((tx) => claimCourseCertificate(tx, who, id, course)), 200);
    },
  );

  return r;
}

/**
 * The public check of a certificate, tighter than the rest of the public learning API: a person checks a
 * serial or two, so 30 a minute per address leaves them room and leaves a guesser nothing (55 random bits).
 */
export const CERTIFICATE_CHECK_RATE_LIMIT = { limit: 30, windowMs: 60_000 };

/** `GET /api/public/learning/certificates/{serial}`: serial, course title, completion date, holder's name. */
export function publicCertificateRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.use('/certificates/*', perServerLimit(deps, CERTIFICATE_CHECK_RATE_LIMIT));
  r.openapi(
    createRoute({
      method: 'get',
      path: '/certificates/{serial}',
      tags,
      summary: 'Check a certificate by its serial (404 when unknown or revoked) / 修了証の確認',
      request: { params: ZSerialParam },
      responses: jsonOk(ZPublicCertificateCheck),
    }),
    async (c) => {
      const result = await checkCertificate(db, c.req.valid('param').serial);
      c.header('cache-control', 'no-store');
      return c.json(result, 200);
    },
  );
  return r;
}
