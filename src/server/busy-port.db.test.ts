import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { jobs } from '../db/schema';
import { enqueueJob } from '../jobs/queue';
import { EMBEDDED_LOCK_FILE } from '../ops/embedded-lock';
import { createTestDatabase, testDbKind } from '../test/db';
import { makePrefecture } from '../test/factories';

/**
 * A second server started on a port that is taken (the real entry, `node --import tsx src/server/main.ts`):
 * it exits with code 2 and one line naming the port and the PORT setting, before it opens the database or
 * starts its job worker — the queued job is still queued, unclaimed — and it leaves the embedded lock free.
 * On PGlite the server gets a data directory of its own; on PostgreSQL the test database.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let taken: Server;
let port: number;
let db: Database;
let jobId: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-busy-port-'));
  taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  port = (taken.address() as { port: number }).port;
  const { DATABASE_URL: _, TSUNAGU_SECRET: __, ...inherited } = process.env;
  const base = { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DEMO_SEED: 'never' };
  if (testDbKind() === 'postgres') {
    db = await createTestDatabase();
    const url = (db.pool!.options as { connectionString: string }).connectionString;
    env = { ...base, DATABASE_URL: url, TSUNAGU_SECRET: 'a test secret of at least thirty-two characters' };
  } else {
    db = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrateDatabase(db);
    env = base;
  }
  await makePrefecture(db.systemDb, '14');
  jobId = await enqueueJob(db.systemDb, { kind: 'census.import', prefectureCode: '14', payload: {} });
  // The embedded database is one process's: the server under test must be able to open it.
  if (db.kind === 'pglite') await db.close();
}, 120_000);

afterAll(async () => {
  if (db.kind === 'postgres') await db.close();
  await new Promise((r) => taken.close(r));
  rmSync(dir, { recursive: true, force: true });
});

function startServer(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a second server on a busy port', () => {
  it('exits with code 2 and one line naming the port and PORT, having claimed no job', async () => {
    const { code, stdout, stderr } = await startServer();
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`PORT=${port}`);
    expect(lines[0]).toMatch(new RegExp(`Port ${port} is already in use`));
    expect(lines[0]).toMatch(/ポート \d+ は使用中です/);
    expect(stdout).not.toMatch(/listening/);

    if (db.kind === 'pglite') {
      expect(existsSync(join(dir, EMBEDDED_LOCK_FILE))).toBe(false);
      db = await openDatabase({ dataDir: join(dir, 'pglite') });
    }
    try {
      const [job] = await db.systemDb.select().from(jobs).where(eq(jobs.id, jobId));
      expect(job).toMatchObject({ status: 'queued', attempts: 0, startedAt: null, workerKey: null });
    } finally {
      if (db.kind === 'pglite') await db.close();
    }
  }, 90_000);
});
