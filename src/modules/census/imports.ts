import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusImports, censusSources, jobs } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import { findMunicipality } from '../../shared/municipalities';
import { assertFileComplete, discardFileParts, type StoredFile } from './file-parts';
import { jobView } from './jobs-view';
import type { ZCensusRow, ZImportDetail, ZImportSummary, ZRowIssue } from './schemas';
import { ofMunicipalities } from './sources';
import type { CensusRecord } from './types';

/**
 * Census imports of one prefecture (the prefecture always comes from censusReader/censusWriter). The file's
 * bytes (file-parts.ts) never leave the database through these queries; the records are written by
 * import-job.ts.
 */

export type ImportRow = typeof censusImports.$inferSelect;
export type ImportSummary = z.infer<typeof ZImportSummary>;
export type ImportDetail = z.infer<typeof ZImportDetail>;
type StoredIssue = NonNullable<ImportRow['issues']>[number] & { severity?: 'error' | 'warning' };

/** One normalised record as the screens show it (preview rows; review and discrepancy lists reuse it). */
export function censusRowView(r: {
  row: number;
  name: string | null;
  kana: string | null;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  address: string | null;
  municipalityCode: string | null;
  school: string | null;
  grade: string | null;
  careItems?: string[] | null;
  homeVisitEducation?: boolean | null;
  nightCare?: boolean | null;
}): z.infer<typeof ZCensusRow> {
  return {
    row: r.row,
    name: r.name,
    kana: r.kana,
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.address,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityCode ? (findMunicipality(r.municipalityCode)?.name ?? null) : null,
    school: r.school,
    grade: r.grade,
    careItems: r.careItems ?? [],
    homeVisitEducation: r.homeVisitEducation ?? null,
    nightCare: r.nightCare ?? null,
  };
}

/** The columns of census_records for one parsed record (import-job.ts inserts them). */
export function recordValues(imp: Pick<ImportRow, 'id' | 'prefectureCode' | 'nendo'>, r: CensusRecord) {
  return {
    importId: imp.id,
    prefectureCode: imp.prefectureCode,
    nendo: imp.nendo,
    row: r.row,
    name: r.name,
    kana: r.kana,
    birthDate: r.birthDate,
    sex: r.sex,
    address: r.address,
    municipalityCode: r.municipalityCode,
    school: r.school,
    grade: r.grade,
    careItems: r.careItems ?? null,
    homeVisitEducation: r.homeVisitEducation ?? null,
    nightCare: r.nightCare ?? null,
    raw: r.raw,
  };
}

/** Stored issues (older rows may lack a severity: they were kept because they did not block, so warnings). */
export function issueViews(issues: StoredIssue[] | null): z.infer<typeof ZRowIssue>[] {
  return (issues ?? []).map((i) => ({
    row: i.row,
    column: i.column,
    severity: i.severity ?? 'warning',
    ja: i.ja,
    en: i.en,
  }));
}

function selectImports(db: DbOrTx) {
  return db
    .select({
      imp: getTableColumns(censusImports),
      sourceName: censusSources.name,
      sourceType: censusSources.sourceType,
      job: jobs,
    })
    .from(censusImports)
    .innerJoin(censusSources, eq(censusSources.id, censusImports.sourceId))
    .leftJoin(jobs, eq(jobs.id, censusImports.jobId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectImports>['where']>>[number];

function summaryOf(s: Selected): ImportSummary {
  return {
    id: s.imp.id,
    nendo: s.imp.nendo,
    sourceId: s.imp.sourceId,
    sourceName: s.sourceName,
    sourceType: s.sourceType,
    fileName: s.imp.fileName,
    status: s.imp.status,
    rowCount: s.imp.rowCount,
    issueCount: s.imp.issueCount,
    rejectedCount: s.imp.rejectedCount,
    createdAt: s.imp.createdAt.toISOString(),
    supersededAt: s.imp.supersededAt?.toISOString() ?? null,
    job: s.job ? jobView(s.job) : null,
  };
}

/** The prefecture's imports of a 年度 (a municipality's staff: of its own sources), newest first. */
export async function listImports(
  db: DbOrTx,
  prefectureCode: string,
  nendo: number,
  municipalityCodes: readonly string[] | null = null,
): Promise<ImportSummary[]> {
  const rows = await selectImports(db)
    .where(
      and(
        eq(censusImports.prefectureCode, prefectureCode),
        eq(censusImports.nendo, nendo),
        ofMunicipalities(municipalityCodes),
      ),
    )
    .orderBy(desc(censusImports.createdAt), desc(censusImports.id));
  return rows.map(summaryOf);
}

/** One import of the prefecture with its issues, or undefined (another prefecture's id is not found). */
export async function findImport(
  db: DbOrTx,
  prefectureCode: string,
  unverifiedId: string,
  municipalityCodes: readonly string[] | null = null,
): Promise<ImportDetail | undefined> {
  const [row] = await selectImports(db).where(
    and(
      eq(censusImports.id, unverifiedId),
      eq(censusImports.prefectureCode, prefectureCode),
      ofMunicipalities(municipalityCodes),
    ),
  );
  return row ? { ...summaryOf(row), issues: issueViews(row.imp.issues as StoredIssue[] | null) } : undefined;
}

/** Imports of these municipalities' sources whose job is `jobId` (a municipality's staff follow their own). */
export async function listImportJobIds(
  db: DbOrTx,
  prefectureCode: string,
  jobId: string,
  municipalityCodes: readonly string[],
): Promise<string[]> {
  const rows = await db
    .select({ id: censusImports.id })
    .from(censusImports)
    .innerJoin(censusSources, eq(censusSources.id, censusImports.sourceId))
    .where(
      and(
        eq(censusImports.prefectureCode, prefectureCode),
        eq(censusImports.jobId, jobId),
        ofMunicipalities(municipalityCodes),
      ),
    );
  return rows.map((r) => r.id);
}

/** The import of these very bytes for the source and 年度, if any (an upload of them is not a new import). */
export async function findSameFile(
  db: DbOrTx,
  key: { prefectureCode: string; nendo: number; sourceId: string; sha256: string },
): Promise<{ id: string; status: ImportRow['status'] } | undefined> {
  const [row] = await db
    .select({ id: censusImports.id, status: censusImports.status })
    .from(censusImports)
    .where(
      and(
        eq(censusImports.prefectureCode, key.prefectureCode),
        eq(censusImports.nendo, key.nendo),
        eq(censusImports.sourceId, key.sourceId),
        eq(censusImports.sha256, key.sha256),
      ),
    );
  return row;
}

/** What {@link createImport} stores: the checked upload (its bytes already written as `file`) and the mapping. */
export type NewImport = {
  prefectureCode: string;
  nendo: number;
  sourceId: string;
  fileName: string;
  sha256: string;
  file: StoredFile;
  encoding: string | null;
  mapping: ImportRow['mapping'];
  options: ImportRow['options'];
  createdBy: string;
};

/**
 * Inserts a queued import naming its stored file, with its 'census.import' job, in the caller's transaction
 * (the request's audit entry shares it; the caller kicks the worker after commit). Returns the import's id.
 */
export async function createImport(tx: DbOrTx, input: NewImport): Promise<{ id: string; jobId: string }> {
  await assertFileComplete(tx, input.file);
  const id = randomUUID();
  const jobId = await enqueueImportJob(tx, input.prefectureCode, input.createdBy, id);
  await tx.insert(censusImports).values({
    id,
    prefectureCode: input.prefectureCode,
    nendo: input.nendo,
    sourceId: input.sourceId,
    fileName: input.fileName,
    sha256: input.sha256,
    fileId: input.file.fileId,
    encoding: input.encoding,
    mapping: input.mapping,
    options: input.options,
    status: 'queued',
    jobId,
    createdBy: input.createdBy,
  });
  return { id, jobId };
}

/**
 * Queues a failed import again (the same file uploaded after a failure): fresh bytes and mapping, a new job;
 * the bytes stored before are removed. In the caller's transaction.
 */
export async function retryImport(
  tx: DbOrTx,
  importId: string,
  input: Pick<NewImport, 'prefectureCode' | 'file' | 'encoding' | 'mapping' | 'options' | 'createdBy'>,
): Promise<string> {
  await assertFileComplete(tx, input.file);
  const [before] = await tx
    .select({ fileId: censusImports.fileId })
    .from(censusImports)
    .where(eq(censusImports.id, importId));
  const jobId = await enqueueImportJob(tx, input.prefectureCode, input.createdBy, importId);
  await tx
    .update(censusImports)
    .set({
      fileId: input.file.fileId,
      encoding: input.encoding,
      mapping: input.mapping,
      options: input.options,
      status: 'queued',
      jobId,
      rejectedCount: null,
      rowCount: null,
      issueCount: null,
      issues: null,
    })
    .where(eq(censusImports.id, importId));
  if (before && before.fileId !== input.file.fileId) await discardFileParts(tx, before.fileId);
  return jobId;
}

function enqueueImportJob(tx: DbOrTx, prefectureCode: string, createdBy: string, importId: string) {
  return enqueueJob(tx, { kind: IMPORT_JOB_KIND, prefectureCode, payload: { importId }, createdBy });
}

export const IMPORT_JOB_KIND = 'census.import';
