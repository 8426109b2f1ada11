import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Database } from '../db/client';
import { BackupError, restoreDatabase, writeBackup } from '../ops/backup';
import { stringOption } from './args';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, CliError, type CliIO, EXIT, type ExitCode } from './io';

const SENSITIVE = [
  bilingual(
    'このファイルには個人情報とパスワードハッシュが含まれます。暗号化した場所に保管してください。',
    'The file holds personal data and password hashes: keep it encrypted at rest.',
  ),
  bilingual(
    '2段階認証の鍵は TSUNAGU_SECRET（埋め込みDBでは DATA_DIR/secret）で暗号化されています。秘密鍵も別途保管してください。',
    'TOTP keys are sealed with TSUNAGU_SECRET (DATA_DIR/secret when embedded): keep that secret too, separately.',
  ),
];

/**
 * Writes a backup of `db` to `file` as it is read (owner-only permissions; written beside it, then renamed, so a
 * failed backup never leaves a file that looks whole).
 */
export async function backupToFile(
  db: Database,
  file: string,
  io: CliIO,
  opts: { force?: boolean; now?: Date } = {},
): Promise<ExitCode> {
  if (existsSync(file) && !opts.force) {
    throw new CliError(
      bilingual(`${file} はすでにあります（上書きは --force）`, `${file} exists (use --force to overwrite)`),
    );
  }
  const partial = `${file}.partial`;
  try {
    await writeBackup(db, createWriteStream(partial, { mode: 0o600 }), { now: opts.now ?? new Date() });
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  const size = statSync(file).size;
  io.out(
    bilingual(
      `バックアップを書き出しました: ${file}（${size} バイト）`,
      `Backup written: ${file} (${size} bytes)`,
    ),
  );
  for (const line of SENSITIVE) io.err(line);
  return EXIT.ok;
}

/** Restores `file` into `db` (migrated, empty); exit 1 on refusal or when the restored chain is broken. */
export async function restoreFromFile(db: Database, file: string, io: CliIO): Promise<ExitCode> {
  assertReadable(file);
  try {
    const r = await restoreDatabase(db, createReadStream(file));
    const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
    io.out(
      bilingual(
        `復元しました: ${rows} 行（${r.createdAt} 時点、マイグレーション ${r.migrations.tag ?? r.migrations.hash}）`,
        `Restored ${rows} rows (backup of ${r.createdAt}, migration ${r.migrations.tag ?? r.migrations.hash})`,
      ),
    );
    for (const [table, n] of Object.entries(r.counts)) io.out(`  ${table.padEnd(24)} ${n}`);
    if (!r.audit.ok) {
      io.err(
        bilingual(
          `警告: 復元した監査ログのチェーンが ID ${r.audit.brokenAtId} で壊れています（バックアップ元で改ざんされた可能性）`,
          `Warning: the restored audit chain is broken at id ${r.audit.brokenAtId} (tampered before the backup?)`,
        ),
      );
      return EXIT.failed;
    }
    io.out(
      bilingual(
        `監査ログは正常です: ${r.audit.entries} 件`,
        `The audit chain is intact: ${r.audit.entries} entries`,
      ),
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BackupError) {
      const detail = Object.keys(e.detail).length ? ` ${JSON.stringify(e.detail)}` : '';
      throw new CliError(`${e.message}${detail}`);
    }
    throw e;
  }
}

function assertReadable(file: string): void {
  if (!existsSync(file))
    throw new CliError(bilingual(`${file} が見つかりません`, `${file} not found`), EXIT.usage);
}

export const backupCommand: Command = {
  words: ['backup'],
  summary: bilingual('データベースをファイルにバックアップ', 'Back up the database to a file'),
  usage: 'tsunagu backup --out FILE [--force]',
  help: [
    '  論理バックアップ（gzip 圧縮の JSON Lines）。PGlite・PostgreSQL のどちらでも使え、相互に復元できます。',
    '  A logical backup (gzipped JSON lines) that works on, and restores across, PGlite and PostgreSQL.',
    '  埋め込みDBの場合はサーバーを停止してから実行してください。',
    '  With the embedded database, stop the server first.',
    '  --force   既存のファイルを上書き / overwrite an existing file',
  ],
  options: { out: 'string', force: 'boolean' },
  async run(ctx, args) {
    const file = stringOption(args, 'out');
    if (!file) throw new CliError(bilingual('--out を指定してください', '--out is required'), EXIT.usage);
    return withDatabase(ctx.openDb, ctx.loadConfig(), (db) =>
      backupToFile(db, file, ctx.io, { force: args.options.force === true, now: ctx.now() }),
    );
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  summary: bilingual('バックアップから空のデータベースへ復元', 'Restore a backup into an empty database'),
  usage: 'tsunagu restore --in FILE',
  help: [
    '  復元先は同じバージョンまで migrate 済みで、データが空である必要があります（1トランザクションで全件）。',
    '  The target must be migrated to the same migration and hold no data; all rows go in one transaction.',
    '  先に `tsunagu migrate` を実行してください。 / Run `tsunagu migrate` first.',
  ],
  options: { in: 'string' },
  async run(ctx, args) {
    const file = stringOption(args, 'in');
    if (!file) throw new CliError(bilingual('--in を指定してください', '--in is required'), EXIT.usage);
    assertReadable(file);
    return withDatabase(ctx.openDb, ctx.loadConfig(), (db) => restoreFromFile(db, file, ctx.io));
  },
};
