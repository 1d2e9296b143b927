/**
 * `checkInvariant`: a CheckResult (kind `invariant`, oracle `exact`) comparing computed values with the
 * values a mathematical identity demands, each within its own allowed bound. The same result type as
 * the derivative checkers, so invariants flow through properties, reports and matchers unchanged.
 * NaN never passes: an entry holds only when `|actual − expected| ≤ allowed` is true.
 */
import type { CheckResult, Entry } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
import { type DType, dtypeOf, type NumericArray } from '../types.js';
import { invariantEntries } from './invariantEntries.js';
import { invariantMessage } from './invariantMessage.js';

/** Per-entry bound: one number for all, one per entry, or computed from the expected value. */
export type AllowedBound = number | NumericArray | ((expected: number, index: number) => number);

/** Options of {@link checkInvariant}. */
export interface InvariantOptions {
  /** What the values are, for labels and the message (default `'value'`: labels `value[3]`). */
  readonly name?: string;
  /** Row width: entries are labelled `name[r,c]`, and a failing result carries the matrix (≤ 4096 entries). */
  readonly cols?: number;
  /** dtype for the result (default: the actual values' array type). */
  readonly dtype?: DType;
  /** Entries kept in the result, worst first (default 10). */
  readonly maxEntries?: number;
  /** Reported as the result's inputSize (default: the number of values). */
  readonly inputSize?: number;
  /** Reported as the result's seed (default 0: an invariant makes no random choice). */
  readonly seed?: number;
}

const FN = 'checkInvariant';

function asArray(v: number | NumericArray, arg: string, n?: number): ArrayLike<number> {
  if (typeof v === 'number') return new Array<number>(n ?? 1).fill(v);
  if (!Array.isArray(v) && !(v instanceof Float64Array) && !(v instanceof Float32Array)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      FN,
      `${arg} must be a number, number[], Float64Array or Float32Array`,
      {
        arg,
      },
    );
  }
  if (n !== undefined && v.length !== n) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      FN,
      `${arg} must have one value per actual value (actual.length=${n}, ${arg}.length=${v.length})`,
      { arg },
    );
  }
  return v;
}

function bounds(allowed: AllowedBound, expected: ArrayLike<number>): number[] {
  const n = expected.length;
  const all =
    typeof allowed === 'function'
      ? Array.from({ length: n }, (_, i) => allowed(expected[i]!, i))
      : Array.from(asArray(allowed, 'allowed', n));
  const bad = all.findIndex((b) => typeof b !== 'number' || !(b >= 0));
  if (bad >= 0) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      FN,
      `allowed must be ≥ 0 for every entry (entry ${bad}: ${all[bad]})`,
      {
        arg: 'allowed',
      },
    );
  }
  return all;
}

/**
 * Compares `actual` with `expected` (a number is broadcast) entry by entry: `|actual − expected| ≤ allowed`.
 * Verdicts: `pass`; `mismatch` (entries worst first by |Δ|/allowed, the failing ones in `located`);
 * `non-finite` when an actual value is NaN or an infinity that differs from the expected one (source
 * `function`), or an expected value is NaN (source `oracle`). Equal infinities match.
 *
 * @example
 * ```ts
 * import { checkInvariant } from 'gradcheck';
 * checkInvariant([1, 1 + 2e-16], 1, 4e-16, { name: 'row sum' }).ok; // true
 * checkInvariant([1, 1.001], 1, 4e-16, { name: 'row sum' }).verdict; // 'mismatch'
 * ```
 */
export function checkInvariant(
  actual: number | NumericArray,
  expected: number | NumericArray,
  allowed: AllowedBound,
  options: InvariantOptions = {},
): CheckResult {
  const start = performance.now();
  const a = asArray(actual, 'actual');
  if (a.length === 0)
    throw new GradcheckError('GC_EMPTY_INPUT', FN, 'actual must hold at least one value (given 0)', {
      arg: 'actual',
    });
  const e = asArray(expected, 'expected', a.length);
  const name = options.name ?? 'value';
  const cols = options.cols;
  if (cols !== undefined && (!Number.isInteger(cols) || cols < 1 || a.length % cols !== 0)) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      FN,
      `options.cols must divide actual.length (actual.length=${a.length}, cols=${cols})`,
      {
        arg: 'options.cols',
      },
    );
  }
  const perEntry = bounds(allowed, e);
  const all = invariantEntries(a, e, perEntry, name, cols);
  const failing = all.filter((x) => !(x.absDiff <= x.allowed));
  const entries: readonly Entry[] = all.slice(0, options.maxEntries ?? 10);
  const common = {
    kind: 'invariant' as const,
    mode: 'full' as const,
    dtype: options.dtype ?? (typeof actual === 'number' ? 'float64' : dtypeOf(actual)),
    oracle: 'exact' as const,
    seed: options.seed ?? 0,
    inputSize: options.inputSize ?? a.length,
    outputSize: a.length,
    compared: a.length,
    entries,
    evaluations: { function: 0, derivative: 0 },
  };
  const finish = <R extends object>(r: R) => ({ ...r, durationMs: performance.now() - start });
  const message = invariantMessage(name, all, failing);
  const oracleNaN = all.find((x) => Number.isNaN(x.oracle));
  const bad = oracleNaN ?? failing.find((x) => !Number.isFinite(x.analytic));
  if (bad !== undefined) {
    const source = oracleNaN ? ('oracle' as const) : ('function' as const);
    const value = source === 'oracle' ? bad.oracle : bad.analytic;
    return finish({
      ...common,
      verdict: 'non-finite',
      ok: false,
      source,
      index: bad.index,
      value,
      message: message.nonFinite(bad, source),
    });
  }
  if (failing.length === 0) return finish({ ...common, verdict: 'pass', ok: true, message: message.pass() });
  const matrix =
    cols !== undefined && a.length <= 4096
      ? {
          rows: a.length / cols,
          cols,
          analytic: Array.from(a),
          oracle: Array.from(e),
          allowed: perEntry,
        }
      : undefined;
  return finish({
    ...common,
    verdict: 'mismatch',
    ok: false,
    located: failing.map((x) => x.index),
    ...(matrix ? { matrix } : {}),
    message: message.mismatch(),
  });
}
