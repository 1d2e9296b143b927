/**
 * The command that replays one result: fast-check's `{ seed, path }` re-generates exactly the shrunk
 * counterexample, and `--grep` with the full name selects the one property (the CLI prefers an exact
 * name match when `--path` is given). Arguments are quoted for POSIX shells.
 */
import type { ReplayOptions, ReportEntry } from './types.js';

const SAFE = /^[\w@%+=:,./-]+$/;

/**
 * Quotes one argument for a POSIX shell: unchanged when it holds only safe characters, otherwise in
 * single quotes (a single quote inside becomes `'\''`).
 * @example shellQuote("softmax vjp (float32)") // "'softmax vjp (float32)'"
 */
export function shellQuote(arg: string): string {
  return SAFE.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * The shell command that replays a result. Defaults:
 * - a spec file source: `npx gradcheck check <source> --seed S --path P --grep <name>`;
 * - the built-in gate (source `builtin` or unknown): `npx gradcheck --seed S --path P --grep <name>`;
 * - with `options.reportPath`: `npx gradcheck replay <reportPath> --grep <name>`.
 * `--path` is left out when the result has none (e.g. a property that could not run).
 * @example
 * replayCommand({ ...result, source: 'specs/softmax.spec.ts', seed: 42, path: '3:1', name: 'softmax vjp' })
 * // "npx gradcheck check specs/softmax.spec.ts --seed 42 --path 3:1 --grep 'softmax vjp'"
 */
export function replayCommand(
  entry: Pick<ReportEntry, 'name' | 'seed' | 'path' | 'source'>,
  options: ReplayOptions = {},
): string {
  const command = options.command ?? 'npx gradcheck';
  const grep = ['--grep', shellQuote(entry.name)];
  if (options.reportPath !== undefined)
    return [command, 'replay', shellQuote(options.reportPath), ...grep].join(' ');
  const target =
    entry.source === undefined || entry.source === 'builtin' ? [] : ['check', shellQuote(entry.source)];
  const path = entry.path === undefined ? [] : ['--path', shellQuote(entry.path)];
  return [command, ...target, '--seed', String(entry.seed), ...path, ...grep].join(' ');
}
