import type { Server } from 'node:http';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { AppError } from './errors';

/** An app's fetch: the request and Node's bindings (the connection, for the client's address). */
export type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

/** The one line the server prints when it cannot take its port (exit code 2), or null for other errors. */
export function listenFailureMessage(err: unknown, port: number): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return (
      `ポート ${port} は使用中です（PORT=${port}）。もう一方のサーバーを止めるか、PORT に空いているポートを設定してください。` +
      ` / Port ${port} is already in use (PORT=${port}): stop the other server or set PORT to a free port.`
    );
  }
  if (code === 'EACCES') {
    return (
      `ポート ${port} を開く権限がありません（PORT=${port}）。1024 以上のポートを PORT に設定してください。` +
      ` / Not allowed to listen on port ${port} (PORT=${port}): set PORT to a port of 1024 or above.`
    );
  }
  return null;
}

/** What the server answers before the app is ready: alive for /healthz, 503 for everything else. */
function starting(request: Request): Response {
  if (new URL(request.url).pathname === '/healthz') return Response.json({ status: 'starting' });
  return Response.json(new AppError('server_starting').toBody(), {
    status: 503,
    headers: { 'retry-after': '5' },
  });
}

/**
 * Takes the port before anything else starts (database, migrations, audit sealer, job worker), so a second
 * server on a busy port stops at once and has claimed nothing. Until `serve()` hands it the app, the server
 * answers /healthz as alive and every other request with 503 server_starting. Rejects with the listen error.
 */
export async function bindPort(opts: { port: number; host: string }): Promise<{
  server: Server;
  /** Starts answering with the app. */
  serve(fetch: Fetch): void;
}> {
  let handler: Fetch = starting;
  const server = createAdaptorServer({
    fetch: (request, env) => handler(request, env as HttpBindings),
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(err);
    server.once('error', failed);
    server.listen(opts.port, opts.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  return {
    server,
    serve(fetch) {
      handler = fetch;
    },
  };
}
