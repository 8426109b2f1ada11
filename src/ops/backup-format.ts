import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../db/client';
import { MIGRATIONS_FOLDER } from '../db/migrate';

/** Bumped when the file layout changes; restore refuses versions it does not know. */
export const BACKUP_VERSION = 1;
export const BACKUP_FORMAT = 'tsunagu-backup';

/** The latest migration applied to a database, as drizzle records it. */
export type MigrationMark = { hash: string; tag: string | null; when: number };

/** First line of a backup file. */
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  migrations: MigrationMark;
  createdAt: string;
  database: 'pglite' | 'postgres';
  tables: string[];
};

/** Last line: its absence means the file was cut short. */
export type BackupTrailer = { end: true; counts: Record<string, number> };

const MESSAGES = {
  not_migrated: {
    ja: 'データベースが初期化されていません。先に `tsunagu migrate` を実行してください。',
    en: 'The database is not migrated: run `tsunagu migrate` first.',
  },
  migration_mismatch: {
    ja: 'バックアップと復元先のデータベースのバージョン（マイグレーション）が一致しません。',
    en: 'The backup and the target database are at different migrations.',
  },
  not_empty: {
    ja: '復元先のデータベースにすでにデータがあります。空のデータベースにのみ復元できます。',
    en: 'The target database already holds data: restore only into an empty database.',
  },
  bad_format: {
    ja: 'Tsunagu のバックアップファイルではありません。',
    en: 'This is not a Tsunagu backup file.',
  },
  truncated: {
    ja: 'バックアップファイルが途中で切れています（何も復元していません）。',
    en: 'The backup file is cut short (nothing was restored).',
  },
} as const;

/** A refusal of backup or restore, with a stable code and a message in Japanese and English. */
export class BackupError extends Error {
  readonly code: keyof typeof MESSAGES;
  readonly detail: Record<string, unknown>;
  constructor(code: keyof typeof MESSAGES, detail: Record<string, unknown> = {}) {
    super(`${MESSAGES[code].ja} / ${MESSAGES[code].en}`);
    this.code = code;
    this.detail = detail;
  }
}

/** The latest applied migration, or null on a database that was never migrated. */
export async function latestMigration(db: DbOrTx): Promise<MigrationMark | null> {
  const [reg] = rowsOf<{ t: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!reg?.t) return null;
  const [row] = rowsOf<{ hash: string; created_at: string | number | bigint }>(
    await db.execute(
      sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    ),
  );
  if (!row) return null;
  const when = Number(row.created_at);
  return { hash: row.hash, tag: migrationTag(when), when };
}

/** The migration's file name (tag) from the journal, for people reading the header. */
function migrationTag(when: number): string | null {
  try {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number; tag: string }[];
    };
    return journal.entries.find((e) => e.when === when)?.tag ?? null;
  } catch {
    return null;
  }
}
