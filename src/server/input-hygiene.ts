import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './context';
import { AppError } from './errors';
import { jsonIssues, MAX_ISSUES, pathIssues, queryIssues } from './input-checks';
import { multilinePaths, type PathPattern } from './text-fields';

/**
 * The one place where every string a request brings is checked for characters no field may hold (NUL,
 * control characters, unpaired surrogates; tab and line breaks outside multi-line fields), before any route
 * sees it: the path, the query string and a JSON body. A problem answers 400 `validation_failed` with an issue
 * per field. Uploaded files (multipart, CSV) are not JSON and keep their own row-level checks.
 *
 * Which body fields are multi-line is read from the routes' OpenAPI definitions (their request schemas mark
 * them with `multilineText()`), once, at the first request.
 */

/** What the check reads of a route definition in the OpenAPI registry. */
type RouteDefinition = {
  type: 'route';
  route: {
    method: string;
    path: string;
    request?: { body?: { content?: Record<string, { schema?: unknown } | undefined> } };
  };
};

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i;

/** The route pattern a request matched (`/api/children/:id`), or null when only middleware matched. */
export function routePatternOf(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? null;
}

/** `definitions` gives the app's OpenAPI definitions (read at the first request, when all routes exist). */
export function inputHygiene(definitions: () => readonly object[]): MiddlewareHandler<AppEnv> {
  let multiline: Map<string, PathPattern[]> | null = null;

  return async (c, next) => {
    multiline ??= indexMultiline(definitions());
    const pattern = routePatternOf(c);
    const { path, query } = splitUrl(c.req.url);
    const issues = [...pathIssues(path, pattern), ...queryIssues(query)];
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      JSON_TYPE.test(c.req.header('content-type') ?? '')
    ) {
      const body = await parsedJson(c);
      if (body !== undefined) {
        const key = pattern ? `${c.req.method} ${pattern}` : '';
        issues.push(...jsonIssues(body, multiline.get(key) ?? []));
      }
    }
    if (issues.length > 0) throw new AppError('validation_failed', { issues: issues.slice(0, MAX_ISSUES) });
    await next();
  };
}

/**
 * The body as JSON, or undefined when it is not JSON (the route then answers `malformed_json` itself). Read
 * from a copy of the request, so a route's own body limit and validator still read the original stream.
 */
async function parsedJson(c: Context): Promise<unknown> {
  const text = await c.req.raw.clone().text();
  try {
    return JSON.parse(text);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** The raw (still percent-encoded) path and query string of a request URL. */
export function splitUrl(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return { path: '/', query: '' };
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?', start);
  return q === -1 || q > end
    ? { path: url.slice(start, end), query: '' }
    : { path: url.slice(start, q), query: url.slice(q + 1, end) };
}

/** Multi-line body fields by `METHOD /route/:pattern` (e.g. `POST /api/children/:id/consents`). */
export function indexMultiline(definitions: readonly object[]): Map<string, PathPattern[]> {
  const index = new Map<string, PathPattern[]>();
  for (const def of definitions) {
    if (!isRoute(def)) continue;
    const { method, path, request } = def.route;
    const patterns: PathPattern[] = [];
    for (const [type, content] of Object.entries(request?.body?.content ?? {})) {
      if (JSON_TYPE.test(type) && isZod(content?.schema)) patterns.push(...multilinePaths(content.schema));
    }
    if (patterns.length > 0)
      index.set(`${method.toUpperCase()} ${path.replaceAll(/\/{(.+?)}/g, '/:$1')}`, patterns);
  }
  return index;
}

function isRoute(def: object): def is RouteDefinition {
  return (def as { type?: unknown }).type === 'route';
}

function isZod(s: unknown): s is Parameters<typeof multilinePaths>[0] {
  return typeof s === 'object' && s !== null && '_zod' in s;
}
