/**
 * The three lists of the census journey (census.test.ts): 藤沢市's nurses (.xlsx), the board of education (UTF-8
 * CSV) and a welfare office (CP932 CSV), with the children each names and the differences between them.
 */
import { csvFile, xlsxFile } from '../../src/test/census-files';

type Row = [
  name: string,
  kana: string,
  birthDate: string,
  sex: '男' | '女',
  address: string,
  municipality: string,
];
const HEADER = ['児童氏名', 'フリガナ', '生年月日', '性別', '住所', '市町村'];

// The nurses' list of 藤沢市 (.xlsx, ISO dates).
const NURSES: Row[] = [
  ['髙橋 悠斗', 'タカハシ ユウト', '2019-04-05', '男', '藤沢市辻堂1-2-3', '藤沢市'],
  ['山﨑 さくら', 'ヤマザキ サクラ', '2018-07-21', '女', '藤沢市鵠沼海岸2-3-4', '藤沢市'],
  ['田中 結衣', 'タナカ ユイ', '2020-03-09', '女', '藤沢市湘南台5-5-5', '藤沢市'],
  ['伊藤 芽依', 'イトウ メイ', '2019-12-12', '女', '藤沢市長後7-7-7', '藤沢市'],
  ['小林 湊', 'コバヤシ ミナト', '2018-02-14', '男', '藤沢市片瀬3-1-8', '藤沢市'],
  ['加藤 颯太', 'カトウ ソウタ', '2021-08-01', '男', '藤沢市本町4-2-1', '藤沢市'],
];
// The board of education (UTF-8 CSV, dates with slashes): 鈴木 蓮 of 藤沢市 is missing from the nurses' list, and
// 田中 結衣's birth date has day and month swapped.
const BOARD: Row[] = [
  ['高橋 悠斗', 'タカハシ ユウト', '2019/04/05', '男', '藤沢市辻堂1-2-3', '藤沢市'],
  ['佐藤 陽菜', 'サトウ ヒナ', '2016/11/02', '女', '茅ヶ崎市本町1-1-1', '茅ヶ崎市'],
  ['鈴木 蓮', 'スズキ レン', '2015/01/15', '男', '藤沢市善行3-3-3', '藤沢市'],
  ['田中 結衣', 'タナカ ユイ', '2020/09/03', '女', '藤沢市湘南台5-5-5', '藤沢市'],
  ['伊藤 芽依', 'イトウ メイ', '2019/12/12', '女', '藤沢市長後7-7-7', '藤沢市'],
  // A birth date nobody can read: the other rows are imported without it (issue 12 item 8).
  ['森 一花', 'モリ イチカ', '2016/13/40', '女', '藤沢市大庭1-1-1', '藤沢市'],
];
// A welfare office (CP932 CSV as Windows Excel writes it, 和暦 dates, 髙 and 﨑): 古林 奏 has 小林 湊's reading,
// birth date and town but other kanji, sex and street — the pair a person must decide (about even odds).
const WELFARE: Row[] = [
  ['髙橋 悠斗', 'タカハシ ユウト', 'H31.4.5', '男', '藤沢市辻堂1-2-3', '藤沢市'],
  ['山﨑 さくら', 'ヤマサキ サクラ', 'H30.7.21', '女', '藤沢市鵠沼海岸2-3-4', '藤沢市'],
  ['佐藤 陽菜', 'サトウ ヒナ', 'H28.11.2', '女', '茅ヶ崎市本町1-1-1', '茅ヶ崎市'],
  ['鈴木 蓮', 'スズキ レン', 'H27.1.15', '男', '藤沢市善行3-3-3', '藤沢市'],
  ['渡辺 大翔', 'ワタナベ ヒロト', 'H29.6.30', '男', '平塚市浅間町9-9-9', '平塚市'],
  ['古林 奏', 'コバヤシ ミナト', 'H30.2.14', '女', '藤沢市辻堂6-6-6', '藤沢市'],
];

const rows = (list: Row[]) => [HEADER, ...list.map((r) => [...r])];

type Upload = {
  source: string;
  type: string;
  municipality?: string;
  name: string;
  mimeType: string;
  buffer: Buffer;
};

export async function uploads(): Promise<Upload[]> {
  return [
    {
      source: '藤沢市 保健予防課',
      type: '母子保健（保健師）',
      municipality: '藤沢市',
      name: 'fujisawa-hokenshi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxFile(rows(NURSES)),
    },
    {
      source: '県教育委員会 特別支援教育課',
      type: '教育委員会',
      name: 'kyouiku-iinkai.csv',
      mimeType: 'text/csv',
      buffer: csvFile(rows(BOARD), 'utf8'),
    },
    {
      source: '湘南福祉事務所',
      type: '福祉事務所',
      name: 'fukushi-jimusho.csv',
      mimeType: 'text/csv',
      buffer: csvFile(rows(WELFARE), 'cp932'),
    },
  ];
}
