import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { censusImports, censusRecords } from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { recordValues } from './imports';
import { assertImportable, parseUpload } from './upload';

/** Records per INSERT (14 columns: far below PostgreSQL's 65,535 parameters). */
const BATCH = 1000;

/**
 * The 'census.import' job: reads the stored file again with the mapping chosen at upload and writes all its
 * records in one transaction, with the import's counts and issues and the superseding of older files of the
 * same source and 年度 — so an import is all or nothing. Re-running it (a worker died after commit, or before)
 * replaces its records instead of adding to them. Progress: 'reading' 0 → 1, then 'writing' by batch.
 */
export function importJobHandler(_deps: Deps): JobHandler {
  return {
    async run({ db, job, progress, now }) {
      const importId = typeof job.payload.importId === 'string' ? job.payload.importId : null;
      const [imp] = importId
        ? await db
            .select()
            .from(censusImports)
            .where(and(eq(censusImports.id, importId), eq(censusImports.prefectureCode, job.prefectureCode)))
        : [];
      if (!imp) throw new AppError('not_found');

      await progress('reading', 0);
      await db.update(censusImports).set({ status: 'running' }).where(eq(censusImports.id, imp.id));
      const list = await parseUpload(imp.fileName, imp.content, imp.mapping, imp.prefectureCode);
      // The upload was checked; bytes that no longer read (or a changed reader) fail the job, writing nothing.
      assertImportable(list);
      await progress('reading', 1);

      const values = list.records.map((r) => recordValues(imp, r));
      await progress('writing', 0);
      const at = now();
      // Progress while writing is queued, never awaited inside the transaction: on PostgreSQL it is written
      // at once by another connection; PGlite runs it after the commit (awaiting it there would never return).
      let pending: Promise<void> = Promise.resolve();
      const report = (fraction: number) => {
        pending = pending.then(() => progress('writing', fraction)).catch(() => undefined);
      };
      try {
        await db.transaction(async (tx) => {
          await tx.delete(censusRecords).where(eq(censusRecords.importId, imp.id));
          for (let i = 0; i < values.length; i += BATCH) {
            await tx.insert(censusRecords).values(values.slice(i, i + BATCH));
            report(Math.min(values.length, i + BATCH) / values.length);
          }
          const sameList = and(
            eq(censusImports.prefectureCode, imp.prefectureCode),
            eq(censusImports.sourceId, imp.sourceId),
            eq(censusImports.nendo, imp.nendo),
            ne(censusImports.id, imp.id),
          );
          // Compared in SQL: created_at has microseconds, a JavaScript Date only milliseconds.
          const mine = sql`(select created_at from ${censusImports} where id = ${imp.id})`;
          await tx
            .update(censusImports)
            .set({ supersededAt: at })
            .where(
              and(sameList, sql`${censusImports.createdAt} < ${mine}`, isNull(censusImports.supersededAt)),
            );
          // A newer file already imported (this job ran late) keeps its place; this one is superseded at once.
          const [newer] = await tx
            .select({ id: censusImports.id })
            .from(censusImports)
            .where(
              and(sameList, eq(censusImports.status, 'imported'), sql`${censusImports.createdAt} > ${mine}`),
            )
            .limit(1);
          await tx
            .update(censusImports)
            .set({
              status: 'imported',
              rowCount: values.length,
              issueCount: list.issues.length,
              issues: list.issues,
              supersededAt: newer ? at : null,
            })
            .where(eq(censusImports.id, imp.id));
        });
      } finally {
        await pending;
      }
      return { importId: imp.id, rows: values.length, issues: list.issues.length };
    },

    async fail(db, job) {
      const importId = job.payload.importId;
      if (typeof importId !== 'string') return;
      await db
        .update(censusImports)
        .set({ status: 'failed' })
        .where(and(eq(censusImports.id, importId), eq(censusImports.prefectureCode, job.prefectureCode)));
    },
  };
}
