import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../cli/io';
import { runCli } from '../../cli/run';
import { testConfig } from '../../server/config';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { generateTotpSecret, makePrefecture, makeUser } from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { recordAudit } from './record';

let t: TestApp;
let auditor: TestClient;
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  const secret = generateTotpSecret();
  auditor = await signInAs(t, await makeUser(t.db.systemDb, 'auditor', { totpSecret: secret }), secret);
});
afterAll(() => t.close());

/** The command line against the test app's database, with the given TSUNAGU_SECRET. */
async function cli(args: string[], secret = testConfig().secret) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: t.clock.now,
    loadConfig: () => testConfig({ secret }),
    openDb: async () => ({ ...t.db, close: async () => {} }),
    promptHidden: async () => null,
  };
  const code = await runCli(args, ctx);
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

/** Captures the app's log lines while `fn` runs. */
async function logLines(fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const previous = t.deps.log;
  t.deps.log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).trim().split('\n')) lines.push(JSON.parse(l));
        done();
      },
    }),
  );
  try {
    await fn();
  } finally {
    t.deps.log = previous;
  }
  return lines;
}

describe('verification with checkpoints, through the API and the command line', () => {
  it('answers intact, writes a checkpoint and logs it as one structured line', async () => {
    let res: Awaited<ReturnType<TestClient['get']>> | undefined;
    const lines = await logLines(async () => {
      res = await auditor.get('/api/audit/verify');
    });
    expect(res!.status).toBe(200);
    expect(res!.body).toMatchObject({ ok: true, result: 'intact', checkpoints: 1 });
    const logged = lines.filter((l) => l.event === 'audit_checkpoint');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      seq: res!.body.checkpoint.seq,
      hash: res!.body.lastHash,
      at: res!.body.checkpoint.at,
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /監査ログは正常です.*The audit chain is intact: \d+ entries, 2 checkpoints checked/,
    );
    expect(JSON.parse(run.lines[0]!)).toMatchObject({ event: 'audit_checkpoint' });
  });

  it('fails signatures under another TSUNAGU_SECRET, in both languages', async () => {
    const run = await cli(['audit', 'verify'], 'another-secret-another-secret-0123456789');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/署名が正しくありません.*The signature of the checkpoint of .* is wrong/);
    expect(run.err).toMatch(/Result: checkpoint_signature_invalid/);
    expect((await auditor.get('/api/audit/verify')).body.result).toBe('intact');
  });

  it('reports tail_cut once the newest entries are deleted, also against a checkpoint line from the log', async () => {
    const before = await cli(['audit', 'verify']);
    const logLine = before.lines[0]!;
    const { seq } = JSON.parse(logLine) as { seq: number };
    await t.db.systemDb.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await t.db.systemDb.execute(sql`DELETE FROM audit_log WHERE seq > ${seq - 2}`);
    await t.db.systemDb.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);

    const res = await auditor.get('/api/audit/verify');
    expect(res.body).toMatchObject({
      ok: false,
      result: 'tail_cut',
      checkpoint: { seq, source: 'database' },
    });
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/監査ログの末尾が削除されています/);
    expect(run.err).toMatch(/The newest audit entries were removed: the checkpoint of .* vouches for/);
    expect(run.err).toMatch(/Result: tail_cut/);

    await t.db.systemDb.execute(sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER USER`);
    await t.db.systemDb.execute(sql`DELETE FROM audit_checkpoints`);
    await t.db.systemDb.execute(sql`ALTER TABLE audit_checkpoints ENABLE TRIGGER USER`);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
    const withLog = await cli(['audit', 'verify', '--checkpoint', logLine]);
    expect(withLog.code).toBe(1);
    expect(withLog.err).toMatch(/the logged checkpoint of .* \(position \d+\) vouches/);
    expect((await cli(['audit', 'verify', '--checkpoint', '{"seq":1}'])).code).toBe(2);
  });
});

describe('stale checkpoints', () => {
  it('answers checkpoint_stale when an entry went uncovered for over two intervals', async () => {
    const s = await createTestApp();
    try {
      await makePrefecture(s.db.systemDb, '43');
      const secret = generateTotpSecret();
      const client = await signInAs(
        s,
        await makeUser(s.db.systemDb, 'auditor', { totpSecret: secret }),
        secret,
      );
      expect((await client.get('/api/audit/verify')).body.result).toBe('intact');
      const written = s.clock.now();
      await s.db.systemDb.transaction((tx) =>
        recordAudit(
          tx,
          { actor: null, meta: null, at: written },
          { action: 'read', entityType: 'x', entityIds: [] },
        ),
      );
      s.clock.advance(11 * MIN);
      const res = await client.get('/api/audit/verify');
      expect(res.body).toMatchObject({
        ok: false,
        result: 'checkpoint_stale',
        uncoveredSince: written.toISOString(),
      });
      expect((await client.get('/api/audit/verify')).body.result).toBe('intact');
    } finally {
      await s.close();
    }
  });
});
