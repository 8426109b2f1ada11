import { Worker } from 'node:worker_threads';
import type { CensusRecord, RowIssue } from './types';
import { type CheckedList, parseUpload } from './upload';

/** Files at least this large are parsed in a worker thread; smaller ones parse faster than a thread starts. */
export const OFF_THREAD_BYTES = 256 * 1024;

/**
 * Records or issues per message from the worker. Receiving a message copies its contents on this thread in one
 * piece: a whole national list (26,630 records) at once stopped the server for 0.4–1 s, a slice of 1,000 takes
 * a few milliseconds, and other requests run between slices.
 */
export const SLICE_ITEMS = 1000;

/** The worker's first answer: the list without its records and issues, and how many of each it holds. */
export type WorkerHead =
  | { ok: true; list: CheckedList; records: number; issues: number }
  | { ok: false; message: string };
/** What this thread asks for next, and the worker's answer to it. */
export type SliceRequest = { key: 'records' | 'issues'; from: number };
export type SliceAnswer = CensusRecord[] | RowIssue[];

/**
 * parseUpload without stopping the server: reading a national list (26,630 rows: about 0.6 s of work, several
 * seconds for an .xlsx) runs in a worker thread, so requests — `/healthz` included — are answered meanwhile
 * (decision 0016). Falls back to this thread when a worker cannot be started.
 */
export async function parseUploadOffThread(
  fileName: string,
  content: Buffer,
  mapping: Parameters<typeof parseUpload>[2],
  prefectureCode: string,
): Promise<CheckedList> {
  if (content.length < OFF_THREAD_BYTES) return parseUpload(fileName, content, mapping, prefectureCode);
  try {
    return await parseInWorker(fileName, content, mapping, prefectureCode);
  } catch (err) {
    if (err instanceof WorkerUnavailableError) return parseUpload(fileName, content, mapping, prefectureCode);
    throw err;
  }
}

/** The worker thread could not start, or ended without answering. */
export class WorkerUnavailableError extends Error {}

/**
 * parseUpload in a worker thread, its result brought back in slices this thread asks for one at a time.
 * Throws {@link WorkerUnavailableError} when the worker cannot be had.
 */
export async function parseInWorker(
  fileName: string,
  content: Buffer,
  mapping: Parameters<typeof parseUpload>[2],
  prefectureCode: string,
): Promise<CheckedList> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker-boot.mjs', import.meta.url), {
      workerData: { fileName, content: new Uint8Array(content), mapping, prefectureCode },
    });
  } catch (err) {
    throw new WorkerUnavailableError(`census list reader: no worker (${String(err)})`);
  }
  try {
    const head = await answerOf<WorkerHead>(worker);
    if (!head) throw new WorkerUnavailableError('census list reader: the worker ended without answering');
    if (!head.ok) throw new Error(`census list reader: ${head.message}`);
    const records: CensusRecord[] = [];
    const issues: RowIssue[] = [];
    for (const [key, total, into] of [
      ['records', head.records, records],
      ['issues', head.issues, issues],
    ] as const) {
      while (into.length < total) {
        worker.postMessage({ key, from: into.length } satisfies SliceRequest);
        const slice = await answerOf<SliceAnswer>(worker);
        if (!slice || slice.length === 0) throw new Error('census list reader: the worker stopped answering');
        (into as unknown[]).push(...slice);
      }
    }
    return { ...head.list, records, issues };
  } finally {
    void worker.terminate();
  }
}

/** The worker's next message, or null when it fails or ends first. */
function answerOf<T>(worker: Worker): Promise<T | null> {
  return new Promise((resolve) => {
    const settle = (value: T | null) => {
      worker.off('message', settle);
      worker.off('error', none);
      worker.off('exit', none);
      resolve(value);
    };
    const none = () => settle(null);
    worker.on('message', settle);
    worker.on('error', none);
    worker.on('exit', none);
  });
}
