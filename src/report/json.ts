/**
 * report.json: the report as JSON with a stable key order (the order of `REPORT_SCHEMA`) and a
 * two-space indent, ending with a newline. Arrays holding only numbers, strings, booleans or null
 * (indices, matrix values, counterexample arrays) are kept on one line so that a 100-value
 * counterexample does not take 100 lines. Encoding rules: src/report/value.ts and number.ts.
 */
import { reportToJson } from './to-json.js';
import type { Report } from './types.js';

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/** JSON.stringify with a two-space indent, but scalar arrays on one line. */
function pretty(v: unknown, indent: string): string {
  if (isScalar(v)) return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isScalar)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * Renders a report as the text of report.json.
 * @example renderJson(buildReport(results, { version: '0.1.0' })) // '{\n  "schemaVersion": 1, ...'
 */
export function renderJson(report: Report): string {
  return `${pretty(reportToJson(report), '')}\n`;
}
