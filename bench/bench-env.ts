/**
 * What the benchmarks that run the server in its own process share: their options from the command line, a free
 * port, a fresh database for an engine (PostgreSQL: a database created on $BENCH_DATABASE_URL's server and dropped
 * afterwards; PGlite: a temporary data directory) and signing a user in through the API (with TOTP when given).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client';
import { totpCode } from '../src/modules/accounts/totp';
import { TEST_PASSWORD } from '../src/test/factories';

export type Engine = 'postgres' | 'pglite';

/** `--key=value` and `--flag` options of the command line. */
export function cliArgs(argv = process.argv.slice(2)) {
  const args = new Map(
    argv.map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k!, v ?? 'true'] as const;
    }),
  );
  const engine = args.get('engine');
  return {
    args,
    num: (k: string, fallback: number) => (args.has(k) ? Number(args.get(k)) : fallback),
    /** --engine=postgres|pglite|both; `fallback` when not given. */
    engines: (fallback: Engine[]): Engine[] =>
      engine === 'postgres' || engine === 'pglite'
        ? [engine]
        : engine === 'both'
          ? ['postgres', 'pglite']
          : fallback,
  };
}

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** A fresh database for the engine; returns it, the server's environment for it and how to remove it. */
export async function prepareEngine(
  engine: Engine,
  name: string,
): Promise<{ db: Database; env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `${name.replaceAll('_', '-')}-`));
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    return { db, env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: BENCH_SERVER_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // pg_trgm needs a UTF-8 ctype to split Japanese text (docs/operations.md).
  await admin(
    `CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
  );
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 10 });
  return {
    db,
    env: { DATABASE_URL: url.toString() },
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export type BenchSession = { cookie: string; csrf: string };

/** Signs in through the API (with TOTP when given); returns the session cookie and CSRF token. */
export async function signIn(
  base: string,
  email: string,
  ip: string,
  totpSecret?: string | null,
): Promise<BenchSession> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (totpSecret) {
    const totp = await fetch(`${base}/api/auth/totp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        'x-forwarded-for': ip,
      },
      body: JSON.stringify({ code: totpCode(totpSecret, new Date()) }),
    });
    if (totp.status !== 200) throw new Error(`TOTP of ${email}: ${totp.status} ${await totp.text()}`);
  }
  return { cookie, csrf: csrfToken };
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 with the error printed when it failed. */
export function runMain(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
