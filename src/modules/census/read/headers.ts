import type { CensusField } from '../types';

/**
 * Header text → comparison key: NFKC (full-width letters and digits, half-width kana), spaces, ※-notes, the
 * middle dot and quotes removed, brackets dropped but their content kept (フリガナ（姓） → フリガナ姓), lower case.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/※.*$/s, '')
    .replace(/[\s・･"'「」『』【】［］[\]（）()＜＞<>:：]/g, '')
    .toLowerCase();
}

/** The key without any bracketed part: '生年月日(和暦可)' → '生年月日'; used when the full key is unknown. */
function withoutBracketed(header: string): string {
  return normaliseHeader(
    header.normalize('NFKC').replace(/[（(【［[＜<][^）)】］\]＞>]*[）)】］\]＞>]/g, ''),
  );
}

/**
 * Header synonyms per field, written as officials write them; compared after {@link normaliseHeader}, so
 * width, spaces and brackets do not matter here.
 */
export const HEADER_SYNONYMS: Readonly<Record<CensusField, readonly string[]>> = {
  name: [
    '氏名',
    '児童氏名',
    '児童生徒氏名',
    '名前',
    'お名前',
    '児童名',
    '生徒氏名',
    '児童生徒名',
    '対象児氏名',
    '対象者氏名',
    '対象児童氏名',
    '子ども氏名',
    '子どもの氏名',
    '子供氏名',
    '本人氏名',
    '利用者氏名',
    '患者氏名',
    '氏名漢字',
    '漢字氏名',
    '氏名(漢字)',
    'name',
    'fullname',
  ],
  familyName: ['氏', '姓', '氏漢字', '姓漢字', '苗字', '名字', 'lastname', 'familyname', 'surname'],
  givenName: ['名', '名漢字', 'firstname', 'givenname'],
  kana: [
    'フリガナ',
    'ふりがな',
    'カナ',
    'かな',
    '氏名カナ',
    '氏名かな',
    '氏名フリガナ',
    '氏名ふりがな',
    'カナ氏名',
    'フリガナ氏名',
    'ふりがな氏名',
    'ヨミガナ',
    'よみがな',
    '読み',
    '児童氏名カナ',
    '児童氏名フリガナ',
    '児童生徒氏名フリガナ',
    '児童生徒氏名カナ',
    'kana',
  ],
  familyKana: [
    'フリガナ姓',
    'ふりがな姓',
    'カナ姓',
    '姓カナ',
    '氏カナ',
    '姓フリガナ',
    '氏フリガナ',
    'セイ',
    'せい',
  ],
  givenKana: ['フリガナ名', 'ふりがな名', 'カナ名', '名カナ', '名フリガナ', 'メイ', 'めい'],
  birthDate: [
    '生年月日',
    '生年月日西暦',
    '生年月日和暦',
    '誕生日',
    '出生日',
    '生年月日yyyymmdd',
    'birthdate',
    'dateofbirth',
    'dob',
  ],
  sex: ['性別', '男女', '男女別', '性', 'sex', 'gender'],
  address: ['住所', '住所地', '居住地', '現住所', '住所1', '居住地住所', '児童住所', '自宅住所', 'address'],
  municipality: [
    '市町村',
    '市町名',
    '居住市町',
    '市町村コード',
    '市区町村',
    '市区町村名',
    '市町村名',
    '居住市町村',
    '居住市町村名',
    '居住市区町村',
    '市区町村コード',
    '自治体',
    '自治体名',
    '自治体コード',
    '団体コード',
    '住所市町村',
    '居住市町名',
  ],
  school: [
    '学校名',
    '学校',
    '在籍校',
    '在籍校名',
    '在籍学校',
    '在籍学校名',
    '所属校',
    '所属学校',
    '学校名称',
    '就学先',
  ],
  grade: ['学年', '学年・組', '学年組', '年組', '学年クラス'],
  careItems: [
    '医療的ケア',
    '医療的ケアの内容',
    '医療的ケア内容',
    '必要な医療的ケア',
    '必要とする医療的ケア',
    '実施している医療的ケア',
    '医療的ケアの種類',
    '医療的ケアの項目',
    '医療的ケア項目',
    '医療ケア',
    '医療ケア内容',
    'ケア内容',
    'ケアの内容',
    '必要なケア',
    'care',
    'careitems',
    'medicalcare',
  ],
  homeVisitEducation: ['訪問教育', '訪問教育の有無', '訪問教育対象', '訪問学級', 'homevisiteducation'],
  nightCare: [
    '夜間ケア',
    '夜間ケアの有無',
    '夜間の医療的ケア',
    '夜間の医療的ケアの有無',
    '夜間医療的ケア',
    '夜間のケア',
    'nightcare',
  ],
};

const FIELD_BY_KEY: ReadonlyMap<string, CensusField> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [CensusField, readonly string[]][]).flatMap(([field, words]) =>
    words.map((w) => [normaliseHeader(w), field] as const),
  ),
);

/** The field a single header names, or null; see {@link recogniseHeaders}. */
export function fieldOfHeader(header: string): CensusField | null {
  const key = normaliseHeader(header);
  if (key === '') return null;
  return FIELD_BY_KEY.get(key) ?? FIELD_BY_KEY.get(withoutBracketed(header)) ?? null;
}

/** A hand mapping: header text (as in the file, or equal after {@link normaliseHeader}) → field, or null to ignore. */
export type HeaderMapping = Record<string, CensusField | null>;

function lookupMapping(mapping: HeaderMapping, header: string): CensusField | null | undefined {
  if (Object.hasOwn(mapping, header)) return mapping[header];
  const key = normaliseHeader(header);
  for (const [k, v] of Object.entries(mapping)) if (normaliseHeader(k) === key) return v;
  return undefined;
}

/**
 * Recognises each header cell as a census field by its synonyms; a hand mapping (saved per source) overrides,
 * and mapping a header to null ignores the column. Exact matches only — 保護者氏名 is not the child's name.
 * Several columns may carry one field (a code and a name column for 市町村); the reader takes the first
 * non-empty. Split columns (familyName + givenName, familyKana + givenKana) are kept as such for the reader.
 */
export function recogniseHeaders(
  headers: string[],
  mapping?: HeaderMapping,
): { header: string; field: CensusField | null }[] {
  return headers.map((header) => {
    const manual = mapping ? lookupMapping(mapping, header) : undefined;
    return { header, field: manual !== undefined ? manual : fieldOfHeader(header) };
  });
}

/** True when the recognised columns give a name: a name column, or family and given name columns. */
export function hasNameColumns(columns: { field: CensusField | null }[]): boolean {
  const fields = new Set(columns.map((c) => c.field));
  return fields.has('name') || fields.has('familyName');
}
