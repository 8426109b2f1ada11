import { describe, expect, it } from 'vitest';
import { csvFile } from '../../test/census-files';
import { OFF_THREAD_BYTES, parseInWorker, parseUploadOffThread, SLICE_ITEMS } from './parse-off-thread';
import { parseUpload } from './upload';

function bigList(rows: number, birthDate: (i: number) => string): Buffer {
  const out = [['氏名', 'ふりがな', '生年月日', '住所']];
  for (let i = 0; out.length <= rows; i++)
    out.push([`髙橋 ${i}`, 'たかはし いちろう', birthDate(i), '藤沢市本町1-2-3']);
  return csvFile(out, 'utf8');
}

/** A large list read in a worker thread gives exactly what reading it here gives. */
describe('parseUploadOffThread', () => {
  it('reads a list above the threshold in a worker thread, records brought back in slices', async () => {
    const buffer = bigList(5999, (i) => `2019/04/${String((i % 28) + 1).padStart(2, '0')}`);
    expect(buffer.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const here = await parseUpload('big.csv', buffer, {}, '14');
    // The worker itself, not the fallback on this thread: a worker that cannot load must fail this test.
    const there = await parseInWorker('big.csv', buffer, {}, '14');
    expect(there.records.length).toBeGreaterThan(SLICE_ITEMS * 5);
    expect(there.records).toHaveLength(5999);
    expect(there).toEqual(here);
    expect(await parseUploadOffThread('big.csv', buffer, {}, '14')).toEqual(here);
  }, 60_000);

  it('brings back more issues than one slice holds, in row order', async () => {
    const buffer = bigList(5000, (i) => (i % 2 === 0 ? '2019/13/45' : '2019/04/05'));
    const here = await parseUpload('bad.csv', buffer, {}, '14');
    expect(here.issues.length).toBeGreaterThan(SLICE_ITEMS * 2);
    const there = await parseInWorker('bad.csv', buffer, {}, '14');
    expect(there.issues).toEqual(here.issues);
    expect(there).toEqual(here);
  }, 60_000);
});
