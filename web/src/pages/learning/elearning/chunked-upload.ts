import { translate } from '../../../i18n';
import { ApiError, api } from '../../../lib/api';
import { ELEARNING, type Media } from '../../../lib/queries/learning-elearning';
import { isTransient } from '../../../lib/retry';

/**
 * Sends a file to the media store in numbered chunks (decision 0021): announce (the size is refused at once
 * if over the limit), send each chunk the server has not got yet, commit (the server checks the whole file).
 * A chunk that fails for a transient reason (no answer, 502–504) is retried twice before the upload stops;
 * `resume` asks the server which chunks arrived and sends only the rest, so a broken connection never restarts
 * a 2 GB upload from the beginning. Each chunk goes with XMLHttpRequest for its upload progress.
 */

export type UploadProgress = { sentBytes: number; totalBytes: number; chunk: number; chunkCount: number };

export const CHUNK_RETRY_DELAYS_MS = [1000, 3000] as const;

type Options = {
  csrf: string | null;
  onProgress: (p: UploadProgress) => void;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Sends one chunk (tests pass a fake); defaults to XMLHttpRequest with upload progress. */
  sendChunk?: (url: string, blob: Blob, csrf: string | null, onBytes: (n: number) => void) => Promise<Media>;
};

export async function beginUpload(
  courseId: string,
  file: File,
  kind: Media['kind'],
  captionLanguage?: 'ja' | 'en',
): Promise<Media> {
  return api.post<Media>(`${ELEARNING}/courses/${encodeURIComponent(courseId)}/media`, {
    kind,
    fileName: file.name,
    byteSize: file.size,
    ...(kind === 'captions' ? { captionLanguage: captionLanguage ?? 'ja' } : {}),
  });
}

/** Sends the chunks the server lacks (all, for a new upload), then commits. */
export async function sendAndCommit(media: Media, file: Blob, opts: Options): Promise<Media> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const sendChunk = opts.sendChunk ?? xhrChunk;
  const have = new Set(media.receivedChunks);
  const size = (n: number) => Math.min(media.chunkBytes, media.byteSize - n * media.chunkBytes);
  let sent = [...have].reduce((sum, n) => sum + size(n), 0);
  for (let n = 0; n < media.chunkCount; n++) {
    if (have.has(n)) continue;
    const blob = file.slice(n * media.chunkBytes, n * media.chunkBytes + size(n));
    const url = `${ELEARNING}/media/${encodeURIComponent(media.id)}/chunks/${n}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await sendChunk(url, blob, opts.csrf, (bytes) =>
          opts.onProgress({
            sentBytes: sent + bytes,
            totalBytes: media.byteSize,
            chunk: n,
            chunkCount: media.chunkCount,
          }),
        );
        break;
      } catch (err) {
        if (!isTransient(err) || attempt >= CHUNK_RETRY_DELAYS_MS.length) throw err;
        await sleep(CHUNK_RETRY_DELAYS_MS[attempt]!);
      }
    }
    sent += size(n);
    opts.onProgress({ sentBytes: sent, totalBytes: media.byteSize, chunk: n, chunkCount: media.chunkCount });
  }
  return api.post<Media>(`${ELEARNING}/media/${encodeURIComponent(media.id)}/commit`);
}

/** After a failure: what the server holds now, to send only the missing chunks. */
export function uploadStatus(mediaId: string): Promise<Media> {
  return api.get<Media>(`${ELEARNING}/media/${encodeURIComponent(mediaId)}`);
}

function xhrChunk(
  url: string,
  blob: Blob,
  csrf: string | null,
  onBytes: (n: number) => void,
): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => onBytes(e.loaded);
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network')));
    xhr.onload = () => {
      let data: { error?: { code?: string; ja?: string; en?: string; detail?: unknown } } | null = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Media);
      else {
        const e = data?.error;
        reject(
          new ApiError(
            xhr.status,
            e?.code ?? `http_${xhr.status}`,
            e?.ja ?? translate('ja', 'error.unknown'),
            e?.en ?? translate('en', 'error.unknown'),
            [],
            e?.detail,
          ),
        );
      }
    };
    xhr.send(blob);
  });
}
