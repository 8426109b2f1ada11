import { createRoute, type z } from '@hono/zod-openapi';
import { and, asc, eq, ilike } from 'drizzle-orm';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { municipalities, organisations, prefectures } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, jsonOk, moduleRouter } from '../../server/openapi';
import { sharedFormLimit } from '../../server/rate-limit';
import {
  ZConfirmSignUpRequest,
  ZConfirmSignUpResponse,
  ZSignUpOptions,
  ZSignUpRequest,
  ZSignUpResponse,
  ZWorkplaceList,
  ZWorkplaceQuery,
} from './learners-schemas';
import { submitSignUp } from './learners-sign-up';
import { confirmSignUpByEmail } from './learners-sign-up-mail';

const tags = ['public'];

/**
 * Sign-ups allowed per client address and hour (a training office signing up its staff one by one at one desk)
 * and for the whole deployment per minute, like the public registration form; each sign-up also costs an
 * Argon2 hash, so the limit caps that work too.
 */
export const SIGN_UP_RATE_LIMITS = {
  perIp: { limit: 10, windowMs: 3_600_000 },
  global: { limit: 60, windowMs: 60_000 },
};
const MAX_SIGN_UP_BYTES = 16 * 1024;

function honeypotFilled(raw: unknown): boolean {
  const website = (raw as { website?: unknown } | null)?.website;
  return website !== undefined && website !== null && website !== '';
}

/**
 * The public side of learner accounts: the sign-up form's choices, the workplace search and the sign-up
 * itself. The answer to a valid sign-up is always the same receipt (no account enumeration); a filled
 * honeypot gets it too, and nothing is stored.
 */
export function publicLearnerRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const limitSize = bodyLimit({
    maxSize: MAX_SIGN_UP_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  const limitRate = sharedFormLimit(deps, 'learner-sign-up', SIGN_UP_RATE_LIMITS);
  // The same receipt for every valid sign-up: who confirms depends only on whether this deployment sends mail.
  const RECEIVED = {
    received: true as const,
    confirmation: deps.config.mail ? ('email' as const) : ('centre' as const),
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sign-up/options',
      tags,
      summary: 'Choices of the learner sign-up form / 受講者登録フォームの選択肢（都道府県・市区町村）',
      responses: jsonOk(ZSignUpOptions),
    }),
    async (c) => {
      const prefs = await db
        .select({ code: prefectures.code, name: prefectures.name, nameEn: prefectures.nameEn })
        .from(prefectures)
        .orderBy(asc(prefectures.code));
      const munis = await db
        .select({
          code: municipalities.code,
          name: municipalities.name,
          prefectureCode: municipalities.prefectureCode,
        })
        .from(municipalities)
        .innerJoin(prefectures, eq(prefectures.code, municipalities.prefectureCode))
        .orderBy(asc(municipalities.code));
      c.header('cache-control', 'public, max-age=300');
      return c.json({ prefectures: prefs, municipalities: munis }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/sign-up/workplaces',
      tags,
      summary: 'Find a workplace among the network’s organisations / 勤務先を関係機関から探す',
      description:
        'Up to 20 organisations of the prefecture whose name contains the text (no personal data).',
      request: { query: ZWorkplaceQuery },
      responses: jsonOk(ZWorkplaceList),
    }),
    async (c) => {
      const { prefecture, q } = c.req.valid('query');
      const like = `%${q.normalize('NFKC').replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const items = await db
        .select({ id: organisations.id, name: organisations.name, municipalityName: municipalities.name })
        .from(organisations)
        .leftJoin(municipalities, eq(municipalities.code, organisations.municipalityCode))
        .where(and(eq(organisations.prefectureCode, prefecture), ilike(organisations.name, like)))
        .orderBy(asc(organisations.name))
        .limit(20);
      return c.json(
        { items: items.map((i) => ({ ...i, municipalityName: i.municipalityName ?? null })) },
        200,
      );
    },
  );

  const hook = async (
    result: { success: boolean; data?: unknown; error?: z.ZodError },
    c: Context<AppEnv>,
  ): Promise<Response | undefined> => {
    if (honeypotFilled(result.data)) {
      c.get('log').warn({ ip: c.get('meta').ip }, 'learner sign-up honeypot filled: dropped');
      return c.json(RECEIVED, 201);
    }
    if (!result.success) {
      throw new AppError('validation_failed', {
        issues: (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return undefined;
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sign-up',
      tags,
      summary: 'Sign up as a learner / 受講者の新規登録（センターの確認後にサインインできる）',
      description:
        'Answers 201 with the same receipt whether or not the address is known. The centre confirms the sign-up; then the learner signs in with the password given here. 400 for invalid input (a password under 12 characters answers `weak_password`), 413 over 16 KiB, 429 when too many.',
      middleware: [limitSize, limitRate] as const,
      request: { body: jsonBody(ZSignUpRequest) },
      responses: {
        201: { description: 'Received / 受付', content: { 'application/json': { schema: ZSignUpResponse } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const form = c.req.valid('json');
      if (honeypotFilled(form)) return c.json(RECEIVED, 201);
      await submitSignUp(deps, form, c.get('meta'));
      return c.json(RECEIVED, 201);
    },
    hook as never,
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/sign-up/confirm',
      tags,
      summary: 'Confirm a sign-up by its e-mail link / メールのリンクで受講者登録を完了する',
      description:
        'Creates the learner account of the sign-up whose mailed link carries the token; the learner then signs in with the password given at sign-up. 400 `token_invalid` for an unknown, used or expired link; 409 when the address got an account meanwhile.',
      middleware: [limitSize] as const,
      request: { body: jsonBody(ZConfirmSignUpRequest) },
      responses: jsonOk(ZConfirmSignUpResponse),
    }),
    async (c) => {
      await confirmSignUpByEmail(deps, c.req.valid('json').token, c.get('meta'));
      return c.json({ confirmed: true as const }, 200);
    },
  );

  return r;
}
