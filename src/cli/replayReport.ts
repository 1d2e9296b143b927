/**
 * `gradcheck replay <report.json>`: re-runs every failure of a report from its seed and path (the
 * exact shrunk counterexample), loading each spec again from its recorded source (`builtin` = the
 * gate). Writes a new report set of the replayed results; exit 0 when all of them now hold.
 */
import { resolve } from 'node:path';
import { GradcheckError } from '../errors.js';
import { BUILTIN_SOURCE, loadBuiltinSpecs } from './builtin.js';
import type { RunContext } from './context.js';
import { buildReport, type GradSpec } from './engine.js';
import { loadSpecFile } from './loadSpecs.js';
import type { CliOptions } from './options.js';
import { printOutcome } from './printOutcome.js';
import { createProgress } from './progress.js';
import { publishReports } from './publishReports.js';
import { readReport } from './readReport.js';
import { type RunOverrides, runSpecs } from './runSpecs.js';
import { type LoadedSpec, selectSpecs } from './selectSpecs.js';

async function loadSource(source: string, ctx: RunContext): Promise<LoadedSpec<GradSpec>[]> {
  if (source === BUILTIN_SOURCE) return loadBuiltinSpecs(ctx.load);
  return loadSpecFile(resolve(ctx.io.cwd, source), ctx.io.cwd, ctx.load);
}

/**
 * Replays the failures of the report at `reportPath` and returns the exit code.
 *
 * @example
 * await replayReport('reports/latest/report.json', options, ctx); // 0 when every failure is fixed
 */
export async function replayReport(
  reportPath: string,
  options: CliOptions,
  ctx: RunContext,
): Promise<number> {
  const report = await readReport(reportPath, ctx.io.cwd);
  const failures = report.results.filter((r) => !r.ok);
  const wanted = selectSpecs(
    failures.map((r) => ({ name: r.name, source: r.source ?? '', spec: r })),
    { grep: options.grep, exact: true },
  ).map((s) => s.spec);
  if (wanted.length === 0) {
    const why =
      failures.length === 0
        ? 'every check in it held'
        : `no failure's name contains ${JSON.stringify(options.grep)}`;
    ctx.io.stdout(`nothing to replay: ${why}\n`);
    return options.grep !== undefined && failures.length > 0 ? 2 : 0;
  }
  const bySource = new Map<string, LoadedSpec<GradSpec>[]>();
  const specs: LoadedSpec<GradSpec>[] = [];
  const overrides = new Map<LoadedSpec<GradSpec>, RunOverrides>();
  for (const failure of wanted) {
    if (failure.source === undefined) {
      throw new GradcheckError(
        'GC_REPORT',
        'gradcheck',
        `result "${failure.name}" must record its spec file (source) to be replayed`,
        {
          arg: reportPath,
        },
      );
    }
    let loaded = bySource.get(failure.source);
    if (loaded === undefined) {
      loaded = await loadSource(failure.source, ctx);
      bySource.set(failure.source, loaded);
    }
    const spec = loaded.find((s) => s.name === failure.name);
    if (spec === undefined) {
      throw new GradcheckError(
        'GC_SPEC_LOAD',
        'gradcheck',
        `${failure.source} must still export the spec "${failure.name}" to replay it`,
        {
          arg: failure.source,
        },
      );
    }
    specs.push(spec);
    overrides.set(spec, { seed: failure.seed, path: failure.path, mode: failure.mode });
  }
  const started = ctx.now();
  const progress = createProgress({
    write: ctx.io.stdout,
    isTTY: ctx.io.isTTY,
    columns: ctx.io.columns ?? 80,
    quiet: options.quiet,
    colors: ctx.colors,
  });
  const results = await runSpecs(specs, (s) => overrides.get(s) ?? {}, progress);
  const durationMs = ctx.now().getTime() - started.getTime();
  const replayed = buildReport(results, {
    version: ctx.version,
    createdAt: started,
    durationMs,
    command: ctx.argv,
  });
  const dir = await publishReports(replayed, options, ctx.io.cwd, started);
  printOutcome(replayed.results, durationMs, dir, ctx, options.quiet);
  return replayed.results.every((r) => r.ok) ? 0 : 1;
}
