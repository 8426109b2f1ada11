/**
 * Worker-thread entry of parse-off-thread.ts: parses one uploaded list, posts the checked list without its
 * records and issues, then answers each request for a slice of them. Runs under the same loader as the server
 * (`--import tsx`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SLICE_ITEMS, type SliceAnswer, type SliceRequest, type WorkerHead } from './parse-off-thread';
import { parseUpload } from './upload';

const { fileName, content, mapping, prefectureCode } = workerData as {
  fileName: string;
  content: Uint8Array;
  mapping: Parameters<typeof parseUpload>[2];
  prefectureCode: string;
};
const port = parentPort!;
parseUpload(fileName, Buffer.from(content), mapping, prefectureCode).then(
  (list) => {
    port.on('message', ({ key, from }: SliceRequest) => {
      port.postMessage(list[key].slice(from, from + SLICE_ITEMS) satisfies SliceAnswer);
    });
    const head: WorkerHead = {
      ok: true,
      list: { ...list, records: [], issues: [] },
      records: list.records.length,
      issues: list.issues.length,
    };
    port.postMessage(head);
  },
  (err: unknown) =>
    port.postMessage({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
    } satisfies WorkerHead),
);
