/**
 * Worker-thread entry of parse-off-thread.ts: parses one uploaded list and posts the checked list back. Runs
 * under the same loader as the server (`--import tsx`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseUpload } from './upload';

const { fileName, content, mapping, prefectureCode } = workerData as {
  fileName: string;
  content: Uint8Array;
  mapping: Parameters<typeof parseUpload>[2];
  prefectureCode: string;
};
parseUpload(fileName, Buffer.from(content), mapping, prefectureCode).then(
  (list) => parentPort!.postMessage({ ok: true, list }),
  (err: unknown) =>
    parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
);
