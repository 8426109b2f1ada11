import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseCsv } from '../modules/census/read/csv';
import { decodeText } from '../modules/census/read/decode';
import {
  type ProfessionGroup,
  type SelectionApplicant,
  type SelectionResult,
  selectApplicants,
} from '../modules/learning/selection';
import { SELECTION_REASON_LABELS } from '../shared/vocab/learning-selection';
import { stringOption, UsageError } from './args';
import type { Command } from './command';
import { bilingual, CliError, type CliIO, EXIT, type ExitCode } from './io';

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const REQUIRED = ['id', 'region', 'profession_group'] as const;
/** How many problems of one file are listed before "and N more". */
const SHOWN_PROBLEMS = 10;

/**
 * Reads the applicants' CSV (UTF-8 with or without BOM, or CP932): a header with at least id, region and
 * profession_group (any order, any other columns), then one applicant a row. Every problem of the file is
 * collected and reported together (line numbers as in the file, header = line 1); nothing is selected then.
 */
export function readApplicants(path: string, buf: Buffer): SelectionApplicant[] {
  const rows = parseCsv(decodeText(buf).text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0) {
    throw new CliError(
      bilingual(
        `${path}: 必要な列がありません: ${missing.join(', ')}（見出し行に id,region,profession_group が必要です）`,
        `${path}: missing columns: ${missing.join(', ')} (the header row needs id,region,profession_group)`,
      ),
    );
  }
  const col = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof REQUIRED)[number],
    number
  >;
  const problems: { ja: string; en: string }[] = [];
  const firstLineOf = new Map<string, number>();
  const applicants: SelectionApplicant[] = [];
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    if (i === 0 || row.every((cell) => cell.trim() === '')) continue;
    const id = (row[col.id] ?? '').trim();
    const region = (row[col.region] ?? '').trim();
    const group = (row[col.profession_group] ?? '').trim().toLowerCase();
    if (id === '') {
      problems.push({ ja: `${line} 行目: id が空です`, en: `line ${line}: the id is empty` });
      continue;
    }
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) {
      problems.push({
        ja: `${line} 行目: id ${id} が重複しています（${earlier} 行目と同じ）`,
        en: `line ${line}: duplicate id ${id} (also on line ${earlier})`,
      });
      continue;
    }
    firstLineOf.set(id, line);
    if (group !== 'medical' && group !== 'welfare') {
      const shown = row[col.profession_group]?.trim() ?? '';
      problems.push({
        ja: `${line} 行目: profession_group は medical か welfare です（「${shown}」）`,
        en: `line ${line}: profession_group must be medical or welfare (got "${shown}")`,
      });
      continue;
    }
    applicants.push({ id, region: region === '' ? null : region, professionGroup: group as ProfessionGroup });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS);
    const more = problems.length - shown.length;
    throw new CliError(
      [
        bilingual(`${path}: ${problems.length} 件の誤りがあります`, `${path}: ${problems.length} problems`),
        ...shown.map((p) => `  ${bilingual(p.ja, p.en)}`),
        ...(more > 0 ? [`  ${bilingual(`ほか ${more} 件`, `and ${more} more`)}`] : []),
      ].join('\n'),
    );
  }
  if (applicants.length === 0) {
    throw new CliError(bilingual(`${path}: 応募者の行がありません`, `${path}: no applicant rows`));
  }
  return applicants;
}

/**
 * The seed used when none is given: derived from the applicants themselves (SHA-256 of their sorted
 * id, region and group), so the same list gives the same result in any row order and nobody can know the
 * lottery before the list is final.
 */
export function defaultSeed(applicants: readonly SelectionApplicant[]): string {
  const lines = applicants.map((a) => `${a.id}\t${a.region ?? ''}\t${a.professionGroup}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Writes the files through temporary ones renamed into place only once all are written: on failure no target
 * is touched.
 */
async function writeAll(files: readonly { path: string; text: string }[]): Promise<void> {
  const tmps = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`));
  let current = files[0]!.path;
  try {
    for (const [i, f] of files.entries()) {
      current = f.path;
      await writeFile(tmps[i]!, f.text, 'utf8');
    }
    for (const [i, f] of files.entries()) {
      current = f.path;
      await rename(tmps[i]!, f.path);
    }
  } catch (e) {
    await Promise.all(tmps.map((t) => rm(t, { force: true })));
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError(
      bilingual(
        `出力を書けません: ${current}（${reason}）`,
        `Cannot write the output: ${current} (${reason})`,
      ),
    );
  }
}

/** One line per applicant with the decision and its reason (for `--explain`). */
function explanationCsv(result: SelectionResult): string {
  const lines = ['id,region,profession_group,outcome,seat_order,wait_rank,reason,reason_ja,reason_en'];
  for (const d of result.decisions) {
    const label = SELECTION_REASON_LABELS[d.reason];
    lines.push(
      [
        d.id,
        d.region ?? '',
        d.professionGroup,
        d.outcome,
        String(d.seatOrder ?? ''),
        String(d.waitRank ?? ''),
        d.reason,
        label.ja,
        label.en,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Prints what was decided: totals, the seed and one line per region. */
function printSummary(io: CliIO, result: SelectionResult, seedGiven: boolean, out: string): void {
  const noRegion = result.regions.find((r) => r.region === null);
  io.out(
    bilingual(
      `応募 ${result.decisions.length} 人 → 受講決定 ${result.selected.length} 人（定員 ${result.seats}）、補欠 ${result.waiting.length} 人: ${out}`,
      `${result.decisions.length} applicants → ${result.selected.length} selected (${result.seats} seats), ${result.waiting.length} waiting: ${out}`,
    ),
  );
  io.out(
    bilingual(
      `シード ${result.seed}${seedGiven ? '' : '（応募者一覧から算出）'}`,
      `seed ${result.seed}${seedGiven ? '' : ' (derived from the applicants)'}`,
    ),
  );
  io.out(
    bilingual(
      `地域枠 ${result.guaranteeSeatsGiven}/${result.guaranteeSeatsNeeded} 席、応募者数に応じた配分 ${result.proportionalSeats} 席`,
      `guaranteed seats ${result.guaranteeSeatsGiven}/${result.guaranteeSeatsNeeded}, proportional share ${result.proportionalSeats}`,
    ),
  );
  if (result.guaranteeSeatsGiven < result.guaranteeSeatsNeeded) {
    io.err(
      bilingual(
        '注意: 定員が地域枠に足りないため、一部の地域は医療職・福祉職等の両方を得ていません',
        'Note: the seats do not cover every guarantee; some regions lack a medical or a welfare seat',
      ),
    );
  }
  io.out('region\tapplicants\tmedical\twelfare\tguaranteed\tquota\tproportional\tselected');
  for (const r of result.regions) {
    io.out(
      [
        r.region ?? '(none)',
        r.applicants,
        r.medical,
        r.welfare,
        r.guaranteed,
        r.quota.toFixed(2),
        r.proportional,
        r.selected,
      ].join('\t'),
    );
  }
  if (noRegion) {
    io.err(
      bilingual(
        `注意: region が空の応募者 ${noRegion.applicants} 人は地域枠の対象外です`,
        `Note: ${noRegion.applicants} applicants with an empty region have no guaranteed seat`,
      ),
    );
  }
  if (result.emptySeats > 0) {
    io.out(bilingual(`空席 ${result.emptySeats}`, `${result.emptySeats} seats left empty`));
  }
}

/** `training select`: reads the applicants, runs the balanced selection and writes the selected ids. */
export async function trainingSelect(
  io: CliIO,
  opts: { input: string; out: string; seats: number; seed?: string; explain?: string },
): Promise<ExitCode> {
  let buf: Buffer;
  try {
    buf = await readFile(opts.input);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError(
      bilingual(
        `ファイルを読めません: ${opts.input}（${reason}）`,
        `Cannot read the file: ${opts.input} (${reason})`,
      ),
    );
  }
  const applicants = readApplicants(opts.input, buf);
  const result = selectApplicants(applicants, opts.seats, opts.seed ?? defaultSeed(applicants));
  await writeAll([
    { path: opts.out, text: `${['id', ...result.selected].map(csvCell).join('\n')}\n` },
    ...(opts.explain ? [{ path: opts.explain, text: explanationCsv(result) }] : []),
  ]);
  printSummary(io, result, opts.seed !== undefined, opts.out);
  return EXIT.ok;
}

export const trainingSelectCommand: Command = {
  words: ['training', 'select'],
  summary: bilingual('研修受講者の選考（地域・職種のバランス）', 'Select trainees with the balanced rule'),
  usage:
    'tsunagu training select APPLICANTS.csv --seats 40 --out selected.csv [--seed S] [--explain why.csv]',
  help: [
    '  応募者の CSV（UTF-8・CP932、BOM の有無を問わず）の列 id,region,profession_group（medical か welfare）',
    '  を読み、医療職と福祉職等の両方が応募した地域にそれぞれ 1 席を保証し、残りの席を地域の応募者数に',
    '  比例して（最大剰余法）配分します。同順はシードによる抽選順で決めます。選ばれた id を 1 行に 1 つ、',
    '  見出し id の下に書きます。--explain には全員の結果と理由を書きます。',
    '  Reads id,region,profession_group (medical or welfare) from a CSV (UTF-8 or CP932, with or without',
    '  BOM; other columns are ignored), guarantees one medical and one welfare seat to every region that has',
    '  both, shares the other seats in proportion to the applicants per region (largest remainder) and breaks',
    '  ties by a seeded order. Writes the selected ids one a line under an `id` header; --explain writes every',
    '  applicant with the decision and its reason.',
    '  --seed を省くと応募者一覧から決まるシードを使うので、同じ入力は常に同じ結果になります。',
    '  Without --seed the seed is derived from the applicants: the same input always gives the same output.',
    '  誤りがあれば何も書かず終了コード 1 で終わります。 On any error nothing is written (exit code 1).',
    '  規則の詳細 / The rule in full: docs/learning.md',
  ],
  options: { seats: 'string', out: 'string', seed: 'string', explain: 'string' },
  positionals: 1,
  async run(ctx, args) {
    const input = args.positionals[0];
    if (!input) throw new UsageError('応募者の CSV を指定してください / Give the applicants CSV');
    const out = stringOption(args, 'out');
    if (!out) throw new UsageError('--out を指定してください / --out is required');
    const seatsText = stringOption(args, 'seats');
    if (!seatsText) throw new UsageError('--seats を指定してください / --seats is required');
    if (!/^\d+$/.test(seatsText) || Number(seatsText) < 1) {
      throw new UsageError(
        `--seats は 1 以上の整数です（${seatsText}） / --seats must be a whole number of at least 1 (${seatsText})`,
      );
    }
    const explain = stringOption(args, 'explain');
    if (explain !== undefined && explain === out) {
      throw new UsageError(
        '--explain と --out は別のファイルにしてください / --explain and --out must differ',
      );
    }
    return trainingSelect(ctx.io, {
      input,
      out,
      seats: Number(seatsText),
      seed: stringOption(args, 'seed'),
      explain,
    });
  },
};
