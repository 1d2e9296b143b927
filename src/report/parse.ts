/**
 * parseReport: the text of a report.json → a Report, for `gradcheck replay` and `gradcheck merge`.
 * Checks, in order: the text is JSON, its `schemaVersion` is one this version reads, the data fits
 * `REPORT_SCHEMA`, and the summary agrees with the results; then decodes NaN/±Infinity and typed
 * arrays back (see src/report/value.ts).
 */
import { GradcheckError } from '../errors.js';
import { reportFromJson } from './from-json.js';
import { REPORT_SCHEMA } from './schema.js';
import { summarize } from './summary.js';
import { REPORT_SCHEMA_VERSION, type Report } from './types.js';
import { validateSchema } from './validate.js';

const fail = (message: string, details?: Record<string, unknown>) =>
  new GradcheckError('GC_REPORT', 'parseReport', message, { arg: 'text', ...(details ? { details } : {}) });

/**
 * Reads a report back from its JSON text.
 * @throws GradcheckError GC_REPORT when the text is not JSON, has an unsupported `schemaVersion`,
 * breaks the schema (the message names the path, e.g. `report.results[2].seed`) or its summary
 * does not match its results.
 * @example const report = parseReport(readFileSync('reports/latest/report.json', 'utf8'));
 */
export function parseReport(text: string): Report {
  if (typeof text !== 'string') throw fail(`text must be a string (given ${typeof text})`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw fail(`text must be JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fail('text must hold a JSON object (a gradcheck report)');
  }
  const version = (data as Record<string, unknown>)['schemaVersion'];
  if (version !== REPORT_SCHEMA_VERSION) {
    throw fail(
      `report.schemaVersion must be ${REPORT_SCHEMA_VERSION} (given ${JSON.stringify(version) ?? 'nothing'})`,
      {
        schemaVersion: version,
      },
    );
  }
  const error = validateSchema(REPORT_SCHEMA, data, 'report');
  if (error !== undefined) throw fail(`${error.path} ${error.message}`, { path: error.path });
  const report = reportFromJson(data);
  const expected = summarize(report.results);
  for (const key of ['total', 'passed', 'failed', 'errors', 'skipped'] as const) {
    const given = report.summary[key];
    if (given !== undefined && given !== expected[key]) {
      throw fail(
        `report.summary.${key} must match the results (results say ${expected[key]}, given ${given})`,
      );
    }
  }
  return report;
}
