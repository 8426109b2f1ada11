import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { children, prefectures, users } from '../db/schema';
import { demoAccounts, demoDatabase } from '../db/schema/demo';
import { DEMO_EMAIL_DOMAIN, DEMO_PREFECTURE } from '../demo/seed';
import { testConfig } from '../server/config';
import { createTestDatabase } from '../test/db';
import type { CliContext } from './io';
import { runCli } from './run';

/**
 * `tsunagu demo seed` on a fresh database of each engine (on the server, a database of its own created like
 * every test database): it seeds the demo prefecture with one account per role and prints the sign-ins once;
 * a second run, now that the database holds data, is refused with a bilingual message and changes nothing.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

function context() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: () => new Date('2026-12-06T01:00:00Z'),
    loadConfig: () => testConfig(),
    openDb: async () => ({ ...db, close: async () => {} }),
    promptHidden: async () => null,
  };
  return { ctx, out, err };
}

describe('demo seed', () => {
  it('seeds an empty database and prints each account once', async () => {
    const { ctx, out, err } = context();
    expect(await runCli(['demo', 'seed', '--children', '40'], ctx)).toBe(0);
    expect(err.join('\n')).toMatch(/デモデータを作成しました.*Demo data created/);
    const text = out.join('\n');
    expect(text).toContain('centre-admin@demo.tsunagu.example');
    expect(text).toMatch(/TOTP: [A-Z2-7]{16,}/);
    const [pref] = await db.systemDb.select().from(prefectures).where(eq(prefectures.code, DEMO_PREFECTURE));
    expect(pref).toBeDefined();
    const [kids] = await db.systemDb.select({ n: count() }).from(children);
    expect(kids!.n).toBe(40);
    // Every account one can sign in with is printed, once (the demo course's applicants have no password).
    const signIn = await db.systemDb
      .select({ email: users.email })
      .from(users)
      .where(isNotNull(users.passwordHash));
    const printed = text.match(new RegExp(`[\\w.+-]+@${DEMO_EMAIL_DOMAIN.replace(/\./g, '\\.')}`, 'g')) ?? [];
    expect(new Set(printed).size).toBe(printed.length);
    expect([...printed].sort()).toEqual(signIn.map((u) => u.email).sort());
    expect(signIn.length).toBeGreaterThanOrEqual(8);
    // The demo database's marker, in the same transaction: exactly the accounts the seeding created (decision 0024).
    const [marker] = await db.systemDb.select().from(demoDatabase);
    expect(marker?.prefectureCode).toBe(DEMO_PREFECTURE);
    const marked = await db.systemDb
      .select({ email: users.email })
      .from(demoAccounts)
      .innerJoin(users, eq(users.id, demoAccounts.userId));
    expect(marked.map((u) => u.email).sort()).toEqual(signIn.map((u) => u.email).sort());
  }, 180_000);

  it('refuses a database that holds data, saying so in both languages, and changes nothing', async () => {
    const { ctx, err } = context();
    const [before] = await db.systemDb.select({ n: count() }).from(children);
    expect(await runCli(['demo', 'seed'], ctx)).toBe(1);
    expect(err.join('\n')).toMatch(/すでにデータがあります.*already holds data/);
    const [after] = await db.systemDb.select({ n: count() }).from(children);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a children count out of range as a usage error', async () => {
    const { ctx } = context();
    expect(await runCli(['demo', 'seed', '--children', '3'], ctx)).toBe(2);
  });
});
