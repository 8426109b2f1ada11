import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCensus } from '../demo/census-lists';
import { baselineClusters, evaluate } from '../modules/census/link/evaluate';
import type { CensusRecord } from '../modules/census/types';
import { testConfig } from '../server/config';
import type { CliContext } from './io';
import { runCli } from './run';

function fakeContext() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: () => new Date('2026-11-26T00:00:00Z'),
    loadConfig: () => testConfig(),
    openDb: () => Promise.reject(new Error('no database in unit tests')),
    promptHidden: async () => null,
  };
  return { ctx, out, err };
}

const HEADER = ['児童氏名', 'フリガナ', '生年月日', '性別', '住所', '市町村'];
const cells = (r: CensusRecord, slashDates: boolean) => [
  r.name ?? '',
  r.kana ?? '',
  slashDates && r.birthDate ? r.birthDate.replace(/-/g, '/') : (r.birthDate ?? ''),
  r.sex === 'male' ? '男' : r.sex === 'female' ? '女' : '',
  r.address ?? '',
  r.municipalityCode ?? '',
];
const csvText = (rows: string[][]) => `${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;

async function writeXlsx(path: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名簿');
  ws.addRow(['令和7年度 医療的ケア児一覧']);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tsunagu-census-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the generated lists: the nurses' list as xlsx, the others as CP932 and UTF-8 CSV. */
async function writeLists(records: CensusRecord[]): Promise<string[]> {
  const files = [...new Set(records.map((r) => r.file))];
  const paths: string[] = [];
  for (const [i, file] of files.entries()) {
    const rows = [HEADER, ...records.filter((r) => r.file === file).map((r) => cells(r, i === 1))];
    const path = join(dir, file);
    if (file.endsWith('.xlsx')) await writeXlsx(path, rows);
    else if (i === 1) await writeFile(path, iconv.encode(csvText(rows), 'CP932'));
    else await writeFile(path, csvText(rows), 'utf8');
    paths.push(path);
  }
  return paths;
}

describe('tsunagu census link', () => {
  it('links realistic xlsx and CP932/UTF-8 CSV lists with F1 ≥ 0.99 and count error ≤ 1 %', async () => {
    const set = generateCensus({ seed: 77, children: 900 });
    const paths = await writeLists(set.records);
    const out = join(dir, 'clusters.csv');
    const { ctx, out: stdout, err } = fakeContext();
    expect(await runCli(['census', 'link', ...paths, '--out', out], ctx)).toBe(0);
    expect(err).toEqual([]);
    expect(stdout.join('\n')).toMatch(/children/);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('file,row,cluster');
    const clusterOf = new Map(
      lines.slice(1).map((l) => {
        const [file, row, cluster] = l.split(',');
        expect(cluster).toMatch(/^c\d{6}$/);
        return [`${file}#${row}`, cluster!];
      }),
    );
    expect(clusterOf.size).toBe(set.records.length);
    const predicted = set.records.map((r) => clusterOf.get(`${r.file}#${r.row}`)!);
    const e = evaluate(predicted, set.truth);
    if (process.env.DEBUG_LINK) console.log(JSON.stringify(e), set.records.length, set.children);
    const base = evaluate(baselineClusters(set.records), set.truth);
    expect(e.f1).toBeGreaterThanOrEqual(0.99);
    expect(e.countError).toBeLessThanOrEqual(0.01);
    expect(base.f1).toBeLessThan(0.8);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('writes the pairs it would put to review with --review: file_a,row_a,file_b,row_b,probability', async () => {
    const set = generateCensus({ seed: 78, children: 1300 });
    const paths = await writeLists(set.records);
    const out = join(dir, 'clusters.csv');
    const review = join(dir, 'review.csv');
    const { ctx, out: stdout } = fakeContext();
    expect(await runCli(['census', 'link', ...paths, '--out', out, '--review', review], ctx)).toBe(0);
    expect(stdout.join('\n')).toContain('review.csv');
    const clusterOf = new Map(
      (await readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => {
          const [file, row, cluster] = l.split(',');
          return [`${file}#${row}`, cluster!];
        }),
    );
    const truthOf = new Map(set.records.map((r, i) => [`${r.file}#${r.row}`, set.truth[i]!]));
    const lines = (await readFile(review, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('file_a,row_a,file_b,row_b,probability');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(set.records.length * 0.02);
    const seen = new Set<string>();
    let previous = 1;
    let same = 0;
    for (const [fileA, rowA, fileB, rowB, probability] of rows) {
      const a = `${fileA}#${rowA}`;
      const b = `${fileB}#${rowB}`;
      // Files and rows as in clusters.csv; the two are in different clusters until a person decides.
      expect(clusterOf.has(a) && clusterOf.has(b)).toBe(true);
      expect(clusterOf.get(a)).not.toBe(clusterOf.get(b));
      const p = Number(probability);
      expect(probability).toMatch(/^0\.\d{3}$|^1\.000$/);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
      // Never the same two children twice, in either order.
      const children = [clusterOf.get(a), clusterOf.get(b)].sort().join('|');
      expect(seen.has(children)).toBe(false);
      seen.add(children);
      if (truthOf.get(a) === truthOf.get(b)) same++;
    }
    expect(same).toBeGreaterThan(0);
  }, 60_000);

  it('refuses --review naming the --out file (exit 2)', async () => {
    const out = join(dir, 'clusters.csv');
    const { ctx, err } = fakeContext();
    expect(await runCli(['census', 'link', join(dir, 'a.csv'), '--out', out, '--review', out], ctx)).toBe(2);
    expect(err.join('\n')).toContain('--review');
  });

  it('fails with a bilingual message and writes nothing when a file is missing', async () => {
    const good = join(dir, 'a.csv');
    await writeFile(good, '氏名,生年月日\n山田 花子,2019-04-05\n');
    const out = join(dir, 'clusters.csv');
    const { ctx, err } = fakeContext();
    expect(await runCli(['census', 'link', good, join(dir, 'missing.csv'), '--out', out], ctx)).toBe(1);
    expect(err.join('\n')).toMatch(/ファイルを読めません.*Cannot read the file.*missing\.csv.*ENOENT/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails when a file has no name column, and when a file is not a list', async () => {
    const noName = join(dir, 'b.csv');
    await writeFile(noName, '番号,生年月日\n1,2019-04-05\n');
    const out = join(dir, 'clusters.csv');
    const a = fakeContext();
    expect(await runCli(['census', 'link', noName, '--out', out], a.ctx)).toBe(1);
    expect(a.err.join('\n')).toMatch(/氏名の列が見つかりません.*No name column/);
    const broken = join(dir, 'c.xlsx');
    await writeFile(broken, 'not a workbook');
    const b = fakeContext();
    expect(await runCli(['census', 'link', broken, '--out', out], b.ctx)).toBe(1);
    expect(b.err.join('\n')).toContain('c.xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an existing output untouched on failure, and needs files and --out (exit 2)', async () => {
    const out = join(dir, 'clusters.csv');
    await writeFile(out, 'old');
    const a = fakeContext();
    expect(await runCli(['census', 'link', join(dir, 'nope.csv'), '--out', out], a.ctx)).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('old');
    const b = fakeContext();
    expect(await runCli(['census', 'link', '--out', out], b.ctx)).toBe(2);
    const c = fakeContext();
    expect(await runCli(['census', 'link', out], c.ctx)).toBe(2);
    expect(c.err.join('\n')).toContain('--out');
  });

  it('writes one cluster for the same child across lists and keeps twins apart', async () => {
    const a = join(dir, 'nurses.csv');
    const b = join(dir, 'school.csv');
    await writeFile(
      a,
      '氏名,フリガナ,生年月日,性別,住所\n髙橋 陽翔,たかはし はると,2019-04-05,男,藤沢市本町1-2-3\n' +
        '髙橋 湊,たかはし みなと,2019-04-05,男,藤沢市本町1-2-3\n',
    );
    await writeFile(
      b,
      iconv.encode(
        '児童氏名,ﾌﾘｶﾞﾅ,生年月日,性別,住所\r\n高橋陽翔,ﾀｶﾊｼ ﾊﾙﾄ,H31.4.5,1,藤沢市本町1丁目2番3号\r\n',
        'CP932',
      ),
    );
    const out = join(dir, 'clusters.csv');
    const { ctx } = fakeContext();
    expect(await runCli(['census', 'link', a, b, '--out', out], ctx)).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(
      'file,row,cluster\nnurses.csv,1,c000001\nnurses.csv,2,c000002\nschool.csv,1,c000001\n',
    );
  });
});
