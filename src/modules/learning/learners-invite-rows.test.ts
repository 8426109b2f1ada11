import { describe, expect, it } from 'vitest';
import { professionOf, readListRows, recogniseColumns } from './learners-invite-rows';

const ORGS = new Map([['ふじさわ訪問看護ステーション', 'org-1']]);
const ctx = { prefectureCode: '14', organisations: ORGS };
const HEADER = ['氏名', 'メールアドレス', '職種', '勤務先', '市区町村'];

function read(rows: string[][], header = HEADER) {
  const cols = recogniseColumns(header);
  if (!cols.ok) throw new Error(cols.missing.join());
  return readListRows(rows, cols.columns, ctx);
}

describe('recognising the columns of an invitation list', () => {
  it('takes Japanese or English headers in any order, ignoring other columns', () => {
    expect(recogniseColumns(['備考', 'E-mail', 'Name', 'Municipality', 'Workplace', 'Profession'])).toEqual({
      ok: true,
      columns: { name: 2, email: 1, profession: 5, workplace: 4, municipality: 3 },
    });
    expect(recogniseColumns(['ｍａｉｌ', '氏 名', '職種', '所属', '市町村']).ok).toBe(true);
  });

  it('names the columns that are missing', () => {
    expect(recogniseColumns(['氏名', 'メール'])).toEqual({
      ok: false,
      missing: ['profession', 'workplace', 'municipality'],
    });
  });
});

describe('reading the rows of an invitation list', () => {
  it('shapes a good row: profession by label, workplace matched to the network, municipality by name', () => {
    const [row] = read([
      ['山田　花子', 'Hanako.Yamada@Example.JP', '看護師', 'ふじさわ訪問看護 ステーション', '藤沢市'],
    ]);
    expect(row).toEqual({
      line: 2,
      name: '山田 花子',
      email: 'hanako.yamada@example.jp',
      profession: 'nurse',
      workplaceOrganisationId: 'org-1',
      workplaceName: 'ふじさわ訪問看護 ステーション',
      municipalityCode: '142051',
      issues: [],
    });
  });

  it('keeps an unknown workplace as free text and reads codes and English names', () => {
    const [row] = read([['Ken Sato', 'ken@example.jp', 'Teacher', '県立みどり特別支援学校', '142051']]);
    expect(row).toMatchObject({
      profession: 'teacher',
      workplaceOrganisationId: null,
      municipalityCode: '142051',
    });
    expect(professionOf('public_health_nurse')).toBe('public_health_nurse');
    expect(professionOf('保健師')).toBe('public_health_nurse');
  });

  it('reports each problem of a row by field and code, and repeated addresses after the first', () => {
    const rows = read([
      ['', 'not-an-address', '魔法使い', '', '熊本市'],
      ['田中 一郎', 'ichiro@example.jp', '', 'どこか', ''],
      ['田中 一郎', 'ICHIRO@example.jp', '保育士', 'どこか', '茅ヶ崎市'],
    ]);
    expect(rows[0]!.issues.map((i) => i.code)).toEqual([
      'name_missing',
      'email_invalid',
      'profession_unknown',
      'workplace_missing',
      'municipality_unknown',
    ]);
    expect(rows[1]!.issues.map((i) => i.code)).toEqual(['profession_missing', 'municipality_missing']);
    expect(rows[2]!.issues.map((i) => i.code)).toEqual(['email_repeated']);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('skips blank rows but keeps the sheet’s line numbers', () => {
    const rows = read([[], ['', '', '', '', ''], ['佐藤', 's@example.jp', '医師', '市民病院', '藤沢市']]);
    expect(rows.map((r) => r.line)).toEqual([4]);
  });
});
