import { migrateDatabase } from '../db/migrate';
import { latestMigration } from '../ops/backup-format';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, EXIT } from './io';

export const migrateCommand: Command = {
  words: ['migrate'],
  summary: bilingual('データベースのマイグレーションを適用', 'Apply database migrations'),
  usage: 'tsunagu migrate',
  help: [
    '  DATABASE_URL があれば PostgreSQL、なければ DATA_DIR/pglite の埋め込みDBに適用します（前進のみ）。',
    '  Applies pending migrations (forward only) to DATABASE_URL, or to the embedded DATA_DIR/pglite.',
  ],
  options: {},
  async run(ctx) {
    const config = ctx.loadConfig();
    return withDatabase(ctx.openDb, config, async (db) => {
      await migrateDatabase(db);
      const m = await latestMigration(db.systemDb);
      const where = db.kind === 'postgres' ? 'PostgreSQL' : config.dataDir;
      ctx.io.out(
        bilingual(
          `マイグレーションを適用しました（${where}、最新 ${m?.tag ?? '-'}）`,
          `Migrations applied (${where}, latest ${m?.tag ?? '-'})`,
        ),
      );
      return EXIT.ok;
    });
  },
};
