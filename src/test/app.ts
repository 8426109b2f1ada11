import type { Database } from '../db/client';
import { createApp } from '../server/app';
import { type Config, testConfig } from '../server/config';
import type { Deps } from '../server/context';
import { createDeps } from '../server/deps';
import { createLogger } from '../server/logger';
import { createTestDatabase } from './db';

/** A clock tests can move. */
export class TestClock {
  constructor(public current = new Date('2026-06-01T00:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  db: Database;
  clock: TestClock;
  close(): Promise<void>;
};

/** An app on a fresh migrated database (PGlite or the server, per TSUNAGU_TEST_DB). */
export async function createTestApp(config: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new TestClock(new Date());
  // The job worker is not started: tests run queued jobs with `deps.jobs.drain()`.
  const deps: Deps = createDeps({
    db,
    config: testConfig({ trustProxy: true, ...config }),
    log: createLogger('silent'),
    now: clock.now,
  });
  return {
    app: createApp(deps),
    deps,
    db,
    clock,
    close: async () => {
      await deps.jobs.stop();
      await db.close();
    },
  };
}

/**
 * A browser-like client for app.request(): keeps the session cookie and sends the CSRF token,
 * as the web front end does.
 */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  ip = '192.0.2.10';
  constructor(private readonly t: TestApp) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const form = body instanceof FormData;
    // FormData sets its own multipart content type (with the boundary).
    if (body !== undefined && !form) h['content-type'] = 'application/json';
    const res = await this.t.app.request(path, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : form || typeof body === 'string'
            ? (body as FormData | string)
            : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      // The session cookie's name carries the __Host- prefix when the app serves it Secure.
      const m = set.match(/((?:__Host-)?tsunagu_session)=([^;]*)/);
      if (m) this.cookie = m[2] ? `${m[1]}=${m[2]}` : null;
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (json && typeof json === 'object' && 'csrfToken' in json) {
      this.csrf = (json as { csrfToken: string | null }).csrfToken;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
    return { status: res.status, body: json as any, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  /** A multipart/form-data POST (file uploads), with the session cookie and CSRF token like the others. */
  postForm(path: string, form: FormData) {
    return this.request('POST', path, form);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}
