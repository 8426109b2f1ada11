/**
 * Name lists for the fictional demo population. Common family names with their katakana readings, a few
 * kanji variants (髙橋, 渡邊, 齋藤, 﨑, 𠮷 …) so that name matching has something to chew on, and given
 * names for children (born 2006–2026) and for adults (staff). Combinations are random: no real person.
 */
import type { Rng } from './random';

/** A family name; `variantOf` names the common spelling of a kanji variant (same reading). */
export type FamilyName = { kanji: string; kana: string; weight: number; variantOf?: string };
/** A given name with its reading and the sex it is usually given to. */
export type GivenName = { kanji: string; kana: string; sex: 'female' | 'male' };

/** Common family names as 'kanji:kana:weight' (weights roughly follow national frequency). */
const COMMON = [
  '佐藤:サトウ:18 鈴木:スズキ:17 高橋:タカハシ:14 田中:タナカ:13 伊藤:イトウ:11 ',
  '渡辺:ワタナベ:11 山本:ヤマモト:11 中村:ナカムラ:10 小林:コバヤシ:10 加藤:カトウ:9 ',
  '吉田:ヨシダ:9 山田:ヤマダ:8 佐々木:ササキ:7 山口:ヤマグチ:7 松本:マツモト:7 井上:イノウエ:7 ',
  '木村:キムラ:6 林:ハヤシ:6 斎藤:サイトウ:5 斉藤:サイトウ:3 清水:シミズ:6 山崎:ヤマザキ:5 ',
  '森:モリ:5 池田:イケダ:5 橋本:ハシモト:5 阿部:アベ:5 石川:イシカワ:5 山下:ヤマシタ:5 ',
  '中島:ナカジマ:4 石井:イシイ:4 小川:オガワ:4 前田:マエダ:4 岡田:オカダ:4 長谷川:ハセガワ:4 ',
  '藤田:フジタ:4 後藤:ゴトウ:4 近藤:コンドウ:4 村上:ムラカミ:4 遠藤:エンドウ:3 青木:アオキ:3 ',
  '坂本:サカモト:3 藤井:フジイ:3 西村:ニシムラ:3 福田:フクダ:3 太田:オオタ:3 三浦:ミウラ:3 ',
  '藤原:フジワラ:3 岡本:オカモト:3 松田:マツダ:3 中川:ナカガワ:3 中野:ナカノ:3 原田:ハラダ:3 ',
  '小野:オノ:3 田村:タムラ:3 竹内:タケウチ:3 金子:カネコ:3 和田:ワダ:3 中山:ナカヤマ:3 ',
  '石田:イシダ:3 上田:ウエダ:3 森田:モリタ:3 原:ハラ:2 柴田:シバタ:2 酒井:サカイ:2 工藤:クドウ:2 ',
  '横山:ヨコヤマ:2 宮崎:ミヤザキ:2 宮本:ミヤモト:2 内田:ウチダ:2 高木:タカギ:2 安藤:アンドウ:2 ',
  '谷口:タニグチ:2 大野:オオノ:2 丸山:マルヤマ:2 今井:イマイ:2 高田:タカダ:2 藤本:フジモト:2 ',
  '武田:タケダ:2 村田:ムラタ:2 上野:ウエノ:2 杉山:スギヤマ:2 増田:マスダ:2 平野:ヒラノ:2 ',
  '大塚:オオツカ:2 千葉:チバ:2 久保:クボ:2 松井:マツイ:2 小島:コジマ:2 岩崎:イワサキ:2 ',
  '桜井:サクライ:2 野口:ノグチ:2 松尾:マツオ:2 野村:ノムラ:2 木下:キノシタ:2 菊地:キクチ:2 ',
  '菊池:キクチ:2 佐野:サノ:2 大西:オオニシ:2 杉本:スギモト:2 新井:アライ:2 浜田:ハマダ:2 ',
  '菅原:スガワラ:2 市川:イチカワ:2 水野:ミズノ:2 小松:コマツ:2 島田:シマダ:2 古川:フルカワ:2 ',
  '小山:コヤマ:2 高野:タカノ:2 西田:ニシダ:2 五十嵐:イガラシ:2 沢田:サワダ:2 広瀬:ヒロセ:2 ',
  '河野:コウノ:1 河野:カワノ:1 大久保:オオクボ:1 小沢:オザワ:1 大野:オーノ:0.2 望月:モチヅキ:1 ',
]
  .join('')
  .trim()
  .split(' ');

/** Kanji variants: same reading as the common spelling, different characters. */
const VARIANTS: [string, string, string, number][] = [
  ['髙橋', 'タカハシ', '高橋', 2],
  ['渡邊', 'ワタナベ', '渡辺', 1.5],
  ['渡邉', 'ワタナベ', '渡辺', 1.5],
  ['齋藤', 'サイトウ', '斎藤', 1.5],
  ['齊藤', 'サイトウ', '斉藤', 1],
  ['山﨑', 'ヤマザキ', '山崎', 1],
  ['𠮷田', 'ヨシダ', '吉田', 0.6],
  ['澤田', 'サワダ', '沢田', 0.8],
  ['廣瀬', 'ヒロセ', '広瀬', 0.6],
  ['濱田', 'ハマダ', '浜田', 0.6],
  ['櫻井', 'サクライ', '桜井', 0.6],
  ['小澤', 'オザワ', '小沢', 0.6],
  ['嶋田', 'シマダ', '島田', 0.6],
  ['中嶋', 'ナカジマ', '中島', 0.8],
  ['宮﨑', 'ミヤザキ', '宮崎', 0.5],
];

/** Family names, common spellings first, then variants. */
export const FAMILY_NAMES: readonly FamilyName[] = [
  ...COMMON.map((t) => {
    const [kanji, kana, weight] = t.split(':');
    return { kanji: kanji!, kana: kana!, weight: Number(weight) };
  }),
  ...VARIANTS.map(([kanji, kana, variantOf, weight]) => ({ kanji, kana, weight, variantOf })),
];

const g = (sex: 'female' | 'male', list: string): GivenName[] =>
  list.split(' ').map((pair) => {
    const [kanji, kana] = pair.split(':');
    return { kanji: kanji!, kana: kana!, sex };
  });

/** Given names of children born 2006–2026 (popular names of those years, plus a few variant kanji). */
export const CHILD_GIVEN_NAMES: readonly GivenName[] = [
  ...g(
    'male',
    '蓮:レン 陽翔:ハルト 湊:ミナト 蒼:アオイ 樹:イツキ 大翔:ヒロト 悠真:ユウマ 陽向:ヒナタ 朝陽:アサヒ 律:リツ ' +
      '颯真:ソウマ 悠人:ユウト 結翔:ユイト 大和:ヤマト 翔太:ショウタ 拓海:タクミ 健太:ケンタ 陸:リク 颯太:ソウタ ' +
      '悠斗:ユウト 航:ワタル 奏太:カナタ 琉生:ルイ 晴:ハル 蒼空:ソラ 優斗:ユウト 陽太:ヨウタ 隼:ハヤト ' +
      '龍之介:リュウノスケ 竜之介:リュウノスケ 真人:マサト 眞人:マサト 翼:ツバサ 大輝:ダイキ 海斗:カイト 碧:アオ ' +
      '凪:ナギ 新:アラタ 煌:コウ 悠:ユウ 壮真:ソウマ 暖:ダン 伊織:イオリ 慶太:ケイタ 康介:コウスケ',
  ),
  ...g(
    'female',
    '陽葵:ヒマリ 凛:リン 詩:ウタ 結菜:ユイナ 芽依:メイ 紬:ツムギ 葵:アオイ さくら:サクラ 結愛:ユア 莉子:リコ ' +
      '美咲:ミサキ 陽菜:ヒナ 澪:ミオ 心春:コハル 花:ハナ 咲良:サクラ 杏:アン 楓:カエデ 美桜:ミオ 琴音:コトネ ' +
      '彩花:アヤカ 愛莉:アイリ 結衣:ユイ 七海:ナナミ 真央:マオ 眞央:マオ 優花:ユウカ 恵:メグミ 千尋:チヒロ ' +
      'ひなた:ヒナタ 里奈:リナ 美羽:ミウ 心結:ミユ 葵衣:アオイ 柚葉:ユズハ 一花:イチカ 結月:ユヅキ 芽生:メイ ' +
      'あかり:アカリ 美月:ミヅキ 実桜:ミオ 實桜:ミオ 桜子:サクラコ 櫻子:サクラコ 菜々:ナナ',
  ),
];

/** Given names of adults (staff of the network, born 1965–2000). */
export const ADULT_GIVEN_NAMES: readonly GivenName[] = [
  ...g(
    'male',
    '健一:ケンイチ 大輔:ダイスケ 直樹:ナオキ 誠:マコト 浩二:コウジ 和也:カズヤ 隆:タカシ 剛:ツヨシ 修:オサム ' +
      '哲也:テツヤ 拓也:タクヤ 秀樹:ヒデキ 淳:ジュン 聡:サトシ 達也:タツヤ 亮:リョウ 雄一:ユウイチ 翔:ショウ',
  ),
  ...g(
    'female',
    '恵子:ケイコ 裕子:ユウコ 真由美:マユミ 智子:トモコ 由美:ユミ 美穂:ミホ 直美:ナオミ 久美子:クミコ ' +
      '陽子:ヨウコ 香織:カオリ 麻衣:マイ 沙織:サオリ 愛:アイ 彩:アヤ 舞:マイ 明美:アケミ 典子:ノリコ ' +
      '理恵:リエ 千春:チハル 美紀:ミキ 奈緒:ナオ 亜希子:アキコ 瞳:ヒトミ',
  ),
];

const FAMILY_WEIGHTED = FAMILY_NAMES.map((f) => [f, f.weight] as const);

/** A family name drawn by frequency (variants are rarer than their common spelling). */
export function pickFamilyName(rng: Rng): FamilyName {
  return rng.weighted(FAMILY_WEIGHTED);
}

const bySex = (list: readonly GivenName[], sex: 'female' | 'male') => list.filter((n) => n.sex === sex);
const CHILD = { female: bySex(CHILD_GIVEN_NAMES, 'female'), male: bySex(CHILD_GIVEN_NAMES, 'male') };
const ADULT = { female: bySex(ADULT_GIVEN_NAMES, 'female'), male: bySex(ADULT_GIVEN_NAMES, 'male') };

/** A child's given name of the given sex, optionally different from `avoid` (for twins). */
export function pickChildGivenName(rng: Rng, sex: 'female' | 'male', avoid?: GivenName): GivenName {
  const pool = CHILD[sex].filter((n) => n.kanji !== avoid?.kanji && n.kana !== avoid?.kana);
  return rng.pick(pool);
}

/** An adult's given name of the given sex. */
export function pickAdultGivenName(rng: Rng, sex: 'female' | 'male'): GivenName {
  return rng.pick(ADULT[sex]);
}
