/**
 * Counting results for the report summary. A passed property whose every generated input was
 * discarded (fast-check `numRuns` 0) verified nothing: it is counted as skipped, not as passed.
 */
import type { ReportEntry, ReportSummary } from './types.js';

/** Display status of one result: its `status`, or `skipped` for a vacuous pass. */
export type DisplayStatus = 'passed' | 'failed' | 'error' | 'skipped';

/**
 * The status a report shows for a result.
 * @example displayStatus({ ...result, status: 'passed', numRuns: 0 }) // 'skipped'
 */
export function displayStatus(r: Pick<ReportEntry, 'status' | 'numRuns'>): DisplayStatus {
  return r.status === 'passed' && r.numRuns === 0 ? 'skipped' : r.status;
}

/**
 * Counts results by display status (`total = passed + failed + errors + skipped`).
 * @example summarize([]) // { total: 0, passed: 0, failed: 0, errors: 0, skipped: 0 }
 */
export function summarize(results: readonly ReportEntry[]): Required<ReportSummary> {
  const counts = { passed: 0, failed: 0, error: 0, skipped: 0 };
  for (const r of results) counts[displayStatus(r)]++;
  return {
    total: results.length,
    passed: counts.passed,
    failed: counts.failed,
    errors: counts.error,
    skipped: counts.skipped,
  };
}
