import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api';
import type { Media } from '../../../lib/queries/learning-elearning';
import { sendAndCommit } from './chunked-upload';

vi.mock('../../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../../lib/api')>();
  return { ...real, api: { ...real.api, post: vi.fn(async () => ({ status: 'ready' })) } };
});

const media = (received: number[] = []): Media => ({
  id: 'm1',
  courseId: 'c1',
  kind: 'video',
  status: 'uploading',
  fileName: 'a.mp4',
  byteSize: 25,
  chunkBytes: 10,
  chunkCount: 3,
  receivedChunks: received,
  contentType: null,
  durationMs: null,
  faststart: null,
  captionLanguage: null,
  createdAt: '2027-04-01T00:00:00Z',
  readyAt: null,
});

const file = new Blob([new Uint8Array(25)]);
const netErr = () => new ApiError(0, 'network', 'x', 'x');

describe('sendAndCommit', () => {
  it('sends every chunk with the right sizes and reports progress to the end', async () => {
    const sizes: number[] = [];
    const progress: number[] = [];
    await sendAndCommit(media(), file, {
      csrf: 't',
      onProgress: (p) => progress.push(p.sentBytes),
      sendChunk: async (_url, blob) => {
        sizes.push(blob.size);
        return media();
      },
    });
    expect(sizes).toEqual([10, 10, 5]);
    expect(progress.at(-1)).toBe(25);
  });

  it('retries a chunk that failed on the network, then goes on', async () => {
    const calls: string[] = [];
    let failed = false;
    const sleep = vi.fn(async () => undefined);
    await sendAndCommit(media(), file, {
      csrf: null,
      onProgress: () => undefined,
      sleep,
      sendChunk: async (url) => {
        calls.push(url.split('/').at(-1)!);
        if (url.endsWith('/1') && !failed) {
          failed = true;
          throw netErr();
        }
        return media();
      },
    });
    expect(calls).toEqual(['0', '1', '1', '2']);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('stops after the retries, and a resume sends only the chunks the server lacks', async () => {
    await expect(
      sendAndCommit(media(), file, {
        csrf: null,
        onProgress: () => undefined,
        sleep: async () => undefined,
        sendChunk: async (url) => {
          if (url.endsWith('/2')) throw netErr();
          return media();
        },
      }),
    ).rejects.toThrow(ApiError);
    const sent: string[] = [];
    const progress: number[] = [];
    await sendAndCommit(media([0, 1]), file, {
      csrf: null,
      onProgress: (p) => progress.push(p.sentBytes),
      sendChunk: async (url) => {
        sent.push(url.split('/').at(-1)!);
        return media();
      },
    });
    expect(sent).toEqual(['2']);
    expect(progress.at(-1)).toBe(25);
  });

  it('does not retry a refusal (a file that is not a video)', async () => {
    let n = 0;
    await expect(
      sendAndCommit(media(), file, {
        csrf: null,
        onProgress: () => undefined,
        sleep: async () => undefined,
        sendChunk: async () => {
          n++;
          throw new ApiError(422, 'elearning_media_not_video', 'x', 'x');
        },
      }),
    ).rejects.toThrow('elearning_media_not_video');
    expect(n).toBe(1);
  });
});
