import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, jsonBody, moduleRouter } from '../../server/openapi';
import { sharedFormLimit } from '../../server/rate-limit';
import { bilingualIssues } from './issues';
import { registrationOptions } from './options';
import { newReceiptNo } from './receipt';
import {
  ZGetRegistrationOptionsResponse,
  ZSubmitRegistrationRequest,
  ZSubmitRegistrationResponse,
} from './schemas-submit';
import { submitRegistration } from './submit';

const tags = ['public'];

/** Largest registration body accepted (the app-wide limit is 1 MiB); a full form is about 5 KiB. */
export const MAX_REGISTRATION_BYTES = 64 * 1024;

/**
 * Submissions allowed: per client address and hour (a family, or a hospital registering several babies; the
 * number is the REGISTRATION_LIMIT_PER_ADDRESS setting, 5 by default), and for the whole deployment per
 * minute, so a botnet cannot fill the review queue faster than staff notice.
 */
export const REGISTRATION_RATE_LIMITS = {
  perIp: { limit: 5, windowMs: 3_600_000 },
  global: { limit: 30, windowMs: 60_000 },
};

/** The limits with the per-address number of this deployment's settings. */
export function registrationRateLimits(perAddress: number) {
  return {
    ...REGISTRATION_RATE_LIMITS,
    perIp: { ...REGISTRATION_RATE_LIMITS.perIp, limit: perAddress },
  };
}

const errorContent = ERROR_RESPONSES[400].content;

/** True when the hidden field a person never sees was filled in (by a bot reading the HTML). */
function honeypotFilled(raw: unknown): boolean {
  const website = (raw as { website?: unknown } | null)?.website;
  return website !== undefined && website !== null && website !== '';
}

/** A receipt that looks like any other, for a submission that is dropped. */
function fakeReceipt(c: Context<AppEnv>, deps: Deps) {
  c.get('log').warn({ ip: c.get('meta').ip }, 'registration honeypot filled: submission dropped');
  return c.json({ receiptNo: newReceiptNo(deps.now()) }, 201);
}

/**
 * The public side of registration (KA-2): the form's options and the submission. No sign-in. The submission
 * is size-limited, then rate-limited, then validated; it answers a receipt number whatever the registry holds.
 */
export function publicRegistrationRoutes(deps: Deps) {
  const r = moduleRouter();

  const limitSize = bodyLimit({
    maxSize: MAX_REGISTRATION_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  // Shared by every server (a submission lands in the review queue), behind a free per-server check.
  const limitRate = sharedFormLimit(
    deps,
    'registration',
    registrationRateLimits(deps.config.registrationLimitPerAddress),
  );

  /** Runs after validation: a filled honeypot wins over any error; other failures get ja/en issues. */
  const honeypotHook = async (
    result: { success: boolean; data?: unknown; error?: z.ZodError },
    c: Context<AppEnv>,
  ): Promise<Response | undefined> => {
    // A bot that filled the honeypot gets a receipt even when the rest of its form is nonsense.
    if (honeypotFilled(result.data)) return fakeReceipt(c, deps);
    if (!result.success) {
      // Parse again keeping the input, so a missing field reads "required" rather than "wrong type".
      const again = ZSubmitRegistrationRequest.safeParse(result.data, { reportInput: true });
      const issues = again.success ? (result.error?.issues ?? []) : again.error.issues;
      throw new AppError('validation_failed', { issues: bilingualIssues(issues) });
    }
    return undefined;
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/options',
      tags,
      summary:
        'Choices of the registration form / 登録フォームの選択肢（都道府県・市区町村・ケア項目・機器）',
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: ZGetRegistrationOptionsResponse } },
        },
      },
    }),
    async (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.json(await registrationOptions(deps.db.systemDb), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Register a child for review / 医療的ケア児の登録申請（審査待ちに入る）',
      description:
        'Always answers 201 with a receipt number when the form is valid, whether or not the child is ' +
        'already registered. Invalid input answers 400 with issues in Japanese and English (ja, en); ' +
        `a body over ${MAX_REGISTRATION_BYTES} bytes 413; too many submissions 429.`,
      middleware: [limitSize, limitRate] as const,
      request: { body: jsonBody(ZSubmitRegistrationRequest) },
      responses: {
        201: {
          description: 'Received / 受付',
          content: { 'application/json': { schema: ZSubmitRegistrationResponse } },
        },
        400: ERROR_RESPONSES[400],
        413: { description: 'Too large / 大きすぎる', content: errorContent },
        429: { description: 'Too many requests / リクエスト過多', content: errorContent },
      },
    }),
    async (c) => {
      const form = c.req.valid('json');
      if (honeypotFilled(form)) return fakeReceipt(c, deps);
      const receipt = await submitRegistration(deps, form, c.get('meta'));
      return c.json(receipt, 201);
    },
    // The hook's typed signature cannot express "answer 201 or fall through": it is typed loosely here.
    honeypotHook as never,
  );

  return r;
}
