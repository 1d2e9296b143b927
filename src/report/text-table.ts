/**
 * Plain-text tables of the worst entries for the JUnit failure text (read in CI logs, so
 * monospace columns: the first left-aligned, numbers right-aligned).
 */
import type { Entry } from '../checks/result.js';
import { errorRatio, formatNumber, formatPair, formatRatio } from './format.js';

/**
 * The worst `max` entries as a fixed-width text table, followed by a count of the rest.
 * @example entriesText(check.entries, 3)
 * // entry   analytic  oracle  |Δ|  allowed  |Δ|/allowed  margin
 * // J[1,1]  ...
 */
export function entriesText(entries: readonly Entry[], max = 5): string {
  const rows = [['entry', 'analytic', 'oracle', '|Δ|', 'allowed', '|Δ|/allowed', 'margin']];
  for (const e of entries.slice(0, max)) {
    const ratio = formatRatio(errorRatio(e.absDiff, e.allowed), 6);
    const cells = [formatNumber(e.absDiff, 6), formatNumber(e.allowed, 6), ratio, formatNumber(e.margin, 6)];
    rows.push([e.label, ...formatPair(e.analytic, e.oracle), ...cells]);
  }
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => [...r[j]!].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, j) => {
        const pad = ' '.repeat(widths[j]! - [...cell].length);
        return j === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
  if (entries.length > max) lines.push(`(${entries.length - max} more entries in report.json)`);
  return lines.join('\n');
}
