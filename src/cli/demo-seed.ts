import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { DEMO_CHILDREN, type DemoAccount, seedDemo } from '../demo/seed';
import { applicationTables, REFERENCE_TABLES } from '../ops/tables';
import type { Config } from '../server/config';
import { createLogger } from '../server/logger';
import { stringOption } from './args';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, CliError, EXIT } from './io';

/** The application tables that hold at least one row (the reference list of municipalities aside). */
export async function tablesWithRows(db: Database): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of applicationTables()) {
    if (REFERENCE_TABLES.has(name)) continue;
    const [row] = rowsOf<{ any: boolean }>(
      await db.systemDb.execute(sql`select exists (select 1 from ${sql.identifier(name)}) as any`),
    );
    if (row?.any) found.push(name);
  }
  return found;
}

/**
 * Migrates the database and seeds the fictional demo prefecture (神奈川県) into it — on PostgreSQL as on the
 * embedded database — so a prefecture can try the product on the engine it will run. Refuses a database that
 * holds any data: the demo is never mixed with real records.
 */
export async function seedDemoDatabase(
  db: Database,
  config: Config,
  opts: { children: number; now: Date },
): Promise<DemoAccount[]> {
  await migrateDatabase(db);
  const holding = await tablesWithRows(db);
  if (holding.length) {
    const names = holding.slice(0, 3).join(', ') + (holding.length > 3 ? ', …' : '');
    throw new CliError(
      bilingual(
        `データベースにすでにデータがあります（${names}）。デモは空のデータベースにのみ作成できます`,
        `The database already holds data (${names}): the demo is only created in an empty database`,
      ),
    );
  }
  return seedDemo(
    { db, config, log: createLogger('warn'), now: () => opts.now },
    { children: opts.children },
  );
}

/** The accounts as printed after seeding (role, e-mail, password, TOTP secret). */
export function demoAccountLines(accounts: readonly DemoAccount[]): string[] {
  return [
    'デモ用の架空データです（実在の人物ではありません）。 / Fictional demo data only.',
    'サインイン / Sign in as (role, then e-mail, password [and TOTP secret for an authenticator app]):',
    ...accounts.flatMap((a) => [
      `  ${a.label}`,
      `      ${a.email}  ${a.password}${a.totpSecret ? `  TOTP: ${a.totpSecret}` : ''}`,
    ]),
  ];
}

export const demoSeedCommand: Command = {
  words: ['demo', 'seed'],
  summary: bilingual('空のデータベースにデモデータを作成', 'Seed the fictional demo into an empty database'),
  usage: 'tsunagu demo seed [--children N]',
  help: [
    '  マイグレーションを適用し、架空の神奈川県（児童・資源・相談、役割ごとのアカウント）を作成します。',
    '  PostgreSQL（DATABASE_URL）でも埋め込みデータベースでも使えます。データのあるデータベースには作成しません。',
    '  パスワードと TOTP の秘密鍵は一度だけ表示されます。',
    '  Migrates, then creates the fictional 神奈川県 (children, resources, consultations, one account per role),',
    '  on PostgreSQL (DATABASE_URL) or the embedded database. Refuses a database that holds any data.',
    '  Passwords and TOTP secrets are printed once.',
    `  --children N   児童の数 / children in the prefecture (default ${DEMO_CHILDREN})`,
  ],
  options: { children: 'string' },
  async run(ctx, args) {
    const raw = stringOption(args, 'children');
    const children = raw === undefined ? DEMO_CHILDREN : Number(raw);
    if (!Number.isInteger(children) || children < 10 || children > 100_000) {
      throw new CliError(
        bilingual(
          '--children は 10〜100000 の整数です',
          '--children must be a whole number from 10 to 100000',
        ),
        EXIT.usage,
      );
    }
    const config = ctx.loadConfig();
    const accounts = await withDatabase(ctx.openDb, config, (db) =>
      seedDemoDatabase(db, config, { children, now: ctx.now() }),
    );
    const where = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
    ctx.io.err(bilingual(`デモデータを作成しました（${where}）`, `Demo data created (${where})`));
    for (const line of demoAccountLines(accounts)) ctx.io.out(line);
    return EXIT.ok;
  },
};
