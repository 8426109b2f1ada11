import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectApplicants } from '../modules/learning/selection';
import { testConfig } from '../server/config';
import type { CliContext } from './io';
import { runCli } from './run';
import { defaultSeed, readApplicants } from './training';

function fakeContext() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: {},
    now: () => new Date('2026-11-26T00:00:00Z'),
    loadConfig: () => testConfig(),
    openDb: () => Promise.reject(new Error('no database for this command')),
    promptHidden: async () => null,
  };
  return { ctx, out, err };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tsunagu-training-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 60 applicants in five regions (Nagano's), with extra columns and Japanese text. */
function applicantRows(): string[][] {
  const regions = ['北信', '東信', '中信', '南信', '松本'];
  const rows: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const region = regions[(i * 7) % 5]!;
    const group = i % 3 === 0 ? 'welfare' : 'medical';
    rows.push([`a${String(i + 1).padStart(3, '0')}`, `応募者 ${i + 1}`, region, group, `勤務先 ${i}, 本部`]);
  }
  return rows;
}
const HEADER = ['id', 'name', 'region', 'profession_group', 'workplace'];
const csv = (rows: string[][], eol = '\n') =>
  `${rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')).join(eol)}${eol}`;

async function run(args: string[]) {
  const f = fakeContext();
  const code = await runCli(['training', 'select', ...args], f.ctx);
  return { code, ...f };
}

describe('tsunagu training select', () => {
  it('writes the selected ids under an id header, the same for UTF-8, BOM and CP932 input and any row order', async () => {
    const rows = applicantRows();
    const utf8 = join(dir, 'utf8.csv');
    const bom = join(dir, 'bom.csv');
    const cp932 = join(dir, 'cp932.csv');
    const shuffled = join(dir, 'shuffled.csv');
    await writeFile(utf8, csv([HEADER, ...rows]));
    await writeFile(bom, `\uFEFF${csv([HEADER, ...rows], '\r\n')}`);
    await writeFile(cp932, iconv.encode(csv([HEADER, ...rows], '\r\n'), 'CP932'));
    // Columns in another order, rows reversed.
    const reorder = (r: string[]) => [r[3]!, r[0]!, r[4]!, r[2]!];
    await writeFile(
      shuffled,
      csv([['PROFESSION_GROUP', 'ID', 'workplace', 'Region'], ...[...rows].reverse().map(reorder)]),
    );
    const outputs: string[] = [];
    for (const input of [utf8, bom, cp932, shuffled]) {
      const out = join(dir, `out-${outputs.length}.csv`);
      const r = await run([input, '--seats', '40', '--out', out]);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      outputs.push(await readFile(out, 'utf8'));
    }
    expect(new Set(outputs).size).toBe(1);
    const lines = outputs[0]!.trimEnd().split('\n');
    expect(lines[0]).toBe('id');
    expect(lines).toHaveLength(41);
    expect(new Set(lines.slice(1)).size).toBe(40);
    // The rule's own result with the default seed.
    const applicants = readApplicants('x', Buffer.from(csv([HEADER, ...rows])));
    expect(lines.slice(1)).toEqual(selectApplicants(applicants, 40, defaultSeed(applicants)).selected);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('gives every region with both groups a medical and a welfare seat, and prints the summary', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(input, csv([HEADER, ...applicantRows()]));
    const out = join(dir, 'selected.csv');
    const explain = join(dir, 'why.csv');
    const r = await run([input, '--seats', '12', '--out', out, '--seed', 'R8', '--explain', explain]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/60 applicants → 12 selected \(12 seats\), 48 waiting/);
    expect(r.out.join('\n')).toContain('seed R8');
    expect(r.out.join('\n')).toMatch(/guaranteed seats 10\/10, proportional share 2/);
    const why = (await readFile(explain, 'utf8')).trimEnd().split('\n');
    expect(why[0]).toBe('id,region,profession_group,outcome,seat_order,wait_rank,reason,reason_ja,reason_en');
    expect(why).toHaveLength(61);
    const selected = why.slice(1).filter((l) => l.split(',')[3] === 'selected');
    expect(selected).toHaveLength(12);
    for (const region of ['北信', '東信', '中信', '南信', '松本']) {
      const groups = selected.filter((l) => l.split(',')[1] === region).map((l) => l.split(',')[2]);
      expect(groups).toContain('medical');
      expect(groups).toContain('welfare');
    }
    expect(why.filter((l) => l.includes(',guaranteed_medical,地域の医療職枠,'))).toHaveLength(5);
    const ids = (await readFile(out, 'utf8')).trimEnd().split('\n').slice(1);
    expect(ids.sort()).toEqual(selected.map((l) => l.split(',')[0]).sort());
  });

  it('changes with --seed, and the same seed gives the same output', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(input, csv([HEADER, ...applicantRows()]));
    const read = async (seed: string, name: string) => {
      const out = join(dir, name);
      expect((await run([input, '--seats', '20', '--out', out, '--seed', seed])).code).toBe(0);
      return readFile(out, 'utf8');
    };
    expect(await read('one', 'a1.csv')).toBe(await read('one', 'a2.csv'));
    expect(await read('one', 'b1.csv')).not.toBe(await read('two', 'b2.csv'));
  });

  it('refuses missing columns, listing them, and writes nothing', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(input, 'id,name,group\n1,山田,medical\n');
    const out = join(dir, 'selected.csv');
    const r = await run([input, '--seats', '5', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(
      /必要な列がありません: region, profession_group.*missing columns: region, profession_group/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('lists bad profession groups, duplicate and empty ids with their line numbers, and keeps an old output', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(
      input,
      'id,region,profession_group\n1,北信,medical\n2,北信,看護師\n1,東信,welfare\n,東信,welfare\n\n5,中信,Welfare\n',
    );
    const out = join(dir, 'selected.csv');
    await writeFile(out, 'old');
    const r = await run([input, '--seats', '5', '--out', out]);
    expect(r.code).toBe(1);
    const message = r.err.join('\n');
    expect(message).toContain('3 件の誤りがあります / ');
    expect(message).toContain('line 3: profession_group must be medical or welfare (got "看護師")');
    expect(message).toContain('4 行目: id 1 が重複しています（2 行目と同じ）');
    expect(message).toContain('line 5: the id is empty');
    expect(message).not.toContain('line 7');
    expect(await readFile(out, 'utf8')).toBe('old');
  });

  it('shows ten problems and counts the rest', async () => {
    const input = join(dir, 'a.csv');
    const rows = Array.from({ length: 25 }, (_, i) => `${i},北信,doctor`);
    await writeFile(input, `id,region,profession_group\n${rows.join('\n')}\n`);
    const r = await run([input, '--seats', '5', '--out', join(dir, 'o.csv')]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('ほか 15 件 / and 15 more');
    expect(r.err.join('\n').match(/must be medical or welfare/g)).toHaveLength(10);
  });

  it('refuses an empty list and an unreadable file', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(input, 'id,region,profession_group\n');
    const out = join(dir, 'o.csv');
    const a = await run([input, '--seats', '5', '--out', out]);
    expect(a.code).toBe(1);
    expect(a.err.join('\n')).toMatch(/応募者の行がありません.*no applicant rows/);
    const b = await run([join(dir, 'none.csv'), '--seats', '5', '--out', out]);
    expect(b.code).toBe(1);
    expect(b.err.join('\n')).toMatch(/ファイルを読めません.*Cannot read the file.*ENOENT/);
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const c = await run([empty, '--seats', '5', '--out', out]);
    expect(c.code).toBe(1);
    expect(c.err.join('\n')).toContain('missing columns: id, region, profession_group');
    expect(existsSync(out)).toBe(false);
  });

  it.each([['0'], ['-3'], ['2.5'], ['forty']])(
    'refuses --seats %s as a usage error (exit 2)',
    async (seats) => {
      const input = join(dir, 'a.csv');
      await writeFile(input, csv([HEADER, ...applicantRows()]));
      const out = join(dir, 'o.csv');
      const r = await run([input, `--seats=${seats}`, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err.join('\n')).toContain('--seats は 1 以上の整数です');
      expect(r.err.join('\n')).toContain('--seats must be a whole number of at least 1');
      expect(existsSync(out)).toBe(false);
    },
  );

  it('needs the file, --seats and --out', async () => {
    expect((await run(['--seats', '4', '--out', 'x.csv'])).code).toBe(2);
    const noSeats = await run(['a.csv', '--out', 'x.csv']);
    expect(noSeats.code).toBe(2);
    expect(noSeats.err.join('\n')).toContain('--seats is required');
    const noOut = await run(['a.csv', '--seats', '4']);
    expect(noOut.err.join('\n')).toContain('--out is required');
    const same = await run(['a.csv', '--seats', '4', '--out', 'x.csv', '--explain', 'x.csv']);
    expect(same.code).toBe(2);
  });

  it('seats applicants without a region in proportion, without a guarantee, and says so', async () => {
    const input = join(dir, 'a.csv');
    await writeFile(
      input,
      'id,region,profession_group\n1,,medical\n2,,welfare\n3,北信,medical\n4,北信,welfare\n',
    );
    const out = join(dir, 'o.csv');
    const r = await run([input, '--seats', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toContain('2 applicants with an empty region have no guaranteed seat');
    const ids = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(ids).toHaveLength(4);
    expect(ids).toContain('3');
    expect(ids).toContain('4');
  });

  it('is listed in the general help', async () => {
    const f = fakeContext();
    expect(await runCli(['--help'], f.ctx)).toBe(0);
    expect(f.out.join('\n')).toContain('training select');
  });
});
