import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { csrfGuard, loadSession } from '../modules/accounts/middleware';
import type { AppEnv, Deps } from './context';
import { AppError } from './errors';
import { MODULES } from './modules';
import { registerProbes } from './probes';
import { MAX_UPLOAD_BYTES, UPLOAD_PATHS } from './upload-limits';
import { validationHook } from './validation';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole HTTP application for one set of dependencies (one database). */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = deps.log.child({ requestId });
    c.set('log', log);
    c.set('meta', { ip: clientIp(c, deps), userAgent: c.req.header('user-agent') ?? null, requestId });
    c.set('session', null);
    c.set('actor', null);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // A configured map tile server (inside the closed network) is the only other origin, for images only.
        imgSrc: ["'self'", 'data:', ...(deps.config.mapTiles ? [deps.config.mapTiles.origin] : [])],
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
    UPLOAD_PATHS.some((p) => c.req.path.startsWith(p)) ? uploadLimit(c, next) : defaultLimit(c, next),
  );
  app.use('/api/*', loadSession(deps));
  app.use('/api/*', csrfGuard());

  // Liveness from the process alone, readiness from the database (probes.ts).
  registerProbes(app, deps);

  for (const m of MODULES) {
    app.route(m.basePath, m.routes(deps));
  }

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tsunagu API',
      version: '0.1.0',
      description:
        '医療的ケア児支援センター platform. Errors carry a stable code and messages in Japanese and English.',
    },
  });

  app.notFound((c) => c.json(new AppError('not_found').toBody(), 404));

  app.onError((err, c) => {
    if (err instanceof AppError) {
      return c.json(err.toBody(), err.status as 400);
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

  return app;
}

export type App = ReturnType<typeof createApp>;

function clientIp(c: Context<AppEnv>, deps: Deps): string | null {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for');
    if (fwd) return fwd.split(',')[0]!.trim();
  }
  try {
    // biome-ignore lint/suspicious/noExplicitAny: conninfo is typed for the default Env
    return getConnInfo(c as any).remote.address ?? null;
  } catch {
    return null;
  }
}
