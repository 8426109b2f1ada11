import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, testConfig } from '../server/config';
import type { CliContext } from './io';
import { runCli } from './run';

/** A context that records output and must not touch a database. */
function fakeContext(overrides: Partial<CliContext> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: () => new Date('2026-11-26T00:00:00Z'),
    loadConfig: () => testConfig(),
    openDb: () => Promise.reject(new Error('no database in unit tests')),
    promptHidden: async () => null,
    ...overrides,
  };
  return { ctx, out, err };
}

describe('runCli', () => {
  it('prints the general help with --help (exit 0) and without arguments (exit 2)', async () => {
    const a = fakeContext();
    expect(await runCli(['--help'], a.ctx)).toBe(0);
    expect(a.out.join('\n')).toMatch(/admin create.*Create the first administrator/);
    const b = fakeContext();
    expect(await runCli([], b.ctx)).toBe(2);
    expect(b.err.join('\n')).toContain('Usage');
  });

  it.each([['migrate'], ['admin', 'create'], ['audit', 'verify'], ['backup'], ['restore'], ['demo', 'totp']])(
    'prints help for %s',
    async (...words) => {
      const { ctx, out } = fakeContext();
      expect(await runCli([...words, '--help'], ctx)).toBe(0);
      expect(out.join('\n')).toContain(`tsunagu ${words.join(' ')}`);
    },
  );

  it('answers unknown commands, unknown options, missing values and extra arguments with exit 2', async () => {
    for (const argv of [
      ['frobnicate'],
      ['admin'],
      ['admin', 'delete'],
      ['backup'],
      ['backup', '--out'],
      ['backup', '--bogus', 'x'],
      ['migrate', 'now'],
      ['demo', 'totp'],
      ['restore', '--in', '/nonexistent/file.tsb'],
    ]) {
      const { ctx, err } = fakeContext({ openDb: async () => ({}) as never });
      expect({ argv, code: await runCli(argv, ctx) }).toEqual({ argv, code: 2 });
      expect(err.length).toBeGreaterThan(0);
    }
  });

  it('checks admin options before asking for a password, and never invents one', async () => {
    let prompted = 0;
    const promptHidden = async () => {
      prompted++;
      return null;
    };
    const bad = fakeContext({ promptHidden });
    expect(await runCli(['admin', 'create', '--email', 'not-an-address', '--name', 'x'], bad.ctx)).toBe(2);
    expect(
      await runCli(
        ['admin', 'create', '--email', 'a@example.jp', '--name', 'x', '--role', 'auditor'],
        bad.ctx,
      ),
    ).toBe(2);
    expect(
      await runCli(
        ['admin', 'create', '--email', 'a@example.jp', '--name', 'x', '--role', 'centre_admin'],
        bad.ctx,
      ),
    ).toBe(2);
    expect(prompted).toBe(0);
    // No terminal and no TSUNAGU_ADMIN_PASSWORD: refused, nothing opened.
    const noTty = fakeContext({ promptHidden });
    expect(await runCli(['admin', 'create', '--email', 'a@example.jp', '--name', 'x'], noTty.ctx)).toBe(2);
    expect(noTty.err.join('\n')).toContain('TSUNAGU_ADMIN_PASSWORD');
    // Typed twice, differently.
    let n = 0;
    const mismatch = fakeContext({
      promptHidden: async () => (n++ === 0 ? 'first password 123' : 'other password 456'),
    });
    expect(await runCli(['admin', 'create', '--email', 'a@example.jp', '--name', 'x'], mismatch.ctx)).toBe(1);
    expect(mismatch.err.join('\n')).toMatch(/do not match/);
  });

  it('reports a configuration error with exit 2', async () => {
    const { ctx, err } = fakeContext({
      loadConfig: () => {
        throw new ConfigError('Invalid configuration (設定に誤りがあります):\n  PORT: bad');
      },
    });
    expect(await runCli(['audit', 'verify'], ctx)).toBe(2);
    expect(err.join('\n')).toContain('PORT');
  });

  it('refuses demo totp on PostgreSQL and for real addresses, before opening anything', async () => {
    const pg = fakeContext({ loadConfig: () => testConfig({ databaseUrl: 'postgres://x@localhost/y' }) });
    expect(await runCli(['demo', 'totp', 'a@demo.tsunagu.example'], pg.ctx)).toBe(1);
    expect(pg.err.join('\n')).toMatch(/embedded/);
    const real = fakeContext();
    expect(await runCli(['demo', 'totp', 'someone@example.jp'], real.ctx)).toBe(1);
  });
});

describe('the tsunagu executable', () => {
  it.each([[['--import', 'tsx', 'src/cli/main.ts', '--help']], [['bin/tsunagu.mjs', '--help']]])(
    'runs %j',
    (args) => {
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('tsunagu <command>');
    },
  );

  it('exits with 2 on an unknown command', () => {
    const r = spawnSync(process.execPath, ['bin/tsunagu.mjs', 'nope'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown command');
  });
});
