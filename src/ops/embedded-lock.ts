import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the lock file beside the embedded database (in DATA_DIR, next to `pglite/` and `secret`). */
export const EMBEDDED_LOCK_FILE = 'tsunagu.lock';

/** Another live process already holds the embedded database. */
export class EmbeddedLockError extends Error {
  constructor(readonly pid: number) {
    super(
      `埋め込みデータベースは別のプロセス（PID ${pid}）が使用中です。サーバーを停止してから実行してください。 / ` +
        `The embedded database is in use by another process (PID ${pid}). Stop the server first.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no locking of its own: two processes opening one data directory corrupt it. Whoever opens the
 * embedded database (server or CLI) takes this pid lock first; a lock left by a dead process is taken over.
 * Returns the release function.
 */
export function acquireEmbeddedLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, EMBEDDED_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) throw new EmbeddedLockError(pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
