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
