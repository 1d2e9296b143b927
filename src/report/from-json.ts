/**
 * JSON data (already validated against `REPORT_SCHEMA`) → Report: the inverse of `reportToJson`.
 * Number tokens become numbers again, the counterexample is decoded, `null` becomes `undefined`.
 */
import type { CheckResult, Entry, MatrixView } from '../checks/result.js';
import type { PropertyError } from '../property/result.js';
import { decodeNumber } from './number.js';
import type { Report, ReportEntry } from './types.js';
import { decodeValue } from './value.js';

// biome-ignore lint/suspicious/noExplicitAny: the data has been validated against the schema.
type Json = any;

const num = (v: Json): number => decodeNumber(v) as number;
const nums = (v: Json): number[] => (v as Json[]).map(num);
const opt = <T>(v: Json, f: (x: Json) => T): T | undefined => (v === null ? undefined : f(v));

function entryFrom(e: Json): Entry {
  return {
    index: e.index,
    label: e.label,
    analytic: num(e.analytic),
    oracle: num(e.oracle),
    absDiff: num(e.absDiff),
    allowed: num(e.allowed),
    margin: num(e.margin),
    oracleError: num(e.oracleError),
  };
}

function matrixFrom(m: Json): MatrixView {
  const base = { rows: m.rows, cols: m.cols, analytic: nums(m.analytic), oracle: nums(m.oracle) };
  return {
    ...base,
    allowed: nums(m.allowed),
    ...(m.rowIndex === null ? {} : { rowIndex: m.rowIndex }),
    ...(m.colIndex === null ? {} : { colIndex: m.colIndex }),
  };
}

function checkFrom(c: Json): CheckResult {
  const common = {
    kind: c.kind,
    mode: c.mode,
    dtype: c.dtype,
    oracle: c.oracle,
    seed: c.seed,
    inputSize: c.inputSize,
    outputSize: c.outputSize,
    compared: c.compared,
    entries: (c.entries as Json[]).map(entryFrom),
    evaluations: { function: c.evaluations.function, derivative: c.evaluations.derivative },
    durationMs: num(c.durationMs),
    message: c.message,
  };
  switch (c.verdict as CheckResult['verdict']) {
    case 'pass':
      return { ...common, verdict: 'pass', ok: true };
    case 'mismatch':
      return {
        ...common,
        verdict: 'mismatch',
        ok: false,
        located: c.located,
        ...(c.matrix === null ? {} : { matrix: matrixFrom(c.matrix) }),
      };
    case 'non-finite':
      return {
        ...common,
        verdict: 'non-finite',
        ok: false,
        source: c.source,
        index: c.index,
        value: num(c.value),
      };
    case 'oracle-unreliable':
      return {
        ...common,
        verdict: 'oracle-unreliable',
        ok: false,
        reason: c.reason,
        coordinates: c.coordinates,
      };
    case 'nondeterministic':
      return { ...common, verdict: 'nondeterministic', ok: false, source: c.source };
    case 'argument-mutated': {
      const { source, index } = c;
      return {
        ...common,
        verdict: 'argument-mutated',
        ok: false,
        source,
        index,
        before: num(c.before),
        after: num(c.after),
      };
    }
  }
}

function errorFrom(e: Json): PropertyError {
  return {
    message: e.message,
    ...(e.code === null ? {} : { code: e.code }),
    ...(e.stack === null ? {} : { stack: e.stack }),
  };
}

function resultFrom(r: Json): ReportEntry {
  return {
    name: r.name,
    ...(r.source === null ? {} : { source: r.source }),
    status: r.status,
    ok: r.ok,
    verdict: r.verdict,
    kind: r.kind,
    mode: r.mode,
    dtype: r.dtype,
    oracle: r.oracle,
    seed: r.seed,
    path: opt(r.path, String),
    numRuns: r.numRuns,
    numSkips: r.numSkips,
    numShrinks: r.numShrinks,
    durationMs: num(r.durationMs),
    counterexample: opt(r.counterexample, decodeValue),
    counterexampleText: opt(r.counterexampleText, String),
    error: opt(r.error, errorFrom),
    check: opt(r.check, checkFrom),
  };
}

/**
 * Decodes validated report JSON (the inverse of `reportToJson`).
 * @example reportFromJson(JSON.parse(text))
 */
export function reportFromJson(j: Json): Report {
  return {
    schemaVersion: j.schemaVersion,
    tool: { name: j.tool.name, version: j.tool.version },
    createdAt: j.createdAt,
    durationMs: num(j.durationMs),
    ...(j.command === undefined ? {} : { command: j.command }),
    ...(j.seed === undefined ? {} : { seed: j.seed }),
    ...(j.shard === undefined ? {} : { shard: { index: j.shard.index, count: j.shard.count } }),
    summary: j.summary,
    results: (j.results as Json[]).map(resultFrom),
  };
}
