import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATE_FORMAT,
  dateCell,
  dateTimeCell,
  excelSerial,
  formattedColumn,
  japanDateCell,
  numberCell,
  WAREKI_FORMAT,
} from './xlsx';

/**
 * The cells must not move with the server's time zone. Node reads TZ again when it is assigned, so each block
 * runs its checks under a zone far from Japan and from UTC, and proves first that the zone took effect.
 */
for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
  describe(`typed cells with TZ=${zone}`, () => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    });

    it('runs in that zone', () => {
      expect(new Date(2019, 3, 5).getTimezoneOffset()).toBe(zone === 'America/Los_Angeles' ? 420 : -840);
    });

    it('makes a calendar date the serial of that very day', () => {
      // Excel's serials: 1900-03-01 is 61, 2019-04-05 is 43560, 2020-02-29 is 43890.
      expect(excelSerial(dateCell('2019-04-05') as Date)).toBe(43560);
      expect(excelSerial(dateCell('2020-02-29') as Date)).toBe(43890);
      expect(excelSerial(dateCell('1900-03-01') as Date)).toBe(61);
      expect(excelSerial(dateCell('2019-05-01') as Date)).toBe(43586);
    });

    it('gives Japan time for an instant, and its day in Japan', () => {
      // 2026-03-31T15:30Z is 2026-04-01 00:30 in Japan.
      const at = dateTimeCell('2026-03-31T15:30:00Z')!;
      expect(excelSerial(at)).toBeCloseTo(46113 + 30 / 1440, 9);
      expect(excelSerial(japanDateCell(new Date('2026-03-31T15:30:00Z'))!)).toBe(46113);
      expect(excelSerial(japanDateCell('2026-03-31T14:59:59Z')!)).toBe(46112);
    });

    it('writes and reads back the same days through exceljs', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('s');
      ws.columns = [formattedColumn('日', 12, DATE_FORMAT), formattedColumn('和暦', 12, WAREKI_FORMAT)];
      ws.addRow([dateCell('2019-04-05'), dateCell('2019-05-01')]);
      ws.addRow([dateCell(null), numberCell(null)]);
      const back = new ExcelJS.Workbook();
      await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
      const row = back.getWorksheet('s')!.getRow(2);
      expect((row.getCell(1).value as Date).toISOString()).toBe('2019-04-05T00:00:00.000Z');
      expect(row.getCell(1).numFmt).toBe(DATE_FORMAT);
      expect((row.getCell(2).value as Date).toISOString()).toBe('2019-05-01T00:00:00.000Z');
      expect(row.getCell(2).numFmt).toBe(WAREKI_FORMAT);
      const blank = back.getWorksheet('s')!.getRow(3);
      expect(blank.getCell(1).type).toBe(ExcelJS.ValueType.Null);
      expect(blank.getCell(2).type).toBe(ExcelJS.ValueType.Null);
    });
  });
}

describe('blank and invalid values', () => {
  it('leaves empty dates and numbers without a value', () => {
    expect(dateCell(null)).toBeNull();
    expect(dateCell(undefined)).toBeNull();
    expect(dateCell('')).toBeNull();
    expect(dateTimeCell(null)).toBeNull();
    expect(japanDateCell(undefined)).toBeNull();
    expect(numberCell(null)).toBeNull();
    expect(numberCell(undefined)).toBeNull();
    expect(numberCell(Number.NaN)).toBeNull();
    expect(numberCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(numberCell(0)).toBe(0);
    expect(numberCell(35.44)).toBe(35.44);
  });

  it('keeps as text what no date cell can hold', () => {
    expect(dateCell('2019-02-30')).toBe('2019-02-30');
    expect(dateCell('1900-02-28')).toBe('1900-02-28');
    expect(dateCell('令和元年5月1日')).toBe('令和元年5月1日');
  });

  it('refuses an instant that is none', () => {
    expect(() => dateTimeCell('yesterday')).toThrow(RangeError);
  });
});
