import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { censusImports, censusMembers, censusRecords, censusSources } from '../db/schema';
import type { SourceType } from '../modules/census/types';

/**
 * Census lists written straight to the database as an import job would leave them (status 'imported'), for
 * tests of linkage runs, review and results that need exact records rather than files.
 */

export type ListRow = {
  name?: string | null;
  kana?: string | null;
  birthDate?: string | null;
  sex?: 'female' | 'male' | null;
  address?: string | null;
  municipalityCode?: string | null;
  school?: string | null;
  grade?: string | null;
  careItems?: string[];
};

/** A source of the prefecture by name (created once). */
export async function makeCensusSource(
  db: DbOrTx,
  prefectureCode: string,
  name: string,
  sourceType: SourceType,
  municipalityCode: string | null = null,
) {
  const [found] = await db
    .select()
    .from(censusSources)
    .where(and(eq(censusSources.prefectureCode, prefectureCode), eq(censusSources.name, name)));
  if (found) return found;
  const [row] = await db
    .insert(censusSources)
    .values({ prefectureCode, name, sourceType, municipalityCode })
    .returning();
  return row!;
}

/** An imported list of a source for a 年度, with its records (row = 1-based position). */
export async function makeCensusList(
  db: DbOrTx,
  opts: {
    prefectureCode: string;
    nendo: number;
    source: { name: string; sourceType: SourceType; municipalityCode?: string | null };
    fileName?: string;
    rows: ListRow[];
    createdAt?: Date;
  },
) {
  const source = await makeCensusSource(
    db,
    opts.prefectureCode,
    opts.source.name,
    opts.source.sourceType,
    opts.source.municipalityCode ?? null,
  );
  const content = Buffer.from(randomUUID());
  const [imp] = await db
    .insert(censusImports)
    .values({
      prefectureCode: opts.prefectureCode,
      nendo: opts.nendo,
      sourceId: source.id,
      fileName: opts.fileName ?? `${opts.source.name}_${opts.nendo}.xlsx`,
      sha256: createHash('sha256').update(content).digest('hex'),
      // The bytes themselves are never read back for an import made here (its records are written below).
      fileId: randomUUID(),
      status: 'imported',
      rowCount: opts.rows.length,
      issueCount: 0,
      createdAt: opts.createdAt ?? new Date(),
    })
    .returning();
  const records = opts.rows.length
    ? await db
        .insert(censusRecords)
        .values(
          opts.rows.map((r, i) => ({
            importId: imp!.id,
            prefectureCode: opts.prefectureCode,
            nendo: opts.nendo,
            row: i + 1,
            name: r.name ?? null,
            kana: r.kana ?? null,
            birthDate: r.birthDate ?? null,
            sex: r.sex ?? null,
            address: r.address ?? null,
            municipalityCode: r.municipalityCode ?? null,
            school: r.school ?? null,
            grade: r.grade ?? null,
            careItems: r.careItems ?? null,
            raw: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '')])),
          })),
        )
        .returning({ id: censusRecords.id })
    : [];
  return { source, import: imp!, recordIds: records.map((r) => r.id) };
}

/** 藤沢市 (142051), 茅ヶ崎市 (142077), 平塚市 (142034): municipalities of 神奈川 used by the census tests. */
export const FUJISAWA = '142051';
export const CHIGASAKI = '142077';
export const HIRATSUKA = '142034';

/** The sources of the census tests: two municipalities' nurses and the prefecture's board of education. */
export const SOURCES = {
  fujisawa: { name: '藤沢市 母子保健', sourceType: 'maternal_child_health', municipalityCode: FUJISAWA },
  chigasaki: { name: '茅ヶ崎市 母子保健', sourceType: 'maternal_child_health', municipalityCode: CHIGASAKI },
  board: { name: '県教育委員会', sourceType: 'education_board', municipalityCode: null },
} as const satisfies Record<
  string,
  { name: string; sourceType: SourceType; municipalityCode: string | null }
>;

/**
 * One 年度's lists of 藤沢市's nurses and the board of education: twins (鈴木 悠人/悠真, both lists), a family-
 * name change (田中 → 山本 美咲), 髙橋/高橋 結衣, a swapped birth date (伊藤 蓮), a child only the board knows
 * (加藤 大翔, in 藤沢市) and an uncertain pair for review (小林 さくら / 小林 咲良: one reading and town, other
 * kanji, birth dates nine months apart, no address on the board's list — about 0 bits, inside the band).
 */
export async function fujisawaYear(db: DbOrTx, nendo: number, prefectureCode = '14') {
  const nurses = await makeCensusList(db, {
    prefectureCode,
    nendo,
    source: SOURCES.fujisawa,
    fileName: 'fujisawa.xlsx',
    rows: [
      {
        name: '鈴木 悠人',
        kana: 'スズキ ユウト',
        birthDate: '2018-06-01',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市鵠沼1-2-3',
        school: '県立藤沢支援学校',
        grade: '小学部1年',
        careItems: ['tracheostomy'],
      },
      {
        name: '鈴木 悠真',
        kana: 'スズキ ユウマ',
        birthDate: '2018-06-01',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市鵠沼1-2-3',
        school: '県立藤沢支援学校',
        grade: '小学部1年',
      },
      {
        name: '田中 美咲',
        kana: 'タナカ ミサキ',
        birthDate: '2017-09-12',
        sex: 'female',
        municipalityCode: FUJISAWA,
        address: '藤沢市辻堂2-3-4',
        school: '藤沢市立辻堂小学校',
      },
      {
        name: '髙橋 結衣',
        kana: 'タカハシ ユイ',
        birthDate: '2020-05-10',
        sex: 'female',
        municipalityCode: FUJISAWA,
        address: '藤沢市鵠沼5-6',
        school: 'ひまわり保育園',
        careItems: ['ventilator'],
      },
      {
        name: '伊藤 蓮',
        kana: 'イトウ レン',
        birthDate: '2019-03-04',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市片瀬1-1',
      },
      {
        name: '小林 さくら',
        kana: 'コバヤシ サクラ',
        birthDate: '2016-11-20',
        sex: 'female',
        municipalityCode: FUJISAWA,
        address: '藤沢市本町3-3',
      },
    ],
  });
  const board = await makeCensusList(db, {
    prefectureCode,
    nendo,
    source: SOURCES.board,
    fileName: 'kyouiku.csv',
    rows: [
      {
        name: '鈴木 悠人',
        kana: 'すずき ゆうと',
        birthDate: '2018-06-01',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市鵠沼1-2-3',
      },
      {
        name: '鈴木 悠真',
        kana: 'すずき ゆうま',
        birthDate: '2018-06-01',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市鵠沼1-2-3',
      },
      {
        name: '山本 美咲',
        kana: 'やまもと みさき',
        birthDate: '2017-09-12',
        sex: 'female',
        municipalityCode: FUJISAWA,
        address: '藤沢市辻堂2-3-4',
      },
      {
        name: '高橋 結衣',
        kana: 'たかはし ゆい',
        birthDate: '2020-05-10',
        sex: 'female',
        municipalityCode: FUJISAWA,
      },
      {
        name: '伊藤 蓮',
        kana: 'いとう れん',
        birthDate: '2019-04-03',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市片瀬1-1',
      },
      {
        name: '加藤 大翔',
        kana: 'カトウ ヒロト',
        birthDate: '2015-01-15',
        sex: 'male',
        municipalityCode: FUJISAWA,
        address: '藤沢市湘南台7-7',
        school: '藤沢市立湘南台中学校',
      },
      {
        name: '小林 咲良',
        kana: 'コバヤシ サクラ',
        birthDate: '2016-02-05',
        sex: 'female',
        municipalityCode: FUJISAWA,
      },
    ],
  });
  return { nurses, board };
}

/** A run's members with their names and clusters (list records by name, registry children as 'registry:<id>'). */
export async function runMembers(db: DbOrTx, runId: string) {
  const rows = await db
    .select({
      idx: censusMembers.idx,
      cluster: censusMembers.cluster,
      childId: censusMembers.childId,
      name: censusRecords.name,
      importId: censusRecords.importId,
    })
    .from(censusMembers)
    .leftJoin(censusRecords, eq(censusRecords.id, censusMembers.recordId))
    .where(eq(censusMembers.runId, runId));
  return rows;
}

/** The clusters of the members with the given name (list records), sorted. */
export function clustersOfName(members: Awaited<ReturnType<typeof runMembers>>, name: string): number[] {
  return members
    .filter((m) => m.name === name)
    .map((m) => m.cluster)
    .sort((a, b) => a - b);
}
