/**
 * `gradcheck merge <report.json…>`: combines the reports of `--shard` runs into one report set
 * (`mergeReports` orders the results deterministically and recomputes the summary) and exits as the
 * whole run would have: 0 when every property held, 1 otherwise.
 */
import type { RunContext } from './context.js';
import { mergeReports } from './engine.js';
import type { CliOptions } from './options.js';
import { printOutcome } from './printOutcome.js';
import { publishReports } from './publishReports.js';
import { readReport } from './readReport.js';

/**
 * @example
 * await mergeCommand(['reports/shard-1/report.json', 'reports/shard-2/report.json'], options, ctx);
 */
export async function mergeCommand(
  paths: readonly string[],
  options: CliOptions,
  ctx: RunContext,
): Promise<number> {
  const reports = [];
  for (const path of paths) reports.push(await readReport(path, ctx.io.cwd));
  const merged = mergeReports(reports);
  const dir = await publishReports(merged, options, ctx.io.cwd, ctx.now());
  printOutcome(merged.results, merged.durationMs, dir, ctx, options.quiet);
  return merged.results.every((r) => r.ok) ? 0 : 1;
}
