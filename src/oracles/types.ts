/**
 * The interface every derivative oracle offers to the checkers: a reference value together with its
 * own error estimate (as FiniteDifferences.jl does), so that the verdict can come from an error model
 * instead of fixed tolerances.
 */
import type { OracleKind } from '../checks/result.js';

/** A dense reference Jacobian: `values` and `error` are row-major, length rows·cols. */
export interface JacobianEstimate {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  /** Absolute error bound of each entry of `values` (≥ 0; 0 only for exact references). */
  readonly error: Float64Array;
}

/** A reference Jacobian source other than finite differences, e.g. a mathjs symbolic derivative. */
export interface JacobianOracle {
  readonly kind: OracleKind;
  /** Human-readable description for reports, e.g. `mathjs derivative of 4 expressions`. */
  readonly description: string;
  /** The reference Jacobian at x (x is the checker's own copy and may be read freely). */
  jacobian(x: Float64Array): JacobianEstimate;
}
