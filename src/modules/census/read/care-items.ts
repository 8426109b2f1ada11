import { CARE_ITEMS } from '../../../shared/care-score';
import { toFullwidthKana, toKatakana } from '../../../shared/kana';

/**
 * Words officials write in a list's 医療的ケア column, per care item id of the table
 * (src/shared/reference/care-items.json). The table's own labels (with and without their bracketed detail and
 * a trailing の管理) and the English labels are added below; these are the short forms lists actually use.
 * 「経管栄養」 alone is read as the gastric route (経鼻胃管・胃瘻), by far the most common one.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  ventilator: [
    '人工呼吸器',
    '人工呼吸',
    '呼吸器',
    '人工呼吸器管理',
    'レスピレーター',
    'NPPV',
    'NIPPV',
    'BiPAP',
    'CPAP',
    'TPPV',
    '鼻マスク',
    'ハイフロー',
    'ハイフローセラピー',
    'ネーザルハイフロー',
    '排痰補助装置',
    'カフアシスト',
    'パーカッションベンチレーター',
    '高頻度胸壁振動装置',
  ],
  tracheostomy: ['気管切開', '気切', '気管カニューレ', '気管切開管理', 'カニューレ'],
  nasopharyngeal_airway: ['鼻咽頭エアウェイ', 'エアウェイ', '経鼻エアウェイ'],
  oxygen: ['酸素', '酸素療法', '在宅酸素', '在宅酸素療法', '酸素吸入', 'HOT'],
  suction: [
    '吸引',
    '喀痰吸引',
    '痰吸引',
    'たん吸引',
    '口鼻腔吸引',
    '口腔吸引',
    '鼻腔吸引',
    '口腔内吸引',
    '鼻腔内吸引',
    '気管内吸引',
    '気管吸引',
  ],
  nebulizer: ['ネブライザー', '吸入', '薬液吸入', 'ネブライザー吸入'],
  tube_feeding_gastric: [
    '経管栄養',
    '経鼻胃管',
    '胃瘻',
    '胃ろう',
    '胃ロウ',
    '経鼻経管栄養',
    '胃瘻経管栄養',
    '胃ろうからの注入',
    'マーゲンチューブ',
    'PEG',
  ],
  tube_feeding_intestinal: ['経鼻腸管', '経胃瘻腸管', '腸瘻', '腸ろう', '食道瘻', 'EDチューブ', '空腸瘻'],
  feeding_pump: ['注入ポンプ', '経管栄養ポンプ', '持続経管注入ポンプ', '持続注入ポンプ', '栄養ポンプ'],
  central_venous_catheter: [
    '中心静脈カテーテル',
    '中心静脈栄養',
    '中心静脈',
    'IVH',
    'TPN',
    'CVカテーテル',
    'CVポート',
    '在宅中心静脈栄養',
  ],
  subcutaneous_injection: ['皮下注射', 'インスリン', 'インスリン注射', '注射'],
  subcutaneous_pump: ['持続皮下注射ポンプ', '皮下注射ポンプ', 'インスリンポンプ', '持続皮下注射'],
  blood_glucose: ['血糖測定', '血糖', '血糖値測定', '持続血糖測定', '持続血糖測定器', 'CGM'],
  dialysis: ['透析', '腹膜透析', '血液透析', '在宅透析'],
  catheterization_intermittent: ['導尿', '間欠的導尿', '間欠導尿', '自己導尿', '間歇的導尿'],
  catheterization_continuous: [
    '持続的導尿',
    '持続導尿',
    '留置カテーテル',
    '尿道留置カテーテル',
    'バルーンカテーテル',
    '膀胱瘻',
    '腎瘻',
    '尿路ストーマ',
  ],
  bowel_stoma: ['人工肛門', 'ストーマ', 'ストマ', '消化管ストーマ', '排便管理ストーマ'],
  bowel_manual_or_irrigation: ['摘便', '洗腸', '摘便洗腸'],
  bowel_enema: ['浣腸', '排便管理浣腸'],
  seizure_management: [
    '痙攣時の坐剤',
    '痙攣時の坐剤挿入',
    '痙攣時の処置',
    'けいれん時の処置',
    'けいれん時の坐薬',
    '痙攣時坐薬',
    '坐剤挿入',
    '坐薬',
    '座薬',
    'けいれん',
    '痙攣',
    'てんかん発作時の処置',
    '発作時の処置',
    '迷走神経刺激装置',
    'VNS',
  ],
};

/** Words meaning "no care" (the cell is read as an empty list, without a warning). */
const NONE_WORDS = ['なし', '無', '無し', 'ない', '特になし', '該当なし', 'none', '-', 'ー', '―', '0'];

/** NFKC with brackets unified to ( ) so bracketed detail can be found; spaces and quotes removed. */
function tidy(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s"'「」『』]/g, '')
    .replace(/[［[【〔]/g, '(')
    .replace(/[］\]】〕]/g, ')');
}

/** Comparison key for care words: {@link tidy}, kana in katakana, lower case. */
function careKey(s: string): string {
  return toKatakana(toFullwidthKana(tidy(s))).toLowerCase();
}

function withoutBrackets(key: string): string {
  return key.replace(/\([^)]*\)/g, '');
}

const NONE_KEYS = new Set(NONE_WORDS.map(careKey));
const ID_BY_WORD = new Map<string, string>();
/** Full official labels (long, may contain 、), matched as substrings before the cell is split. */
const FULL_LABELS: { label: string; id: string }[] = [];
for (const item of CARE_ITEMS) {
  const words = [item.code, item.en, ...(ALIASES[item.code] ?? [])];
  for (const w of words) ID_BY_WORD.set(careKey(w), item.code);
  FULL_LABELS.push({ label: tidy(item.ja), id: item.code });
  const short = withoutBrackets(careKey(item.ja));
  // The bracketed detail tells the tube-feeding routes apart; their bare label 経管栄養 is an alias above.
  for (const k of [short, short.replace(/ノ?管理$/u, '')])
    if (!ID_BY_WORD.has(k)) ID_BY_WORD.set(k, item.code);
}
FULL_LABELS.sort((a, b) => b.label.length - a.label.length);
const ORDER = new Map(CARE_ITEMS.map((i, n) => [i.code, n]));

/** The id a word names, also with its bracketed detail or a trailing あり/管理/使用 dropped ("吸引あり"). */
function lookup(word: string): string | undefined {
  const key = careKey(word);
  const tries = [key, withoutBrackets(key)];
  for (const t of [...tries]) {
    const stripped = t.replace(/(ノ?管理|ノ?使用|アリ|有リ|有|○|◯|対応|実施)$/u, '');
    if (stripped !== t) tries.push(stripped);
  }
  for (const t of tries) {
    const id = ID_BY_WORD.get(t);
    if (id) return id;
  }
  return undefined;
}

/** Splits on separators outside brackets: 、 , ・ / ; + & | 及び および and line breaks. */
function splitTokens(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、,・/;\n|+&]/u.test(ch)) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.flatMap((t) => t.split(/及び|および/u)).filter((t) => t !== '');
}

/**
 * Reads a 医療的ケア cell ("人工呼吸器、気管切開・吸引", "胃ろう／吸引（口鼻腔）", an official label) into care
 * item ids of the table, in table order without repeats, and the words it could not place (for a warning),
 * as written (after NFKC). An empty cell or なし/無/－ gives no items.
 */
export function parseCareItems(value: string): { ids: string[]; unknown: string[] } {
  // Line breaks separate items; keep them through tidy() as 、.
  let text = tidy(value.replace(/\r?\n/g, '、'));
  if (text === '' || NONE_KEYS.has(careKey(text))) return { ids: [], unknown: [] };
  const found = new Set<string>();
  for (const { label, id } of FULL_LABELS) {
    if (label.length >= 6 && text.includes(label)) {
      found.add(id);
      text = text.split(label).join('、');
    }
  }
  const unknown: string[] = [];
  for (const token of splitTokens(text)) {
    if (NONE_KEYS.has(careKey(token))) continue;
    const id = lookup(token);
    if (id) found.add(id);
    else unknown.push(token);
  }
  const ids = [...found].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
  return { ids, unknown };
}
