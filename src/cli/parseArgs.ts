/**
 * Command-line parsing: `gradcheck [command] [operands] [options]`, options as `--name value` or
 * `--name=value`, `--` ends options. Every mistake is a `GradcheckError` with code `GC_USAGE` naming
 * the option and what it must be, so that `main` can print it and exit with 2.
 */
import { GradcheckError } from '../errors.js';
import { ALL_REPORTERS, type CliOptions, type Command, type ReporterName, type Shard } from './options.js';

type OptionName = 'seed' | 'runs' | 'mode' | 'reporter' | 'out' | 'shard' | 'grep' | 'path' | 'quiet';

const VALUE_OPTIONS = new Set<OptionName>([
  'seed',
  'runs',
  'mode',
  'reporter',
  'out',
  'shard',
  'grep',
  'path',
]);

/** Options each command accepts (anything else is a usage error rather than silently ignored). */
const ACCEPTED: Record<'gate' | 'check' | 'replay' | 'merge', ReadonlySet<OptionName>> = {
  gate: new Set(['seed', 'runs', 'mode', 'reporter', 'out', 'shard', 'grep', 'path', 'quiet']),
  check: new Set(['seed', 'runs', 'mode', 'reporter', 'out', 'shard', 'grep', 'path', 'quiet']),
  replay: new Set(['reporter', 'out', 'grep', 'quiet']),
  merge: new Set(['reporter', 'out', 'quiet']),
};

function usage(arg: string, message: string): GradcheckError {
  return new GradcheckError('GC_USAGE', 'gradcheck', message, { arg });
}

function parseInteger(name: string, text: string, min: number, max: number): number {
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw usage(
      `--${name}`,
      `--${name} must be an integer in [${min}, ${max}] (given ${JSON.stringify(text)})`,
    );
  }
  return value;
}

function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1) || !(index >= 1 && index <= count)) {
    throw usage('--shard', `--shard must be i/n with 1 <= i <= n (given ${JSON.stringify(text)})`);
  }
  return { index, count };
}

function parseReporters(text: string, previous: readonly ReporterName[] | undefined): ReporterName[] {
  const names = text.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(ALL_REPORTERS as readonly string[]).includes(name)) {
      throw usage(
        '--reporter',
        `--reporter must list some of ${ALL_REPORTERS.join(',')} (given ${JSON.stringify(text)})`,
      );
    }
  }
  const all = new Set([...(previous ?? []), ...(names as ReporterName[])]);
  return ALL_REPORTERS.filter((r) => all.has(r));
}

interface Draft {
  seed?: number;
  runs?: number;
  mode?: CliOptions['mode'];
  reporters?: ReporterName[];
  out?: string;
  shard?: Shard;
  grep?: string;
  path?: string;
  quiet: boolean;
}

function applyOption(draft: Draft, name: OptionName, value: string): void {
  switch (name) {
    case 'seed':
      draft.seed = parseInteger('seed', value, -(2 ** 31), 2 ** 31 - 1);
      return;
    case 'runs':
      draft.runs = parseInteger('runs', value, 1, 1e9);
      return;
    case 'mode':
      if (value !== 'full' && value !== 'fast') {
        throw usage('--mode', `--mode must be full or fast (given ${JSON.stringify(value)})`);
      }
      draft.mode = value;
      return;
    case 'reporter':
      draft.reporters = parseReporters(value, draft.reporters);
      return;
    case 'shard':
      draft.shard = parseShard(value);
      return;
    case 'out':
    case 'grep':
    case 'path':
      if (value === '') throw usage(`--${name}`, `--${name} must not be empty`);
      draft[name] = value;
      return;
    case 'quiet':
      draft.quiet = true;
      return;
  }
}

function isOptionName(name: string): name is OptionName {
  return name === 'quiet' || VALUE_OPTIONS.has(name as OptionName);
}

/**
 * Parses `argv` (without `node` and the script). Throws `GradcheckError` `GC_USAGE` on an unknown
 * command or option, a missing or malformed value, an option the command does not take, or missing
 * operands.
 *
 * @example
 * parseArgs(['check', 'specs/*.ts', '--runs', '50']);
 * // { kind: 'check', patterns: ['specs/*.ts'], options: { runs: 50, reporters: [...all], quiet: false } }
 */
export function parseArgs(argv: readonly string[]): Command {
  const draft: Draft = { quiet: false };
  const seen = new Set<OptionName>();
  const operands: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (optionsEnded || !token.startsWith('-') || token === '-') {
      operands.push(token);
      continue;
    }
    if (token === '--') {
      optionsEnded = true;
      continue;
    }
    if (token === '-h' || token === '--help') return { kind: 'help' };
    if (token === '-v' || token === '--version') return { kind: 'version' };
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    if (!token.startsWith('--') || !isOptionName(name)) {
      throw usage(token, `unknown option ${token} (see gradcheck --help)`);
    }
    seen.add(name);
    if (!VALUE_OPTIONS.has(name)) {
      if (eq >= 0) throw usage(`--${name}`, `--${name} takes no value (given ${JSON.stringify(token)})`);
      applyOption(draft, name, '');
      continue;
    }
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined) throw usage(`--${name}`, `--${name} must be followed by a value`);
    applyOption(draft, name, value);
  }
  return buildCommand(operands, draft, seen);
}

function buildCommand(operands: string[], draft: Draft, seen: ReadonlySet<OptionName>): Command {
  const [first, ...rest] = operands;
  const kind = first ?? 'gate';
  if (first === 'gate' || (kind !== 'gate' && kind !== 'check' && kind !== 'replay' && kind !== 'merge')) {
    throw usage('command', `unknown command ${JSON.stringify(first)} (expected check, replay or merge)`);
  }
  for (const name of seen) {
    if (!ACCEPTED[kind].has(name)) {
      throw usage(
        `--${name}`,
        `--${name} cannot be used with ${kind === 'gate' ? 'the built-in gate' : kind}`,
      );
    }
  }
  const { reporters, ...rest2 } = draft;
  const options: CliOptions = { ...rest2, reporters: reporters ?? [...ALL_REPORTERS] };
  if (options.path !== undefined && options.seed === undefined) {
    throw usage('--path', '--path must come with the --seed it was found with');
  }
  switch (kind) {
    case 'gate':
      return { kind, options };
    case 'check':
      if (rest.length === 0) throw usage('check', 'check must be given spec files or globs');
      return { kind, patterns: rest, options };
    case 'replay':
      if (rest.length !== 1)
        throw usage('replay', `replay must be given one report.json (given ${rest.length})`);
      return { kind, report: rest[0]!, options };
    case 'merge':
      if (rest.length === 0) throw usage('merge', 'merge must be given at least one report.json');
      return { kind, reports: rest, options };
  }
}
