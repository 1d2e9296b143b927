/**
 * gradcheck: property-based gradient verification. This file is the whole public API, listed by hand.
 */
export type {
  ArgumentMutatedResult,
  CheckKind,
  CheckMode,
  CheckResult,
  Entry,
  Evaluations,
  MatrixView,
  MismatchResult,
  NondeterministicResult,
  NonFiniteResult,
  OracleKind,
  OracleUnreliableResult,
  PassResult,
  Verdict,
} from './checks/result.js';
export {
  GradcheckError,
  type GradcheckErrorCode,
  type GradcheckErrorOptions,
  isGradcheckError,
} from './errors.js';
export type { PropertyError, PropertyResult, PropertyStatus } from './property/result.js';
export { type DType, dtypeOf, type FloatArray, type NumericArray, UNIT_ROUNDOFF } from './types.js';

// ── kernels (src/kernels) ──────────────────────────────────────────────────────────────────────

// ── oracles (src/oracles) ──────────────────────────────────────────────────────────────────────
export type { JacobianEstimate, JacobianOracle } from './oracles/types.js';

// ── symbolic oracle (src/oracles/symbolic*) ────────────────────────────────────────────────────

// ── checks (src/checks) ────────────────────────────────────────────────────────────────────────

// ── arbitraries (src/arbitraries) ──────────────────────────────────────────────────────────────

// ── properties and specs (src/property) ────────────────────────────────────────────────────────

// ── reports (src/report) ───────────────────────────────────────────────────────────────────────
export { buildReport } from './report/build.js';
export { entriesMarkdown, type MarkdownOptions, renderMarkdown } from './report/markdown.js';
export { type HtmlOptions, renderHtml } from './report/html.js';
export { renderJson } from './report/json.js';
export { type JunitOptions, renderJunit } from './report/junit.js';
export { mergeReports } from './report/merge.js';
export { parseReport } from './report/parse.js';
export { replayCommand, shellQuote } from './report/replay.js';
export { REPORT_SCHEMA } from './report/schema.js';
export { entriesText } from './report/text-table.js';
export {
  REPORT_SCHEMA_VERSION,
  type ReplayOptions,
  type Report,
  type ReportEntry,
  type ReportMeta,
  type ReportShard,
  type ReportSummary,
} from './report/types.js';
export { decodeValue, encodeValue } from './report/value.js';
