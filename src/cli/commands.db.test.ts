import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../db/client';
import { auditLog, prefectures, users } from '../db/schema';
import { totpCode } from '../modules/accounts/totp';
import { recordAudit } from '../modules/audit/record';
import { sealAuditChain } from '../modules/audit/seal';
import { acquireEmbeddedLock, EMBEDDED_LOCK_FILE } from '../ops/embedded-lock';
import { testConfig } from '../server/config';
import { createTestDatabase } from '../test/db';
import { generateTotpSecret, makePrefecture, makeUser } from '../test/factories';
import { createAdmin, parseNewAdmin } from './admin';
import { auditVerify } from './audit';
import { backupToFile, restoreFromFile } from './backup';
import { openConfiguredDatabase } from './database';
import { demoTotp } from './demo';
import { type CliContext, CliError } from './io';
import { runCli } from './run';

let db: Database;
let dir: string;
const now = new Date('2026-11-26T03:00:00Z');
const PASSWORD = 'a sufficiently long password';

function context(target: Database, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env,
    now: () => now,
    loadConfig: () => testConfig(),
    // The test owns the database: commands "close" a view that leaves it open.
    openDb: async () => ({ ...target, close: async () => {} }),
    promptHidden: async () => null,
  };
  return { ctx, out, err };
}

async function failure(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-cli-test-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin create', () => {
  it('creates a system administrator without a prefecture and audits it', async () => {
    const { ctx, out } = context(db, { TSUNAGU_ADMIN_PASSWORD: PASSWORD });
    const code = await runCli(
      ['admin', 'create', '--email', 'Root@Example.JP', '--name', 'システム管理者'],
      ctx,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/TOTP/);
    const [u] = await db.systemDb.select().from(users).where(eq(users.email, 'root@example.jp'));
    expect(u).toMatchObject({ role: 'system_admin', prefectureCode: null, totpEnabledAt: null });
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await db.systemDb
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityIds} @> array[${u!.id}]`);
    expect(entry).toMatchObject({ action: 'configure', entityType: 'user', prefectureCode: null });
    expect(entry!.detail).toMatchObject({ event: 'admin_created', role: 'system_admin', via: 'cli' });
  });

  it("creates a centre administrator and the prefecture's tenant row when missing", async () => {
    const input = parseNewAdmin(
      { email: 'kanagawa@example.jp', name: '神奈川 管理者', prefecture: '14' },
      PASSWORD,
    );
    expect(input.role).toBe('centre_admin');
    await createAdmin(db, input, now);
    const [pref] = await db.systemDb.select().from(prefectures).where(eq(prefectures.code, '14'));
    expect(pref?.name).toBe('神奈川県');
    const entries = await db.systemDb.select().from(auditLog).where(eq(auditLog.prefectureCode, '14'));
    expect(entries.map((e) => e.detail.event).sort()).toEqual(['admin_created', 'prefecture_created']);
    // A second administrator of the same prefecture reuses the row.
    await createAdmin(db, { ...input, email: 'kanagawa2@example.jp' }, now);
  });

  it('refuses a weak password and a duplicate e-mail address (exit 1), writing nothing', async () => {
    const before = (await db.systemDb.select().from(users)).length;
    const weak = context(db, { TSUNAGU_ADMIN_PASSWORD: 'short' });
    expect(await runCli(['admin', 'create', '--email', 'new@example.jp', '--name', 'x'], weak.ctx)).toBe(1);
    expect(weak.err.join('\n')).toMatch(/12/);
    const dup = context(db, { TSUNAGU_ADMIN_PASSWORD: PASSWORD });
    expect(await runCli(['admin', 'create', '--email', 'root@example.jp', '--name', 'x'], dup.ctx)).toBe(1);
    expect(dup.err.join('\n')).toMatch(/already registered/);
    expect((await db.systemDb.select().from(users)).length).toBe(before);
  });

  it('takes the password typed on the terminal', async () => {
    const { ctx } = context(db);
    ctx.promptHidden = async () => PASSWORD;
    expect(await runCli(['admin', 'create', '--email', 'typed@example.jp', '--name', 'x'], ctx)).toBe(0);
  });
});

describe('audit verify', () => {
  it('prints the entry count and last hash, and exits 1 naming the first broken id', async () => {
    const ok = context(db);
    expect(await runCli(['audit', 'verify'], ok.ctx)).toBe(0);
    expect(ok.out.join('\n')).toMatch(/intact: \d+ entries/);
    expect(ok.out.join('\n')).toMatch(/Last hash: [0-9a-f]{64}/);

    const other = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) {
        await other.systemDb.transaction((tx) =>
          recordAudit(
            tx,
            { actor: null, meta: null, at: now },
            { action: 'read', entityType: 'x', entityIds: [] },
          ),
        );
      }
      await sealAuditChain(other.systemDb);
      await other.systemDb.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await other.systemDb.execute(sql`UPDATE audit_log SET detail = '{"x":1}' WHERE id = 2`);
      await other.systemDb.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      const broken = context(other);
      expect(await auditVerify(other.systemDb, broken.ctx.io, testConfig(), { now })).toBe(1);
      expect(broken.err.join('\n')).toMatch(/broken at id 2/);
    } finally {
      await other.close();
    }
  });
});

describe('backup and restore', () => {
  it('writes an owner-only file, refuses to overwrite it, and restores it into an empty database', async () => {
    const file = join(dir, 'tsunagu.tsb');
    const b = context(db);
    expect(await runCli(['backup', '--out', file], b.ctx)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(b.err.join('\n')).toMatch(/TSUNAGU_SECRET/);
    expect(await runCli(['backup', '--out', file], context(db).ctx)).toBe(1);
    expect(await runCli(['backup', '--out', file, '--force'], context(db).ctx)).toBe(0);

    const target = await createTestDatabase();
    try {
      const r = context(target);
      expect(await runCli(['restore', '--in', file], r.ctx)).toBe(0);
      expect(r.out.join('\n')).toMatch(/Restored \d+ rows/);
      const count = async (d: Database) =>
        rowsOf<{ n: number }>(await d.systemDb.execute(sql`select count(*)::int as n from users`))[0]!.n;
      expect(await count(target)).toBe(await count(db));
      // Not empty any more: refused with exit 1.
      const again = context(target);
      expect(await restoreFromFile(target, file, again.ctx.io).catch((e: CliError) => e.exitCode)).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(dir, 'junk.tsb');
    writeFileSync(file, 'not a backup');
    const target = await createTestDatabase();
    try {
      expect((await failure(restoreFromFile(target, file, context(target).ctx.io))).message).toMatch(
        /not a Tsunagu backup/,
      );
      expect((await failure(backupToFile(db, file, context(db).ctx.io))).message).toMatch(/--force/);
    } finally {
      await target.close();
    }
  });
});

describe('demo totp', () => {
  it("prints the demo account's current code, only for demo addresses on the embedded database", async () => {
    await makePrefecture(db.systemDb, '43');
    const secret = generateTotpSecret();
    await makeUser(db.systemDb, 'centre_staff', { email: 'staff@demo.tsunagu.example', totpSecret: secret });
    await makeUser(db.systemDb, 'centre_staff', { email: 'real@example.jp', totpSecret: secret });
    const config = testConfig();
    const r = await demoTotp(db.systemDb, config, 'Staff@demo.tsunagu.example', now);
    expect(r.code).toBe(totpCode(secret, now));
    expect(r.secondsLeft).toBe(30);
    expect((await failure(demoTotp(db.systemDb, config, 'real@example.jp', now))).message).toMatch(
      /demo accounts/,
    );
    expect(
      (await failure(demoTotp(db.systemDb, config, 'nobody@demo.tsunagu.example', now))).message,
    ).toMatch(/does not exist/);
    const server = testConfig({ databaseUrl: 'postgres://u@localhost/db' });
    expect((await failure(demoTotp(db.systemDb, server, 'staff@demo.tsunagu.example', now))).message).toMatch(
      /embedded/,
    );
  });
});

describe('the embedded database lock', () => {
  it('refuses to open the embedded database while another live process holds it, and takes over a stale lock', async () => {
    const dataDir = join(dir, 'data');
    const config = testConfig({ dataDir });
    const release = acquireEmbeddedLock(dataDir);
    release();
    // Held by a live process (our parent): refused.
    writeFileSync(join(dataDir, EMBEDDED_LOCK_FILE), String(process.ppid));
    expect((await failure(openConfiguredDatabase(config))).message).toMatch(/in use by another process/);
    // Left by a process that no longer exists: taken over, and removed on release.
    writeFileSync(join(dataDir, EMBEDDED_LOCK_FILE), '2147483646');
    const again = acquireEmbeddedLock(dataDir);
    expect(statSync(join(dataDir, EMBEDDED_LOCK_FILE)).isFile()).toBe(true);
    again();
    expect(() => statSync(join(dataDir, EMBEDDED_LOCK_FILE))).toThrow();
  });
});
