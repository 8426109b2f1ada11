import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { auditCsv, csvField } from './export';
import type { AuditEntryView } from './queries';
import { formatJapanDateTime, japanDayEnd, japanDayStart } from './time';

const entry: AuditEntryView = {
  id: 7,
  at: new Date('2026-03-31T15:00:00Z'),
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorEmail: 'staff@example.jp',
  actorName: '監査 太郎',
  actorRole: 'auditor',
  action: 'export',
  entityType: 'child',
  entityIds: ['a', 'b'],
  detail: { q: '髙橋 "①"', n: 1 },
  ip: '192.0.2.1',
  userAgent: null,
  requestId: 'req-1',
};

describe('Japan time', () => {
  it.each([
    ['2026-04-01', '2026-03-31T15:00:00.000Z', '2026-04-01T15:00:00.000Z'],
    ['2024-02-29', '2024-02-28T15:00:00.000Z', '2024-02-29T15:00:00.000Z'],
    ['2026-12-31', '2026-12-30T15:00:00.000Z', '2026-12-31T15:00:00.000Z'],
  ])('%s runs from %s to %s', (day, start, end) => {
    expect(japanDayStart(day).toISOString()).toBe(start);
    expect(japanDayEnd(day).toISOString()).toBe(end);
  });

  it('formats instants as Japanese wall-clock time', () => {
    expect(formatJapanDateTime(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01 00:00:00');
    expect(formatJapanDateTime(new Date('2026-11-26T14:59:59.999Z'))).toBe('2026-11-26 23:59:59');
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+81', "'+81"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes CP932 that Japanese Excel reads, including NEC special characters', () => {
    const buf = auditCsv([entry], 'cp932');
    const text = iconv.decode(buf, 'cp932');
    const [head, row] = text.split('\r\n');
    expect(head).toBe('日時,利用者,役割,操作,対象種別,対象ID,詳細,IPアドレス,リクエストID');
    expect(row).toBe(
      '2026-04-01 00:00:00,staff@example.jp,監査担当（閲覧のみ）,出力,child,a b,"{""q"":""髙橋 \\""①\\"""",""n"":1}",192.0.2.1,req-1',
    );
  });

  it('writes UTF-8 with a byte-order mark on request', () => {
    const buf = auditCsv([entry], 'utf8');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString('utf8')).toContain('髙橋');
  });
});
