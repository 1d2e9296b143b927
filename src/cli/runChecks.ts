/**
 * The gate and `gradcheck check`: select the loaded specs (`--grep`, `--shard`), run them with the
 * command-line overrides, write the report set, print the outcome. Exit code 0 when every property
 * held, 1 otherwise.
 */
import { GradcheckError } from '../errors.js';
import type { RunContext } from './context.js';
import { buildReport, type GradSpec } from './engine.js';
import type { CliOptions } from './options.js';
import { printOutcome } from './printOutcome.js';
import { createProgress } from './progress.js';
import { publishReports } from './publishReports.js';
import { runSpecs } from './runSpecs.js';
import { type LoadedSpec, selectSpecs } from './selectSpecs.js';

function checkSelection(
  all: readonly LoadedSpec[],
  selected: readonly LoadedSpec[],
  options: CliOptions,
): void {
  if (options.grep !== undefined && selectSpecs(all, { grep: options.grep }).length === 0) {
    throw new GradcheckError(
      'GC_USAGE',
      'gradcheck',
      `--grep ${JSON.stringify(options.grep)} must match a spec name (none of ${all.length} matched)`,
      { arg: '--grep' },
    );
  }
  if (options.path !== undefined && selected.length !== 1) {
    throw new GradcheckError(
      'GC_USAGE',
      'gradcheck',
      `--path replays one counterexample, so --grep must select exactly one spec (it selected ${selected.length}${selected.length > 0 ? `: ${selected.map((s) => JSON.stringify(s.name)).join(', ')}` : ''})`,
      { arg: '--path' },
    );
  }
}

/**
 * Runs `specs` as the command line asks and returns the exit code.
 *
 * @example
 * const code = await runChecks(await loadBuiltinSpecs(load), options, ctx); // 0 or 1
 */
export async function runChecks(
  specs: readonly LoadedSpec<GradSpec>[],
  options: CliOptions,
  ctx: RunContext,
): Promise<number> {
  const selected = selectSpecs(specs, {
    grep: options.grep,
    shard: options.shard,
    exact: options.path !== undefined,
  });
  checkSelection(specs, selected, options);
  const { io, colors } = ctx;
  const started = ctx.now();
  const progress = createProgress({
    write: io.stdout,
    isTTY: io.isTTY,
    columns: io.columns ?? 80,
    quiet: options.quiet,
    colors,
  });
  if (selected.length === 0 && options.shard !== undefined && !options.quiet) {
    io.stdout(
      `shard ${options.shard.index}/${options.shard.count} holds none of the ${specs.length} specs\n`,
    );
  }
  const overrides = { numRuns: options.runs, seed: options.seed, path: options.path, mode: options.mode };
  const results = await runSpecs(selected, () => overrides, progress);
  const durationMs = ctx.now().getTime() - started.getTime();
  const report = buildReport(results, {
    version: ctx.version,
    createdAt: started,
    durationMs,
    command: ctx.argv,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  });
  const dir = await publishReports(report, options, io.cwd, started);
  printOutcome(report.results, durationMs, dir, ctx, options.quiet);
  return report.results.every((r) => r.ok) ? 0 : 1;
}
