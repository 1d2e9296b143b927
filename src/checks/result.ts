/**
 * What a check returns. A wrong derivative is data, not an exception: every checker returns a
 * `CheckResult`, a tagged union on `verdict`. Reports, matchers and the CLI only read these types.
 */
import type { DType } from '../types.js';

/** Which derivative was checked. `invariant` is a property compared against an exact expectation. */
export type CheckKind = 'jacobian' | 'vjp' | 'jvp' | 'gradient' | 'backprop' | 'invariant';

/** `full`: every column of the Jacobian. `fast`: random projections, cost independent of input size. */
export type CheckMode = 'full' | 'fast';

/** Where the reference values came from. */
export type OracleKind = 'finite-difference' | 'symbolic' | 'high-precision' | 'exact';

export type Verdict =
  | 'pass'
  | 'mismatch'
  | 'non-finite'
  | 'oracle-unreliable'
  | 'nondeterministic'
  | 'argument-mutated';

/**
 * One compared value. For a Jacobian entry `index` is `[output, input]`; for a gradient, VJP or JVP
 * entry it is `[k]`; for a projection in fast mode it is `[probe]` and `label` says which identity.
 */
export interface Entry {
  readonly index: readonly number[];
  /** Human-readable position, e.g. `J[2,3]`, `grad[17]`, `⟨u, Jᵀv⟩ probe 1`, `layer 1 δ[5]`. */
  readonly label: string;
  readonly analytic: number;
  readonly oracle: number;
  /** |analytic − oracle| (NaN-safe: NaN here always fails). */
  readonly absDiff: number;
  /** The bound from the error model: κ·(oracle error estimate + rounding bound). */
  readonly allowed: number;
  /** allowed − absDiff: negative when this entry fails. Entries are sorted by absDiff/allowed, worst first. */
  readonly margin: number;
  /** The oracle's own error estimate for this value (before κ and rounding are added). */
  readonly oracleError: number;
}

/** Counts of calls made by the check (the cost figures in the benchmarks). */
export interface Evaluations {
  /** Calls of the function f. */
  readonly function: number;
  /** Calls of the claimed derivative (jacobian / vjp / jvp / gradient / backward). */
  readonly derivative: number;
}

/** A dense block of the Jacobian, kept on mismatches small enough to draw (the HTML heatmap). */
export interface MatrixView {
  readonly rows: number;
  readonly cols: number;
  /** Row-major, length rows·cols. */
  readonly analytic: readonly number[];
  readonly oracle: readonly number[];
  readonly allowed: readonly number[];
  /** Labels of the rows and columns when the block is a sub-matrix (original indices). */
  readonly rowIndex?: readonly number[];
  readonly colIndex?: readonly number[];
}

interface ResultCommon {
  readonly kind: CheckKind;
  readonly mode: CheckMode;
  readonly dtype: DType;
  readonly oracle: OracleKind;
  /** The seed every random choice of this check came from. */
  readonly seed: number;
  /** Length of x, and length of f(x) (1 for a gradient check). */
  readonly inputSize: number;
  readonly outputSize: number;
  /** How many values were compared. */
  readonly compared: number;
  /** The compared values, worst first, at most `options.maxEntries` of them. */
  readonly entries: readonly Entry[];
  readonly evaluations: Evaluations;
  readonly durationMs: number;
  /** One paragraph saying what was found, where, and how to replay it. */
  readonly message: string;
}

export interface PassResult extends ResultCommon {
  readonly verdict: 'pass';
  readonly ok: true;
}

export interface MismatchResult extends ResultCommon {
  readonly verdict: 'mismatch';
  readonly ok: false;
  /** Jacobian / gradient positions shown to be wrong (fast mode localises them by group testing). */
  readonly located: readonly (readonly number[])[];
  /** The Jacobian (or the block around the located entries) when small enough to draw. */
  readonly matrix?: MatrixView;
}

export interface NonFiniteResult extends ResultCommon {
  readonly verdict: 'non-finite';
  readonly ok: false;
  /** Which call produced the NaN / ±Infinity. */
  readonly source: 'function' | 'derivative' | 'oracle';
  /** Position of the first non-finite value in that call's output. */
  readonly index: readonly number[];
  readonly value: number;
}

export interface OracleUnreliableResult extends ResultCommon {
  readonly verdict: 'oracle-unreliable';
  readonly ok: false;
  /**
   * `kink`: one-sided differences disagree (ReLU at 0, ties in a max); `discontinuity`: the function
   * jumps; `noise`: rounding noise swamps every usable step; `step`: no step keeps f finite.
   */
  readonly reason: 'kink' | 'discontinuity' | 'noise' | 'step';
  /** Input coordinates (or probe indices in fast mode) where the oracle could not be trusted. */
  readonly coordinates: readonly number[];
}

export interface NondeterministicResult extends ResultCommon {
  readonly verdict: 'nondeterministic';
  readonly ok: false;
  /** Which callable returned different values for the same input. */
  readonly source: 'function' | 'derivative';
}

export interface ArgumentMutatedResult extends ResultCommon {
  readonly verdict: 'argument-mutated';
  readonly ok: false;
  /** Which callable wrote into its input array. */
  readonly source: 'function' | 'derivative';
  /** First changed position of x, with its value before and after the call. */
  readonly index: number;
  readonly before: number;
  readonly after: number;
}

/** The outcome of one check. `ok` is true only for `pass`. */
export type CheckResult =
  | PassResult
  | MismatchResult
  | NonFiniteResult
  | OracleUnreliableResult
  | NondeterministicResult
  | ArgumentMutatedResult;
