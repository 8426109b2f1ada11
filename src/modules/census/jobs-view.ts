import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';
import type { JobRow } from '../../jobs/queue';
import type { ZJob } from './schemas';

/** A job row as the screens poll it (ZJob). Shared by the imports and the runs routes. */
export function jobView(row: JobRow): z.infer<typeof ZJob> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    phase: row.phase,
    error: row.error ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * One census job of the prefecture, or undefined (another prefecture's or another module's job is not found,
 * whatever its id). The prefecture comes from censusReader.
 */
export async function findCensusJob(
  db: DbOrTx,
  prefectureCode: string,
  id: string,
): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.prefectureCode, prefectureCode)));
  return row?.kind.startsWith('census.') ? row : undefined;
}
