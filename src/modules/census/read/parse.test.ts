import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseList } from './parse';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('parseList: dates', () => {
  // Every form named in the issue, plus full-width digits.
  it.each([
    ['2019/04/05', '2019-04-05'],
    ['2019-04-05', '2019-04-05'],
    ['20190405', '2019-04-05'],
    ['2019年4月5日', '2019-04-05'],
    ['H31.4.5', '2019-04-05'],
    ['R1.5.10', '2019-05-10'],
    ['令和元年5月10日', '2019-05-10'],
    ['２０１９／０４／０５', '2019-04-05'],
    ['令和元年５月１０日', '2019-05-10'],
    ['Ｈ３１．４．５', '2019-04-05'],
  ])('%s → %s', async (written, iso) => {
    const list = await parseList('a.csv', utf8(`氏名,生年月日\n山田 花子,"${written}"\n`));
    expect(list.issues).toEqual([]);
    expect(list.records[0]!.birthDate).toBe(iso);
  });
});

describe('parseList: CSV', () => {
  it('reads a CP932 CSV as Windows Excel writes it, with 髙 and 﨑', async () => {
    const text =
      '児童氏名,ﾌﾘｶﾞﾅ,生年月日,性別,住所,学校名,学年\r\n' +
      '髙﨑　太郎,ﾀｶｻｷ ﾀﾛｳ,H31.4.5,1,神奈川県藤沢市鵠沼海岸1-2-3,藤沢市立鵠沼小学校,１年\r\n';
    const list = await parseList('fujisawa.csv', iconv.encode(text, 'CP932'));
    expect(list.issues).toEqual([]);
    expect(list.records).toEqual([
      {
        file: 'fujisawa.csv',
        row: 1,
        name: '髙﨑 太郎',
        kana: 'タカサキ タロウ',
        birthDate: '2019-04-05',
        sex: 'male',
        address: '神奈川県藤沢市鵠沼海岸1-2-3',
        municipalityCode: '142051',
        school: '藤沢市立鵠沼小学校',
        grade: '1年',
        raw: {
          児童氏名: '髙﨑　太郎',
          ﾌﾘｶﾞﾅ: 'ﾀｶｻｷ ﾀﾛｳ',
          生年月日: 'H31.4.5',
          性別: '1',
          住所: '神奈川県藤沢市鵠沼海岸1-2-3',
          学校名: '藤沢市立鵠沼小学校',
          学年: '１年',
        },
      },
    ]);
    expect(list.records[0]!.name!.codePointAt(0)).toBe(0x9ad9);
  });

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('氏名,性別\n﨑山 花,女\n')])],
    ['UTF-8 without BOM', utf8('氏名,性別\n﨑山 花,女\n')],
  ])('reads %s', async (_label, buf) => {
    const list = await parseList('x.csv', buf);
    expect(list.columns.map((c) => c.field)).toEqual(['name', 'sex']);
    expect(list.records[0]).toMatchObject({ name: '﨑山 花', sex: 'female' });
  });

  it('joins split name and kana columns', async () => {
    const list = await parseList(
      'x.csv',
      utf8('氏（漢字）,名（漢字）,フリガナ（姓）,フリガナ（名）\n山田,太郎,やまだ,たろう\n'),
    );
    expect(list.records[0]).toMatchObject({ name: '山田 太郎', kana: 'ヤマダ タロウ' });
  });

  it('applies a hand mapping', async () => {
    const csv = '対象,誕生,区分\n山田 太郎,2019/04/05,男\n';
    const unmapped = await parseList('x.csv', utf8(csv));
    expect(unmapped.records).toEqual([]);
    expect(unmapped.issues[0]).toMatchObject({ row: 0, column: null });
    const mapped = await parseList('x.csv', utf8(csv), {
      mapping: { 対象: 'name', 誕生: 'birthDate', 区分: 'sex' },
    });
    expect(mapped.issues).toEqual([]);
    expect(mapped.records[0]).toMatchObject({ name: '山田 太郎', birthDate: '2019-04-05', sex: 'male' });
  });

  it('resolves the municipality from a code, a name (within a prefecture) or the address', async () => {
    const csv =
      '氏名,市町村,住所\n' +
      'A,14205,\n' +
      'B,142051,\n' +
      'C,藤沢市,\n' +
      'D,府中市,\n' +
      'E,,藤沢市鵠沼1\n' +
      'F,,神奈川県藤沢市鵠沼1\n';
    const national = await parseList('x.csv', utf8(csv));
    expect(national.records.map((r) => r.municipalityCode)).toEqual([
      '142051',
      '142051',
      '142051',
      null,
      '142051',
      '142051',
    ]);
    expect(national.issues).toEqual([
      expect.objectContaining({ row: 4, column: '市町村', ja: expect.stringContaining('府中市') }),
    ]);
    const tokyo = await parseList('x.csv', utf8(csv), { prefectureCode: '13' });
    expect(tokyo.records[3]!.municipalityCode).toBe('132063');
  });

  it('reports bad rows in Japanese and English, keeps the record, and numbers rows counting blank lines', async () => {
    const csv = '氏名,生年月日,性別\n山田 太郎,2019/02/30,男\n\n,2019/04/05,X\n佐藤 花子,H31.5.1,女\n';
    const list = await parseList('x.csv', utf8(csv));
    expect(list.records.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(list.records[0]!.birthDate).toBeNull();
    expect(list.issues).toEqual([
      {
        row: 1,
        column: '生年月日',
        severity: 'error',
        ja: '「生年月日」の「2019/02/30」を日付として読めません。',
        en: 'Column "生年月日": "2019/02/30" is not a readable date.',
      },
      { row: 3, column: null, severity: 'error', ja: '氏名が空欄です。', en: 'The name is empty.' },
      expect.objectContaining({
        row: 3,
        column: '性別',
        severity: 'warning',
        ja: expect.stringContaining('「X」'),
      }),
      expect.objectContaining({
        row: 4,
        column: '生年月日',
        severity: 'error',
        en: expect.stringContaining('H31.5.1'),
      }),
    ]);
  });

  it('warns (without blocking) about a row with kana but no name, and an unknown 市町村', async () => {
    const list = await parseList(
      'x.csv',
      utf8('氏名,フリガナ,市町村\n,ヤマダ タロウ,藤沢市\n佐藤 花子,,府中市\n'),
    );
    expect(list.issues.map((i) => [i.row, i.severity])).toEqual([
      [1, 'warning'],
      [2, 'warning'],
    ]);
    expect(list.records).toHaveLength(2);
  });

  it('reads a 医療的ケア column into care item ids and warns about unknown words', async () => {
    const csv =
      '氏名,医療的ケアの内容\n' +
      'A,"人工呼吸器、気管切開・吸引"\n' +
      'B,なし\n' +
      'C,胃ろう／謎のケア\n' +
      'D,\n';
    const list = await parseList('x.csv', utf8(csv));
    expect(list.columns.map((c) => c.field)).toEqual(['name', 'careItems']);
    expect(list.records.map((r) => r.careItems)).toEqual([
      ['ventilator', 'tracheostomy', 'suction'],
      [],
      ['tube_feeding_gastric'],
      [],
    ]);
    expect(list.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: '医療的ケアの内容',
        severity: 'warning',
        ja: expect.stringContaining('謎のケア'),
      }),
    ]);
  });

  it('gives no careItems when the list has no care column', async () => {
    const list = await parseList('x.csv', utf8('氏名\nA\n'));
    expect(list.records[0]).not.toHaveProperty('careItems');
  });

  it('tells how a text file was decoded', async () => {
    expect((await parseList('x.csv', utf8('氏名\nA\n'))).encoding).toBe('utf8');
    expect((await parseList('x.csv', iconv.encode('氏名\r\n髙\r\n', 'CP932'))).encoding).toBe('cp932');
  });

  it('skips title rows above the header', async () => {
    const list = await parseList('x.csv', utf8('令和7年度 医療的ケア児一覧,\n\n氏名,学年\n山田 太郎,３\n'));
    expect(list.columns.map((c) => c.field)).toEqual(['name', 'grade']);
    expect(list.records).toMatchObject([{ row: 1, name: '山田 太郎', grade: '3' }]);
  });

  it('reports a file without a name column as a whole-file issue', async () => {
    const list = await parseList('x.csv', utf8('住所,保護者氏名\n藤沢市,山田\n'));
    expect(list.records).toEqual([]);
    expect(list.issues).toEqual([expect.objectContaining({ row: 0, column: null })]);
    expect(list.issues[0]!.ja).toContain('氏名');
    expect(list.issues[0]!.en).toContain('name column');
  });

  it('reads a tab-separated .txt', async () => {
    const list = await parseList('x.txt', utf8('氏名\t性別\n山田 太郎\t2\n'));
    expect(list.records[0]).toMatchObject({ name: '山田 太郎', sex: 'female' });
  });
});

describe('parseList: file types', () => {
  it.each(['x.pdf', 'x.xls', 'noext'])('%s gives a whole-file issue and no records', async (file) => {
    const list = await parseList(file, utf8('氏名\nA\n'));
    expect(list.records).toEqual([]);
    expect(list.issues).toHaveLength(1);
    expect(list.issues[0]!.row).toBe(0);
  });

  it('reports a damaged .xlsx as a whole-file issue', async () => {
    const list = await parseList('x.xlsx', utf8('not a workbook'));
    expect(list.issues).toEqual([expect.objectContaining({ row: 0, en: expect.stringContaining('Excel') })]);
  });

  it('reads an .xlsx written by exceljs (round trip) with date cells and numeric codes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名簿');
    ws.addRow(['児童生徒氏名', 'カナ', '生年月日', '男女', '市町村コード', '在籍校', '学年・組']);
    ws.addRow([
      '髙橋　一郎',
      'たかはし いちろう',
      new Date(Date.UTC(2019, 4, 10)),
      '男性',
      142051,
      '県立支援学校',
      '1-2',
    ]);
    ws.addRow(['﨑田 二郎', 'ｻｷﾀ ｼﾞﾛｳ', '令和元年5月10日', 'F', 14205, null, null]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const list = await parseList('list.xlsx', buf);
    expect(list.issues).toEqual([]);
    expect(list.records).toMatchObject([
      {
        row: 1,
        name: '髙橋 一郎',
        kana: 'タカハシ イチロウ',
        birthDate: '2019-05-10',
        sex: 'male',
        municipalityCode: '142051',
        school: '県立支援学校',
        grade: '1-2',
      },
      {
        row: 2,
        name: '﨑田 二郎',
        kana: 'サキタ ジロウ',
        birthDate: '2019-05-10',
        sex: 'female',
        school: null,
      },
    ]);
  });
});
