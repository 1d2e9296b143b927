/**
 * The report data model: one run of gradcheck (or the merge of several shards) as data. A `Report`
 * holds decoded values (NaN, ±Infinity, typed arrays); `renderJson` encodes them into JSON-safe form
 * and `parseReport` decodes them back (see `src/report/value.ts` for the encoding rules).
 */
import type { PropertyResult } from '../property/result.js';

/** The version of the report.json layout. Any change that a reader could notice bumps it. */
export const REPORT_SCHEMA_VERSION = 1 as const;

/**
 * One checked property in a report: a `PropertyResult` reduced to plain data (no extra fields, no
 * functions). Fields that are `undefined` in memory are written as `null` in report.json.
 */
export type ReportEntry = PropertyResult;

/** Counts over `results`. `total = passed + failed + errors + skipped`. */
export interface ReportSummary {
  readonly total: number;
  /** Status `passed` with at least one run that was not discarded. */
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  /** Status `passed` but every generated input was discarded (`numRuns` 0): nothing was verified. */
  readonly skipped?: number;
}

/** Which part of a sharded run a report holds: shard `index` (1-based, as in `--shard 2/4`) of `count`. */
export interface ReportShard {
  readonly index: number;
  readonly count: number;
}

/** A gradcheck run as data: what was run, when, and every property's result. */
export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO 8601 timestamp of the start of the run, e.g. `2025-01-31T12:00:00.000Z`. */
  readonly createdAt: string;
  /** Wall-clock duration of the run in milliseconds. */
  readonly durationMs: number;
  /** The command line that produced the report (argv after the executable), when known. */
  readonly command?: readonly string[];
  /** The run-wide seed (`--seed`), when one was given. */
  readonly seed?: number;
  readonly shard?: ReportShard;
  readonly summary: ReportSummary;
  readonly results: readonly ReportEntry[];
}

/** What `buildReport` needs besides the results. Only `version` is required. */
export interface ReportMeta {
  /** Version of the tool that ran the checks (the CLI passes the package version). */
  readonly version: string;
  /** Tool name; default `gradcheck`. */
  readonly toolName?: string;
  /** Start of the run; default: the time `buildReport` is called. */
  readonly createdAt?: Date | string;
  /** Wall-clock duration in ms; default: the sum of the results' `durationMs`. */
  readonly durationMs?: number;
  readonly command?: readonly string[];
  readonly seed?: number;
  readonly shard?: ReportShard;
}

/**
 * How replay commands are spelled in Markdown, HTML and JUnit output (see `replayCommand`).
 * The default is `npx gradcheck check <source> --seed S --path P --grep <name>`.
 */
export interface ReplayOptions {
  /** The executable prefix; default `npx gradcheck`. */
  readonly command?: string;
  /**
   * When set, commands replay from the saved report instead of the spec file:
   * `npx gradcheck replay <reportPath> --grep <name>`.
   */
  readonly reportPath?: string;
}
