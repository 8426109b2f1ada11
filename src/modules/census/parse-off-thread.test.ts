import { describe, expect, it } from 'vitest';
import { csvFile } from '../../test/census-files';
import { OFF_THREAD_BYTES, parseUploadOffThread } from './parse-off-thread';
import { parseUpload } from './upload';

/** A large list read in a worker thread gives exactly what reading it here gives. */
describe('parseUploadOffThread', () => {
  it('reads a list above the threshold like parseUpload does', async () => {
    const rows = [['氏名', 'ふりがな', '生年月日', '住所']];
    for (let i = 0; rows.length < 6000; i++)
      rows.push([
        `髙橋 ${i}`,
        'たかはし いちろう',
        `2019/04/${String((i % 28) + 1).padStart(2, '0')}`,
        '藤沢市本町1-2-3',
      ]);
    const buffer = csvFile(rows, 'utf8');
    expect(buffer.length).toBeGreaterThan(OFF_THREAD_BYTES);
    const here = await parseUpload('big.csv', buffer, {}, '14');
    const there = await parseUploadOffThread('big.csv', buffer, {}, '14');
    expect(there.records).toHaveLength(5999);
    expect(there).toEqual(here);
  }, 60_000);
});
