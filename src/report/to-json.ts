/**
 * Report → JSON-safe data in the key order of `REPORT_SCHEMA`. Measured numbers go through
 * `encodeNumber` (NaN/±Infinity as strings), the counterexample through `encodeValue`, and
 * `undefined` inside results becomes `null`. Unknown extra fields are dropped.
 */
import type { CheckResult, Entry, MatrixView } from '../checks/result.js';
import type { PropertyError } from '../property/result.js';
import { encodeNumber } from './number.js';
import type { Report, ReportEntry } from './types.js';
import { encodeValue } from './value.js';

const nums = (xs: readonly number[]) => Array.from(xs, (x) => encodeNumber(x));
const ints = (xs: readonly number[]) => Array.from(xs);

function entryJson(e: Entry): object {
  return {
    index: ints(e.index),
    label: e.label,
    analytic: encodeNumber(e.analytic),
    oracle: encodeNumber(e.oracle),
    absDiff: encodeNumber(e.absDiff),
    allowed: encodeNumber(e.allowed),
    margin: encodeNumber(e.margin),
    oracleError: encodeNumber(e.oracleError),
  };
}

function matrixJson(m: MatrixView): object {
  return {
    rows: m.rows,
    cols: m.cols,
    analytic: nums(m.analytic),
    oracle: nums(m.oracle),
    allowed: nums(m.allowed),
    rowIndex: m.rowIndex === undefined ? null : ints(m.rowIndex),
    colIndex: m.colIndex === undefined ? null : ints(m.colIndex),
  };
}

function verdictJson(c: CheckResult): object {
  switch (c.verdict) {
    case 'pass':
      return {};
    case 'mismatch':
      return { located: c.located.map(ints), matrix: c.matrix === undefined ? null : matrixJson(c.matrix) };
    case 'non-finite':
      return { source: c.source, index: ints(c.index), value: encodeNumber(c.value) };
    case 'oracle-unreliable':
      return { reason: c.reason, coordinates: ints(c.coordinates) };
    case 'nondeterministic':
      return { source: c.source };
    case 'argument-mutated':
      return {
        source: c.source,
        index: c.index,
        before: encodeNumber(c.before),
        after: encodeNumber(c.after),
      };
  }
}

/** The JSON form of a check result (exported for the vitest matchers' messages and the CLI). */
export function checkJson(c: CheckResult): object {
  return {
    verdict: c.verdict,
    ok: c.ok,
    kind: c.kind,
    mode: c.mode,
    dtype: c.dtype,
    oracle: c.oracle,
    seed: c.seed,
    inputSize: c.inputSize,
    outputSize: c.outputSize,
    compared: c.compared,
    message: c.message,
    ...verdictJson(c),
    entries: c.entries.map(entryJson),
    evaluations: { function: c.evaluations.function, derivative: c.evaluations.derivative },
    durationMs: encodeNumber(c.durationMs),
  };
}

function errorJson(e: PropertyError): object {
  return { message: e.message, code: e.code ?? null, stack: e.stack ?? null };
}

function resultJson(r: ReportEntry): object {
  return {
    name: r.name,
    source: r.source ?? null,
    status: r.status,
    ok: r.ok,
    verdict: r.verdict,
    kind: r.kind,
    mode: r.mode,
    dtype: r.dtype,
    oracle: r.oracle,
    seed: r.seed,
    path: r.path ?? null,
    numRuns: r.numRuns,
    numSkips: r.numSkips,
    numShrinks: r.numShrinks,
    durationMs: encodeNumber(r.durationMs),
    counterexample: r.counterexample === undefined ? null : encodeValue(r.counterexample),
    counterexampleText: r.counterexampleText ?? null,
    error: r.error === undefined ? null : errorJson(r.error),
    check: r.check === undefined ? null : checkJson(r.check),
  };
}

/**
 * The JSON-safe form of a report, keys in schema order (what `renderJson` stringifies).
 * @example JSON.stringify(reportToJson(report))
 */
export function reportToJson(report: Report): object {
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version },
    createdAt: report.createdAt,
    durationMs: encodeNumber(report.durationMs),
    ...(report.command === undefined ? {} : { command: [...report.command] }),
    ...(report.seed === undefined ? {} : { seed: report.seed }),
    ...(report.shard === undefined
      ? {}
      : { shard: { index: report.shard.index, count: report.shard.count } }),
    summary: {
      total: report.summary.total,
      passed: report.summary.passed,
      failed: report.summary.failed,
      errors: report.summary.errors,
      ...(report.summary.skipped === undefined ? {} : { skipped: report.summary.skipped }),
    },
    results: report.results.map(resultJson),
  };
}
