/**
 * Group writing of the audit entries of reads. A read needs no transaction, but its entry must be stored before
 * its answer is sent (decision 0003). Under load many reads finish at once, and one INSERT and one commit each
 * was a third of their statements: here the entries recorded while a write is in flight wait for it and go
 * together in the next multi-row INSERT, so a busy server writes few statements and commits and a quiet one
 * writes each entry at once (decision 0015). Every caller still waits for its own entry to be committed, and if
 * it cannot be, its request fails as before. Entries written inside a transaction never come here: they commit
 * or roll back with the change they describe.
 */
import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';

type Row = typeof auditLog.$inferInsert;
type Waiting = { row: Row; resolve: () => void; reject: (e: unknown) => void };

/** At most this many entries a statement (a search's entry names up to a page of ids). */
export const MAX_ENTRIES_PER_WRITE = 200;

class AuditWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: DbOrTx) {}

  write(row: Row): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_ENTRIES_PER_WRITE);
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      await this.db.insert(auditLog).values(batch.map((w) => w.row));
      for (const w of batch) w.resolve();
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
      // One entry the database refuses must not fail the reads written with it: each is tried alone (a lost
      // connection fails them all again, each with its own error).
      for (const w of batch) await this.writeBatch([w]);
    }
  }
}

const writers = new WeakMap<object, AuditWriter>();

/** Stores one read's audit entry through the database's shared writer; resolves once it is committed. */
export function writeReadEntry(db: DbOrTx, row: Row): Promise<void> {
  let w = writers.get(db);
  if (!w) {
    w = new AuditWriter(db);
    writers.set(db, w);
  }
  return w.write(row);
}
