import type { Database } from '../db/client';
import type { Config } from '../server/config';

/** Where a command writes: stdout for results, stderr for diagnostics. Tests collect both. */
export type CliIO = {
  out(line: string): void;
  err(line: string): void;
};

/** Exit codes: 0 success, 1 the operation failed or was refused, 2 bad usage or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the command reports as a message (Japanese / English) and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(message);
  }
}

/** One line in both languages. */
export function bilingual(ja: string, en: string): string {
  return `${ja} / ${en}`;
}

/** What every command receives. `openDb` opens the configured database (and is replaced in tests). */
export type CliContext = {
  io: CliIO;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  loadConfig: () => Config;
  openDb: (config: Config) => Promise<Database>;
  /** Reads a secret from the terminal without echo; null when there is no terminal. */
  promptHidden: (label: string) => Promise<string | null>;
};

/** An io that prints to the process's streams. */
export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
