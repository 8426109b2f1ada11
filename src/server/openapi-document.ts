import type { OpenAPIHono } from '@hono/zod-openapi';
import { sessionCookieName } from '../modules/accounts/cookie';
import { ZError } from './openapi';

/**
 * The API's OpenAPI 3.1 document, completed in one place (decision 0014): the security schemes, each
 * operation's security, a stable operationId and the error answers every operation can give by its kind.
 * Routes declare what only they know (summary, body, success answer, a security of their own, an unusual
 * error); everything derivable from the method and path is filled in here, so no route can forget it.
 */

type Json = Record<string, unknown>;
type SecurityRequirement = Record<string, string[]>;
type Operation = Json & {
  operationId?: string;
  security?: SecurityRequirement[];
  responses?: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: { in?: string }[];
};
type Document = Json & { paths?: Record<string, Record<string, Operation>>; components?: Json };

export const SESSION_SCHEME = 'sessionCookie';
export const CSRF_SCHEME = 'csrfToken';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** Operations under this prefix take no session at all (and csrfGuard skips their token check). */
export const PUBLIC_PREFIX = '/api/public/';

/**
 * An operation's id from its method and path template: `GET /api/children` → `getChildren`,
 * `POST /api/children/{id}/move` → `postChildrenByIdMove`, `GET /api/resources/export.json` →
 * `getResourcesExportJson`. Stable as long as the path is, and unique because method + path are.
 */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const parts = (param ? param[1]! : segment).split(/[^A-Za-z0-9]+/).filter(Boolean);
      return param ? ['By', ...parts] : parts;
    });
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds after which the request may be tried again / 再試行までの秒数',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** The shared error answers, as components; operations refer to them by name. */
export const ERROR_COMPONENTS = {
  BadRequest: {
    status: '400',
    ...errorResponse(
      'Invalid input: `validation_failed` with `issues` per field, or another 400 code / 入力エラー',
    ),
  },
  Unauthorized: {
    status: '401',
    ...errorResponse(
      'No complete session: `unauthenticated`, or `second_factor_required` until the TOTP step is done / 未サインイン・2段階認証が未完了',
    ),
  },
  Forbidden: {
    status: '403',
    ...errorResponse(
      '`forbidden` (role or policy), `csrf_failed` (origin or X-CSRF-Token), `second_factor_enrolment_required` / 権限なし・CSRF 検証失敗',
    ),
  },
  NotFound: {
    status: '404',
    ...errorResponse(
      '`not_found`: unknown, or outside the caller’s scope (never told apart) / 見つからない（範囲外を含む）',
    ),
  },
  Conflict: {
    status: '409',
    ...errorResponse(
      'The record changed since it was read (`conflict`, with the current version in `detail`), or a duplicate or decided item / 競合',
    ),
  },
  PayloadTooLarge: {
    status: '413',
    ...errorResponse('`payload_too_large`: the body is over the limit / 送信データ過大'),
  },
  TooManyRequests: {
    status: '429',
    ...errorResponse('`rate_limited`: too many requests from this address; try again later / リクエスト過多'),
    headers: retryAfterHeader,
  },
  InternalError: {
    status: '500',
    ...errorResponse('`internal`: an unexpected error, logged with the request id / システムエラー'),
  },
  ServiceUnavailable: {
    status: '503',
    ...errorResponse(
      '`database_unavailable`: the database is briefly unreachable; try again after Retry-After / 一時的に利用できません',
    ),
    headers: retryAfterHeader,
  },
} as const;

type ErrorComponent = keyof typeof ERROR_COMPONENTS;

/** What the session cookie, the TOTP step and the CSRF header mean, for the document's readers. */
function securitySchemes(cookieName: string) {
  return {
    [SESSION_SCHEME]: {
      type: 'apiKey',
      in: 'cookie',
      name: cookieName,
      description: [
        'The session cookie set by `POST /api/auth/sign-in` (HttpOnly, SameSite=Lax, Path=/).',
        'It is named `tsunagu_session` when served over plain http (development) and',
        '`__Host-tsunagu_session` when cookies are secure (production, or an https PUBLIC_URL; see',
        'docs/configuration.md); `name` here is the one this server uses.',
        '',
        'A session is complete only after every step its user needs: the password, then the TOTP step',
        '(`POST /api/auth/totp` with the 6-digit code) when the user has two-factor authentication, or',
        'enrolment (`POST /api/auth/totp/enrol`, then `POST /api/auth/totp/confirm`) when the role requires',
        'it and none is set up. Until then signed-in operations answer 401 `second_factor_required` or 403',
        '`second_factor_enrolment_required`; `GET /api/auth/session` tells which step is due. Sessions end',
        'after the idle or absolute limit (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS) or at sign-out.',
      ].join('\n'),
    },
    [CSRF_SCHEME]: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description: [
        'The synchroniser token of the session (`csrfToken` in the session answer), required on every unsafe',
        'method (POST, PUT, PATCH, DELETE) made with a session; safe methods (GET, HEAD) do not take it.',
        'Every unsafe request, with or without a session, must also come from this origin (`Origin`,',
        '`Sec-Fetch-Site`); otherwise it answers 403 `csrf_failed`.',
      ].join('\n'),
    },
  };
}

/** The security an operation gets when its route sets none: public by prefix, else the session (+ CSRF). */
export function defaultSecurity(method: string, path: string): SecurityRequirement[] {
  if (path.startsWith(PUBLIC_PREFIX)) return [];
  return SAFE_METHODS.has(method)
    ? [{ [SESSION_SCHEME]: [] }]
    : [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
}

/**
 * The error answers an operation can give, by its kind: every one may be refused as invalid (400), fail
 * (500) or meet an unreachable database (503); a body may be too large (413); an unsafe method may fail the
 * origin / CSRF check (403). Signed-in operations answer 401 without a complete session, 403 for a role or
 * policy and 404 for what is unknown or out of scope; their writes may conflict (409). Public operations may
 * be rate-limited (429) and answer 404 for an unknown path parameter.
 */
export function errorAnswersFor(method: string, op: Operation): ErrorComponent[] {
  const security = op.security ?? [];
  const isPublic = security.length === 0;
  const needsSession = !isPublic && security.every((req) => Object.keys(req).length > 0);
  const unsafe = !SAFE_METHODS.has(method);
  const hasPathParams = (op.parameters ?? []).some((p) => p.in === 'path');
  const out = new Set<ErrorComponent>(['BadRequest', 'InternalError', 'ServiceUnavailable']);
  if (op.requestBody) out.add('PayloadTooLarge');
  if (unsafe) out.add('Forbidden');
  if (needsSession) for (const name of ['Unauthorized', 'Forbidden', 'NotFound'] as const) out.add(name);
  if (needsSession && unsafe) out.add('Conflict');
  if (isPublic) out.add('TooManyRequests');
  if (isPublic && hasPathParams) out.add('NotFound');
  return [...out];
}

export type DocumentOptions = { cookieSecure: boolean };

/** Completes a generated document in place (pure; exported for tests) and returns it. */
export function completeDocument<T extends Document>(doc: T, opts: DocumentOptions): T {
  const components: Json & { responses?: Json; securitySchemes?: Json } = doc.components ?? {};
  components.securitySchemes = {
    ...securitySchemes(sessionCookieName(opts.cookieSecure)),
    ...components.securitySchemes,
  };
  const responses: Json = components.responses ?? {};
  for (const [name, { status: _status, ...response }] of Object.entries(ERROR_COMPONENTS)) {
    responses[name] ??= response;
  }
  components.responses = responses;
  doc.components = components;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      op.security ??= defaultSecurity(method, path);
      const answers: Record<string, unknown> = { ...op.responses };
      for (const name of errorAnswersFor(method, op)) {
        answers[ERROR_COMPONENTS[name].status] ??= { $ref: `#/components/responses/${name}` };
      }
      // An error a route declares by description alone carries the shared error body.
      for (const [status, answer] of Object.entries(answers)) {
        const a = answer as Json;
        if (Number(status) >= 400 && !a.$ref && !a.content) {
          answers[status] = { ...a, content: { 'application/json': { schema: errorRef } } };
        }
      }
      op.responses = sortByStatus(answers);
    }
  }
  return doc;
}

function sortByStatus(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

const documents = new WeakMap<object, unknown>();

/** The app's document, generated once per app (routes do not change after assembly). */
export function apiDocument(
  app: Pick<OpenAPIHono, 'openAPIRegistry' | 'getOpenAPI31Document'>,
  opts: DocumentOptions,
): unknown {
  const cached = documents.get(app);
  if (cached) return cached;
  // The error body is referred to by every operation even when no route names it itself.
  app.openAPIRegistry.register('Error', ZError);
  const doc = completeDocument(
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Tsunagu API',
        version: '0.1.0',
        description: [
          '医療的ケア児支援センター platform. Errors carry a stable code and messages in Japanese and English',
          '(`Error`). Signed-in operations take the session cookie and, on unsafe methods, the X-CSRF-Token',
          'header; operations under /api/public/ take neither.',
        ].join('\n'),
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
      // Self-hosted: the API is served by the same origin as the web app, wherever that is deployed.
      servers: [{ url: '/', description: 'This deployment (same origin as the web app)' }],
    }) as unknown as Document,
    opts,
  );
  documents.set(app, doc);
  return doc;
}
