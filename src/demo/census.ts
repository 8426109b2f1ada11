/**
 * 実態把握 in the demo: this 年度's lists as they arrive — the demo municipality's own list, uploaded by its
 * staff with one row of another municipality left out (an import of the good rows only), and the board of
 * education's prefecture-wide list — and a linkage run queued over them, which the server links on start. The
 * municipal account then finds its own upload and its discrepancies (children the board places in the
 * municipality that its list lacks, a birth date written differently); the centre finds the run's figures and
 * their breakdown. Records are drawn from the registry's synthetic children.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { censusImports, censusRecords, censusRuns, censusSources, children, users } from '../db/schema';
import { enqueueJob } from '../jobs/queue';
import { recordValues } from '../modules/census/imports';
import type { CensusRecord, RowIssue } from '../modules/census/types';
import { findMunicipality } from '../shared/municipalities';
import { currentNendo } from '../shared/nendo';

type Child = typeof children.$inferSelect;

export type SeedCensusOptions = {
  prefectureCode: string;
  municipalityCode: string;
  centreEmail: string;
  municipalEmail: string;
  now: Date;
};

const SCHOOLS = ['県立藤沢支援学校', '市立第一小学校', '市立中央中学校', 'ひまわり保育園', '未就学'];

function recordOf(file: string, row: number, c: Child, over: Partial<CensusRecord> = {}): CensusRecord {
  const name = `${c.familyName} ${c.givenName}`;
  const kana = `${c.familyKana} ${c.givenKana}`;
  const municipality = findMunicipality(c.municipalityCode)?.name ?? c.municipalityCode;
  const rec: CensusRecord = {
    file,
    row,
    name,
    kana,
    birthDate: c.birthDate,
    sex: c.sex === 'unknown' ? null : c.sex,
    address: c.address,
    municipalityCode: c.municipalityCode,
    school: SCHOOLS[row % SCHOOLS.length]!,
    grade: null,
    careItems: [],
    homeVisitEducation: row % 7 === 0,
    nightCare: row % 4 === 0,
    raw: {},
    ...over,
  };
  rec.raw = {
    氏名: rec.name ?? '',
    フリガナ: rec.kana ?? '',
    生年月日: rec.birthDate ?? '',
    性別: rec.sex === 'male' ? '男' : rec.sex === 'female' ? '女' : '',
    市町村: municipality,
    学校名: rec.school ?? '',
    訪問教育: rec.homeVisitEducation ? '有' : '無',
    夜間ケア: rec.nightCare ? '有' : '無',
  };
  return rec;
}

/** One birth date's digit mistyped (a day later within the month), as lists often differ from the registry. */
function slip(iso: string): string {
  const day = Number(iso.slice(8, 10));
  return `${iso.slice(0, 8)}${String(day >= 28 ? day - 1 : day + 1).padStart(2, '0')}`;
}

async function userId(tx: DbOrTx, email: string): Promise<string> {
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`demo census: no user ${email}`);
  return u.id;
}

export async function seedCensus(tx: DbOrTx, opts: SeedCensusOptions): Promise<void> {
  const { prefectureCode, municipalityCode: code, now } = opts;
  const year = currentNendo(now);
  const centre = await userId(tx, opts.centreEmail);
  const municipal = await userId(tx, opts.municipalEmail);
  const muniName = findMunicipality(code)?.name ?? code;
  const active = eq(children.status, 'at_home');
  const own = await tx
    .select()
    .from(children)
    .where(and(eq(children.prefectureCode, prefectureCode), eq(children.municipalityCode, code), active))
    .orderBy(asc(children.id))
    .limit(30);
  const others = await tx
    .select()
    .from(children)
    .where(and(eq(children.prefectureCode, prefectureCode), ne(children.municipalityCode, code), active))
    .orderBy(asc(children.id))
    .limit(40);
  if (own.length < 6 || others.length < 12) return;
  const listed = Math.min(20, Math.ceil(own.length * 0.6));

  const [muniSource, boardSource] = await tx
    .insert(censusSources)
    .values([
      {
        prefectureCode,
        name: `${muniName} 障害福祉課`,
        sourceType: 'disability_welfare',
        municipalityCode: code,
      },
      { prefectureCode, name: '県教育委員会', sourceType: 'education_board', municipalityCode: null },
    ])
    .returning();
  await tx.insert(censusSources).values([
    {
      prefectureCode,
      name: `${muniName} 母子保健`,
      sourceType: 'maternal_child_health',
      municipalityCode: code,
    },
    {
      prefectureCode,
      name: '県 基幹相談支援センター連絡会',
      sourceType: 'consultation_support',
      municipalityCode: null,
    },
  ]);

  // The municipality's list: most of its children (one birth date written a day off), and one child of another
  // municipality the import left out with its reason.
  const muniFile = `${muniName}_${year}.xlsx`;
  const muniRecords = own
    .slice(0, listed)
    .map((c, i) => recordOf(muniFile, i + 1, c, i === listed - 1 ? { birthDate: slip(c.birthDate) } : {}));
  const stranger = others[0]!;
  const strangerName = findMunicipality(stranger.municipalityCode)?.name ?? stranger.municipalityCode;
  const rejected: RowIssue = {
    row: listed + 1,
    column: null,
    severity: 'error',
    ja: `${strangerName}の児童です。${muniName}の名簿には${muniName}の児童だけを載せてください。`,
    en: `This child lives in ${strangerName}; only children of ${muniName} belong in ${muniName}'s list.`,
  };
  // The board's list: some of the municipality's children its list also has, some it lacks, and others'.
  const boardFile = `教育委員会_${year}.xlsx`;
  const boardChildren = [...own.slice(Math.floor(listed / 2), 28), ...others.slice(5, 35)];
  const boardRecords = boardChildren.map((c, i) => recordOf(boardFile, i + 1, c));

  for (const [source, file, records, by, extra] of [
    [muniSource!, muniFile, muniRecords, municipal, { rejected }],
    [boardSource!, boardFile, boardRecords, centre, null],
  ] as const) {
    const id = randomUUID();
    const imp = { id, prefectureCode, nendo: year };
    await tx.insert(censusImports).values({
      ...imp,
      sourceId: source.id,
      fileName: file,
      sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      fileId: randomUUID(),
      encoding: null,
      mapping: {},
      options: extra ? { goodRowsOnly: true, municipalityCodes: [code] } : {},
      status: 'imported',
      rowCount: records.length,
      issueCount: extra ? 1 : 0,
      issues: extra ? [extra.rejected] : [],
      rejectedCount: extra ? 1 : null,
      createdBy: by,
      createdAt: new Date(now.getTime() - (extra ? 3 : 5) * 86_400_000),
    });
    await tx.insert(censusRecords).values(records.map((r) => recordValues(imp, r)));
  }

  // A run of the 年度, linked by the server's job worker once it starts.
  const [run] = await tx
    .insert(censusRuns)
    .values({ prefectureCode, nendo: year, status: 'queued', createdBy: centre })
    .returning();
  const jobId = await enqueueJob(tx, {
    kind: 'census.link',
    prefectureCode,
    payload: { runId: run!.id },
    createdBy: centre,
  });
  await tx
    .update(censusRuns)
    .set({ jobId })
    .where(inArray(censusRuns.id, [run!.id]));
}
