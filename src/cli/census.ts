import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ScoredPair } from '../modules/census/link/cluster';
import { linkRecords } from '../modules/census/link/link';
import { parseList } from '../modules/census/read/parse';
import type { CensusRecord } from '../modules/census/types';
import { stringOption, UsageError } from './args';
import type { Command } from './command';
import { bilingual, CliError, type CliIO, EXIT, type ExitCode } from './io';

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Reads every list or throws a CliError naming the first file that cannot be read; nothing is written. */
async function readLists(
  paths: readonly string[],
  prefectureCode: string | undefined,
): Promise<CensusRecord[]> {
  const names = paths.map((p) => basename(p));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new CliError(
      bilingual(
        `同じファイル名が 2 回指定されています: ${duplicate}（出力で区別できません）`,
        `The same file name is given twice: ${duplicate} (the output could not tell them apart)`,
      ),
    );
  }
  const records: CensusRecord[] = [];
  for (const [i, path] of paths.entries()) {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new CliError(
        bilingual(`ファイルを読めません: ${path}（${reason}）`, `Cannot read the file: ${path} (${reason})`),
      );
    }
    const list = await parseList(names[i]!, buf, prefectureCode ? { prefectureCode } : {});
    const fatal = list.issues.find((issue) => issue.row === 0);
    if (fatal) {
      throw new CliError(bilingual(`${path}: ${fatal.ja}`, `${path}: ${fatal.en}`));
    }
    records.push(...list.records);
  }
  return records;
}

/** Writes `text` to a temporary file renamed to `out`, or throws a CliError (the temporary file removed). */
async function writeAtomically(out: string, text: string): Promise<void> {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError(
      bilingual(`出力を書けません: ${out}（${reason}）`, `Cannot write the output: ${out} (${reason})`),
    );
  }
}

/**
 * The pairs a person would decide, as `file_a,row_a,file_b,row_b,probability` (files and rows as in
 * clusters.csv; the probability that the two are the same child, from the pair's posterior log-odds, with
 * three decimals), most likely first. The linker asks about two children once (cluster.ts).
 */
export function reviewCsv(records: readonly CensusRecord[], review: readonly ScoredPair[]): string {
  const lines = ['file_a,row_a,file_b,row_b,probability'];
  const sorted = [...review].sort((p, q) => q.weight - p.weight || p.a - q.a || p.b - q.b);
  for (const p of sorted) {
    const [a, b] = [records[p.a]!, records[p.b]!];
    const probability = 1 / (1 + 2 ** -p.weight);
    lines.push(`${csvCell(a.file)},${a.row},${csvCell(b.file)},${b.row},${probability.toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `census link`: links the lists into children and writes `file,row,cluster`, and with `review` the pairs
 * a person would decide. Every file must be read before anything is written; each CSV goes to a temporary
 * file renamed into place at the end.
 */
export async function censusLink(
  paths: readonly string[],
  out: string,
  io: CliIO,
  prefectureCode?: string,
  review?: string,
): Promise<ExitCode> {
  const records = await readLists(paths, prefectureCode);
  const result = linkRecords(records);
  const idOf = new Map<number, string>();
  const lines = ['file,row,cluster'];
  for (const [i, r] of records.entries()) {
    const c = result.clusterOf[i]!;
    let id = idOf.get(c);
    if (!id) {
      id = `c${String(idOf.size + 1).padStart(6, '0')}`;
      idOf.set(c, id);
    }
    lines.push(`${csvCell(r.file)},${r.row},${id}`);
  }
  await writeAtomically(out, `${lines.join('\n')}\n`);
  if (review) await writeAtomically(review, reviewCsv(records, result.review));
  io.out(
    bilingual(
      `${paths.length} ファイル ${records.length} 件 → ${result.clusterCount} 人（要確認の組 ${result.review.length}）: ${out}${review ? `、${review}` : ''}`,
      `${paths.length} files, ${records.length} records → ${result.clusterCount} children (${result.review.length} pairs to review): ${out}${review ? `, ${review}` : ''}`,
    ),
  );
  return EXIT.ok;
}

export const censusLinkCommand: Command = {
  words: ['census', 'link'],
  summary: bilingual('実態把握の名簿を名寄せ', 'Link census lists into children'),
  usage: 'tsunagu census link FILE… --out clusters.csv [--review review.csv] [--prefecture 14]',
  help: [
    '  CSV（UTF-8・CP932）と xlsx の名簿を読み、同じ子どもと判断した行に同じ cluster を付けて',
    '  file,row,cluster の CSV を書きます（row は見出しを除く 1 から数えたデータ行）。',
    '  Reads CSV (UTF-8, CP932) and xlsx lists and writes file,row,cluster (row: 1-based data row,',
    '  header excluded); records judged to be the same child share a cluster id.',
    '  読めないファイルが 1 つでもあれば何も書かず終了コード 1 で終わります。',
    '  If any file cannot be read, nothing is written and the exit code is 1.',
    '  --review review.csv: 人が判断する組を file_a,row_a,file_b,row_b,probability で書きます',
    '  （probability は同じ子どもである確率、高い順。同じ 2 人は 1 度だけ）。',
    '  --review review.csv writes the pairs a person would decide as file_a,row_a,file_b,row_b,probability',
    '  (the probability that the two are the same child, most likely first; two children are asked about once).',
  ],
  options: { out: 'string', review: 'string', prefecture: 'string' },
  positionals: Number.POSITIVE_INFINITY,
  async run(ctx, args) {
    const out = stringOption(args, 'out');
    if (args.positionals.length === 0) {
      throw new UsageError('名簿ファイルを指定してください / Give at least one list file');
    }
    if (!out) throw new UsageError('--out を指定してください / --out is required');
    const review = stringOption(args, 'review');
    if (review !== undefined && review === out) {
      throw new UsageError(
        '--review と --out には別のファイルを指定してください / --review and --out must differ',
      );
    }
    return censusLink(args.positionals, out, ctx.io, stringOption(args, 'prefecture'), review);
  },
};
