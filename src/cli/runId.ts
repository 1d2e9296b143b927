/** Run ids: UTC timestamps that sort by time as plain strings and are valid file names everywhere. */

/**
 * `2025-11-28T18-20-31-123Z` for 2025-11-28T18:20:31.123Z (ISO 8601 with `-` for `:` and `.`).
 *
 * @example
 * runId(new Date(Date.UTC(2025, 10, 28, 18, 20, 31, 123))); // '2025-11-28T18-20-31-123Z'
 */
export function runId(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
