import { describe, expect, it } from 'vitest';
import { csvFile, xlsxFile } from '../../test/census-files';
import { PACK_FROM_BYTES, packUpload, unpackUpload } from './stored-file';

describe('stored uploads', () => {
  const rows = [['氏名', '生年月日']];
  for (let i = 0; i < 5000; i++) rows.push([`髙橋 ${i}`, '2019/04/05']);

  it('stores a large CSV compressed and gives back the same bytes', async () => {
    const csv = csvFile(rows, 'cp932');
    expect(csv.length).toBeGreaterThan(PACK_FROM_BYTES);
    const stored = await packUpload(csv);
    expect(stored.length).toBeLessThan(csv.length / 2);
    expect(await unpackUpload(stored)).toEqual(csv);
  });

  it('stores a small file and an .xlsx as they came, and reads them as they are', async () => {
    const small = csvFile(rows.slice(0, 10), 'utf8-bom');
    expect(await packUpload(small)).toBe(small);
    const xlsx = await xlsxFile(rows);
    expect(await packUpload(xlsx)).toBe(xlsx);
    expect(await unpackUpload(xlsx)).toBe(xlsx);
  });
});
