/**
 * buildReport: PropertyResults plus run metadata → a Report. The draft is encoded, validated against
 * `REPORT_SCHEMA` and decoded again, so a built report is plain data equal to what `parseReport`
 * returns for its JSON, and a result that breaks the contract fails here with the path at fault.
 */
import { GradcheckError } from '../errors.js';
import type { PropertyResult } from '../property/result.js';
import { reportFromJson } from './from-json.js';
import { REPORT_SCHEMA } from './schema.js';
import { summarize } from './summary.js';
import { reportToJson } from './to-json.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportMeta } from './types.js';
import { validateSchema } from './validate.js';

function createdAt(v: Date | string | undefined): string {
  const date = v === undefined ? new Date() : new Date(v);
  if (Number.isNaN(date.getTime())) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'buildReport',
      `meta.createdAt must be a date (given ${String(v)})`,
      {
        arg: 'meta.createdAt',
      },
    );
  }
  return date.toISOString();
}

/**
 * Builds a report from the results of one run (results keep their order).
 * Defaults: `createdAt` now, `durationMs` the sum of the results' durations, tool name `gradcheck`.
 * @throws GradcheckError GC_INVALID_ARGUMENT when a result or the metadata does not fit the schema.
 * @example
 * const report = buildReport(results, { version: '0.1.0', seed: 42, command: ['check', 'specs/a.ts'] });
 * report.summary // { total: 3, passed: 2, failed: 1, errors: 0, skipped: 0 }
 */
export function buildReport(results: readonly PropertyResult[], meta: ReportMeta): Report {
  if (!Array.isArray(results)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'buildReport',
      'results must be an array of PropertyResult',
      {
        arg: 'results',
      },
    );
  }
  const draft: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: meta.toolName ?? 'gradcheck', version: meta.version },
    createdAt: createdAt(meta.createdAt),
    durationMs: meta.durationMs ?? results.reduce((sum, r) => sum + r.durationMs, 0),
    ...(meta.command === undefined ? {} : { command: meta.command }),
    ...(meta.seed === undefined ? {} : { seed: meta.seed }),
    ...(meta.shard === undefined ? {} : { shard: meta.shard }),
    summary: summarize(results),
    results,
  };
  const json = reportToJson(draft);
  const error = validateSchema(REPORT_SCHEMA, json, 'report');
  if (error !== undefined) {
    throw new GradcheckError('GC_INVALID_ARGUMENT', 'buildReport', `${error.path} ${error.message}`, {
      arg: error.path,
    });
  }
  return reportFromJson(json);
}
