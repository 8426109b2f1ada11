/** What a command accepts: each option takes a value ('string') or is a switch ('boolean'). */
export type OptionSpec = Record<string, 'string' | 'boolean'>;

export type ParsedArgs = {
  positionals: string[];
  options: Record<string, string | true>;
};

/** A mistake in how the command was called: exit code 2 with the command's usage. */
export class UsageError extends Error {}

/**
 * A small argv parser: `--name value`, `--name=value`, boolean `--flag`, `--` ends options. Unknown options
 * and missing values are usage errors (nothing is silently ignored in an administrator's command).
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') {
        throw new UsageError(`不明なオプション / Unknown option: ${arg}`);
      }
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`不明なオプション / Unknown option: --${name}`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} は値を取りません / --${name} takes no value`);
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      throw new UsageError(`--${name} に値を指定してください / --${name} needs a value`);
    }
    options[name] = value;
  }
  return { positionals, options };
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}
