import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { and, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { SystemDb } from '../../db/client';
import { censusImports, censusRecords } from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { recordValues } from './imports';
import { parseUploadOffThread } from './parse-off-thread';
import { loadUpload } from './stored-file';
import { assertImportable, goodRowsOf, restrictToMunicipalities } from './upload';

/**
 * Records per INSERT, each its own short statement: requests wait for at most one batch, not for the whole list
 * (decision 0016). On the embedded database a statement also holds the event loop (about 0.3 ms a row), so its
 * batches are smaller.
 */
export function importBatchFor(kind: 'pglite' | 'postgres'): number {
  return kind === 'pglite' ? 150 : 500;
}

/**
 * The 'census.import' job: reads the stored file again (part by part, file-parts.ts) with the mapping chosen at
 * upload and stages its records in batches while the import says 'running' — nothing reads the records of an
 * import that is not 'imported' — giving way to requests between batches. One short transaction at the end makes the import visible at once
 * (status, counts, issues, superseding older files of the same source and 年度), so a failed job shows nothing
 * and its staged rows are removed. Re-running it (a worker died) clears what an earlier attempt staged; a job
 * whose import is already visible (the worker died after publishing) leaves it alone.
 * An import of the good rows only writes the rows without errors and keeps the errors of the others as its
 * issues (why each was left out); a municipality's own upload is read limited to its municipality, as at upload.
 * Progress: 'reading' 0 → 1, then 'writing' by batch.
 */
export function importJobHandler(deps: Deps): JobHandler {
  const batch = importBatchFor(deps.db.kind);
  return {
    async run({ db, job, progress, giveWay, assertOwner, now }) {
      const importId = typeof job.payload.importId === 'string' ? job.payload.importId : null;
      const [imp] = importId
        ? await db
            .select()
            .from(censusImports)
            .where(and(eq(censusImports.id, importId), eq(censusImports.prefectureCode, job.prefectureCode)))
        : [];
      if (!imp) throw new AppError('not_found');
      if (imp.status === 'imported') return { importId: imp.id, alreadyImported: true };

      await progress('reading', 0);
      await db.update(censusImports).set({ status: 'running' }).where(eq(censusImports.id, imp.id));
      const content = await loadUpload(db, imp.prefectureCode, imp.fileId);
      const parsed = await parseUploadOffThread(imp.fileName, content, imp.mapping, imp.prefectureCode);
      const list = restrictToMunicipalities(parsed, imp.options.municipalityCodes);
      // The upload was checked; bytes that no longer read (or a changed reader) fail the job, writing nothing.
      assertImportable(list, imp.options);
      await progress('reading', 1);

      const good = imp.options.goodRowsOnly ? goodRowsOf(list) : list.records;
      const values = good.map((r) => recordValues(imp, r));
      await progress('writing', 0);
      await clearStagedRecords(db, imp.id);
      for (let i = 0; i < values.length; i += batch) {
        const started = performance.now();
        await db.insert(censusRecords).values(values.slice(i, i + batch));
        await progress('writing', Math.min(values.length, i + batch) / values.length);
        await giveWay(performance.now() - started);
      }

      const at = now();
      await db.transaction(async (tx) => {
        await assertOwner(tx);
        const [staged] = await tx
          .select({ n: count() })
          .from(censusRecords)
          .where(eq(censusRecords.importId, imp.id));
        // Rows of another attempt mixed in (a worker thought gone kept writing): retried from a clean slate.
        if (staged?.n !== values.length) throw new Error('census import: staged rows do not match the file');
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
            rejectedCount: imp.options.goodRowsOnly ? list.rejectedRows.length : null,
            supersededAt: newer ? at : null,
          })
          .where(eq(censusImports.id, imp.id));
      });
      return { importId: imp.id, rows: values.length, issues: list.issues.length };
    },

    async fail(db, job) {
      const importId = job.payload.importId;
      if (typeof importId !== 'string') return;
      const [imp] = await db
        .update(censusImports)
        .set({ status: 'failed' })
        .where(
          and(
            eq(censusImports.id, importId),
            eq(censusImports.prefectureCode, job.prefectureCode),
            ne(censusImports.status, 'imported'),
          ),
        )
        .returning({ id: censusImports.id });
      if (imp) await clearStagedRecords(db, imp.id);
    },
  };
}

/** Staged records deleted per statement when an import is cleared. */
const CLEAR_BATCH = 1000;

/** Deletes the staged records of an import that is not visible, a batch at a time. */
async function clearStagedRecords(db: SystemDb, importId: string): Promise<void> {
  for (;;) {
    const batch = db
      .select({ id: censusRecords.id })
      .from(censusRecords)
      .where(eq(censusRecords.importId, importId))
      .limit(CLEAR_BATCH);
    const gone = await db
      .delete(censusRecords)
      .where(inArray(censusRecords.id, batch))
      .returning({ id: censusRecords.id });
    if (gone.length < CLEAR_BATCH) return;
    await yieldToLoop();
  }
}
