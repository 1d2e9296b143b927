/**
 * The end of a run on the terminal: the coloured summary table (or, with `--quiet`, just the totals
 * line), then each failure with its worst entries and replay command, then where the reports are.
 */
import { relative } from 'node:path';
import type { PropertyResult } from '../property/result.js';
import type { RunContext } from './context.js';
import { replayCommand } from './engine.js';
import { failureDetails } from './failureDetails.js';
import { summaryTable, totalsLine } from './summaryTable.js';

/**
 * Prints the outcome of `results` (which took `durationMs`) whose reports were written to `dir`.
 *
 * @example
 * printOutcome(results, 3200, '/repo/reports/2025-…', ctx, false);
 */
export function printOutcome(
  results: readonly PropertyResult[],
  durationMs: number,
  dir: string,
  ctx: RunContext,
  quiet: boolean,
): void {
  const { io, colors } = ctx;
  const blocks: string[] = [];
  if (!quiet && results.length > 0) blocks.push(summaryTable(results, durationMs, colors));
  for (const result of results) {
    if (!result.ok) blocks.push(failureDetails(result, replayCommand(result), colors));
  }
  if (quiet || results.length === 0) blocks.push(totalsLine(results, durationMs, colors));
  const shown = relative(io.cwd, dir);
  blocks.push(`reports: ${shown === '' || shown.startsWith('..') ? dir : shown}`);
  io.stdout(`${blocks.join('\n\n')}\n`);
}
