import { Worker } from 'node:worker_threads';
import { type CheckedList, parseUpload } from './upload';

/** Files at least this large are parsed in a worker thread; smaller ones parse faster than a thread starts. */
export const OFF_THREAD_BYTES = 256 * 1024;

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
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      workerData: { fileName, content: new Uint8Array(content), mapping, prefectureCode },
    });
  } catch {
    return parseUpload(fileName, content, mapping, prefectureCode);
  }
  type Answer = { ok: true; list: CheckedList } | { ok: false; message: string };
  const answer = await new Promise<Answer | null>((resolve) => {
    worker.once('message', (m: Answer) => resolve(m));
    // A worker that cannot load (no loader in this process) ends without answering: parse here instead.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  void worker.terminate();
  if (!answer) return parseUpload(fileName, content, mapping, prefectureCode);
  if (!answer.ok) throw new Error(`census list reader: ${answer.message}`);
  return answer.list;
}
