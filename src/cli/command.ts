import type { OptionSpec, ParsedArgs } from './args';
import type { CliContext, ExitCode } from './io';

/** One CLI command: its words (`admin create`), options, help text and action. */
export type Command = {
  words: readonly string[];
  /** One line for the command list, Japanese / English. */
  summary: string;
  usage: string;
  /** Further help lines after the usage. */
  help: readonly string[];
  options: OptionSpec;
  /** How many plain arguments the command takes (default none). */
  positionals?: number;
  run(ctx: CliContext, args: ParsedArgs): Promise<ExitCode>;
};
