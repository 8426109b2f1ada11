import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { learnerFence } from '../modules/access/learner-fence';
import { csrfGuard, loadSession } from '../modules/accounts/middleware';
import { withMailSettings } from '../modules/notifications/mail-context';
import { clientAddressResolver } from './client-ip';
import type { AppEnv, Deps } from './context';
import { isConnectionError } from './db-errors';
import { AppError } from './errors';
import { inputHygiene } from './input-hygiene';
import { registerMapTiles } from './map-tiles';
import { MODULES } from './modules';
import { apiDocument } from './openapi-document';
import { registerProbes } from './probes';
import { readRetry } from './read-retry';
import { requestLogFields } from './request-log';
import { MAX_UPLOAD_BYTES, STREAMED_UPLOAD_PATHS, UPLOAD_PATHS } from './upload-limits';
import { validationHook } from './validation';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Retry-After of a 503 database_unavailable: a restart or failover usually takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Builds the whole HTTP application for one set of dependencies (one database). */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const clientIp = clientIpOf(deps);
  const reads = readRetry(deps.log);

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = deps.log.child({ requestId });
    c.set('log', log);
    c.set('meta', { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null, requestId });
    c.set('session', null);
    c.set('actor', null);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info(requestLogFields(c, started), 'request');
  });
  // Notifications written by the request may mail with this app's settings (notifications/mail-context.ts).
  app.use('*', (_c, next) => withMailSettings(deps.config.mail, next));

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles, when a tile server is configured, come through our own origin (map-tiles.ts).
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );

  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  app.use('/api/*', (c, next) =>
    c.req.method === 'PUT' && STREAMED_UPLOAD_PATHS.some((p) => p.test(c.req.path))
      ? next()
      : UPLOAD_PATHS.some((p) => c.req.path.startsWith(p))
        ? uploadLimit(c, next)
        : defaultLimit(c, next),
  );
  // NUL, control characters and broken UTF-16 in the path, query or JSON body answer 400 (input-hygiene.ts).
  const definitions = () => app.openAPIRegistry.definitions;
  app.use('/api/*', inputHygiene(definitions));
  app.use('/api/*', loadSession(deps));
  app.use('/api/*', csrfGuard());
  // Learners reach only their own areas of the API (access/learner-fence.ts).
  app.use('/api/*', learnerFence());

  // Liveness from the process alone, readiness from the database (probes.ts).
  registerProbes(app, deps);

  for (const m of MODULES) {
    app.route(m.basePath, m.routes(deps));
  }
  if (deps.config.mapTiles) registerMapTiles(app, deps.config.mapTiles);

  // The OpenAPI 3.1 document, completed with security, operation ids and error answers (decision 0014).
  app.get('/api/openapi.json', (c) =>
    c.json(apiDocument(app, { cookieSecure: deps.config.cookieSecure }) as object),
  );

  app.notFound((c) => c.json(new AppError('not_found').toBody(), 404));

  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds) c.header('retry-after', String(err.retryAfterSeconds));
      return c.json(err.toBody(), err.status as 400);
    }
    if (isConnectionError(err)) {
      // A lost connection is not a bug: 503 with Retry-After; a read is tried once more (read-retry.ts).
      const again = reads.lost(c.req.raw);
      c.get('log')?.[again ? 'warn' : 'error'](
        { err },
        again ? 'database connection lost: trying the read again' : 'database connection lost: answered 503',
      );
      c.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return c.json(new AppError('database_unavailable').toBody(), 503);
    }
    if (err instanceof HTTPException) {
      // Hono raises HTTPException 400 only when a JSON body cannot be parsed.
      const code =
        err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'malformed_json';
      return c.json(new AppError(code).toBody(), err.status);
    }
    if (err instanceof SyntaxError) {
      return c.json(new AppError('malformed_json').toBody(), 400);
    }
    c.get('log')?.error({ err }, 'unhandled error');
    return c.json(new AppError('internal').toBody(), 500);
  });

  // The second try of a read wraps the whole app (every middleware runs again on a new connection).
  app.fetch = reads.wrap(app.fetch);
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * The client's address by TRUST_PROXY (client-ip.ts). With no proxy trusted, the first request that carries
 * X-Forwarded-For logs a warning once: behind a proxy every client would share its address and rate limits.
 */
function clientIpOf(deps: Deps): (c: Context<AppEnv>) => string | null {
  const resolve = clientAddressResolver(deps.config.trustProxy);
  let warned = false;
  return (c) => {
    const fwd = c.req.header('x-forwarded-for');
    let peer: string | null = null;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: conninfo is typed for the default Env
      peer = getConnInfo(c as any).remote.address ?? null;
    } catch {
      peer = null;
    }
    if (fwd && !deps.config.trustProxy && !warned) {
      warned = true;
      // The proxy's own address only: the forwarded addresses are the families'.
      deps.log.warn(
        { peer },
        'X-Forwarded-For received but TRUST_PROXY is off: all clients behind the proxy share one address and one rate limit (docs/configuration.md)',
      );
    }
    return resolve(fwd, peer);
  };
}
