import { ConfigError } from '../server/config';
import { adminCreateCommand } from './admin';
import { parseArgs, UsageError } from './args';
import { auditVerifyCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { censusLinkCommand } from './census';
import type { Command } from './command';
import { demoTotpCommand } from './demo';
import { demoSeedCommand } from './demo-seed';
import { type CliContext, CliError, EXIT, type ExitCode } from './io';
import { migrateCommand } from './migrate';
import { placesImportCommand, placesRefreshCommand } from './places';
import { trainingSelectCommand } from './training';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  adminCreateCommand,
  auditVerifyCommand,
  backupCommand,
  restoreCommand,
  demoSeedCommand,
  demoTotpCommand,
  censusLinkCommand,
  trainingSelectCommand,
  placesImportCommand,
  placesRefreshCommand,
];

const HELP_FLAGS = new Set(['--help', '-h']);

/** The general help: what the tool is and its commands. */
export function generalHelp(): string[] {
  return [
    'Tsunagu 管理コマンド / administration commands',
    '',
    '使い方 / Usage: tsunagu <command> [options]    (npm run tsunagu -- <command> …)',
    '',
    ...COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(14)} ${c.summary}`),
    '',
    '各コマンドの詳細 / Details of a command: tsunagu <command> --help',
    '設定は環境変数から読みます（DATABASE_URL、DATA_DIR、TSUNAGU_SECRET …）。',
    'Configuration comes from the environment (DATABASE_URL, DATA_DIR, TSUNAGU_SECRET, …).',
    '終了コード / Exit codes: 0 成功 success, 1 失敗・拒否 failed or refused, 2 使い方の誤り usage error',
  ];
}

/** A command's own help. */
export function commandHelp(c: Command): string[] {
  return [c.summary, '', `使い方 / Usage: ${c.usage}`, ...(c.help.length ? ['', ...c.help] : [])];
}

/** The command named by the leading words of argv (longest match), and the remaining arguments. */
function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const c of COMMANDS) {
    if (c.words.every((w, i) => argv[i] === w) && (!best || c.words.length > best.words.length)) best = c;
  }
  return best ? { command: best, rest: argv.slice(best.words.length) } : null;
}

/** Runs the CLI for argv (without `node` and the script) and returns the exit code; never exits itself. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const { io } = ctx;
  if (argv.length === 0) {
    for (const line of generalHelp()) io.err(line);
    return EXIT.usage;
  }
  if (HELP_FLAGS.has(argv[0]!) || argv[0] === 'help') {
    for (const line of generalHelp()) io.out(line);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.words[0] === argv[0]);
    io.err(`不明なコマンド / Unknown command: ${argv.join(' ')}`);
    for (const c of group.length ? group : COMMANDS) io.err(`  ${c.usage}`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    for (const line of commandHelp(command)) io.out(line);
    return EXIT.ok;
  }
  try {
    const args = parseArgs(rest, command.options);
    if (args.positionals.length > (command.positionals ?? 0)) {
      throw new UsageError(`余分な引数 / Unexpected argument: ${args.positionals.join(' ')}`);
    }
    return await command.run(ctx, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`使い方 / Usage: ${command.usage}`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.usage;
    }
    io.err(`予期しないエラー / Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.failed;
  }
}
