/**
 * The worst compared values of a check as a text table, shared by the CLI's failure details and the
 * vitest matchers' messages: position, analytic value, oracle value, |Δ|, the allowed bound and the
 * margin (negative = failing), worst first, as the checker sorted them.
 */
import type { Entry } from '../checks/result.js';
import { formatNumber } from './formatNumber.js';
import { textTable } from './textTable.js';

/**
 * Renders at most `max` entries (default 5), plus a line saying how many were left out.
 *
 * @example
 * entriesTable(result.entries, 3);
 * // entry   analytic  oracle  |Δ|     allowed  margin
 * // J[1,0]  0.25      0.2     0.05    1e-9     -0.05
 */
export function entriesTable(entries: readonly Entry[], max = 5): string {
  const shown = entries.slice(0, max);
  const rows = shown.map((e) => [
    e.label,
    formatNumber(e.analytic),
    formatNumber(e.oracle),
    formatNumber(e.absDiff),
    formatNumber(e.allowed),
    formatNumber(e.margin),
  ]);
  const table = textTable(['entry', 'analytic', 'oracle', '|Δ|', 'allowed', 'margin'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
  const rest = entries.length - shown.length;
  return rest > 0 ? `${table}\n(${rest} more entr${rest === 1 ? 'y' : 'ies'} not shown)` : table;
}
