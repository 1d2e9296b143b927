/**
 * The table printed at the end of a run: one line per property (status, name, kind, dtype, mode,
 * runs, skips — runs the oracle could not decide, e.g. at a kink —, shrinks, time) and a totals line, coloured when the palette is on.
 */
import type { PropertyResult } from '../property/result.js';
import type { Palette } from './color.js';
import { textTable } from './textTable.js';

/** `PASS` / `FAIL` / `ERROR`, coloured green / red / yellow. */
export function statusLabel(result: Pick<PropertyResult, 'status'>, colors: Palette): string {
  if (result.status === 'passed') return colors.green('PASS');
  if (result.status === 'failed') return colors.red('FAIL');
  return colors.yellow('ERROR');
}

/** Milliseconds as `840 ms` or `3.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `12 checks: 11 passed, 1 failed, 0 errors (3.2 s)`. */
export function totalsLine(results: readonly PropertyResult[], durationMs: number, colors: Palette): string {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const errors = results.length - passed - failed;
  const parts = [
    colors.green(`${passed} passed`),
    failed > 0 ? colors.red(`${failed} failed`) : `${failed} failed`,
    errors > 0 ? colors.yellow(`${errors} error${errors === 1 ? '' : 's'}`) : '0 errors',
  ];
  const noun = results.length === 1 ? 'check' : 'checks';
  return `${colors.bold(`${results.length} ${noun}:`)} ${parts.join(', ')} (${formatDuration(durationMs)})`;
}

/**
 * The summary table and totals line.
 *
 * @example
 * summaryTable(results, 3200, palette(false));
 * // status  name             kind  dtype    mode  runs  skips  shrinks  time
 * // PASS    softmax vjp f64  vjp   float64  full   200      3        0  120 ms
 * // ...
 */
export function summaryTable(
  results: readonly PropertyResult[],
  durationMs: number,
  colors: Palette,
): string {
  const rows = results.map((r) => [
    statusLabel(r, colors),
    r.name,
    r.kind,
    r.dtype,
    r.mode,
    String(r.numRuns),
    String(r.numSkips),
    String(r.numShrinks),
    formatDuration(r.durationMs),
  ]);
  const header = ['status', 'name', 'kind', 'dtype', 'mode', 'runs', 'skips', 'shrinks', 'time'].map(
    colors.dim,
  );
  const table = textTable(header, rows, [
    'left',
    'left',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
  return `${table}\n\n${totalsLine(results, durationMs, colors)}`;
}
