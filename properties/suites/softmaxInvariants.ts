/**
 * Forward invariants of softmax and log-softmax, on every logit regime (±1e308 and `-Infinity` masks
 * included): rows are probability vectors, softmax is invariant under a common shift, and
 * exp(log-softmax) = softmax. Bounds from bounds.ts (ulps × SAFETY), shift perturbations exactly.
 */
import fc from 'fast-check';
import { checkInvariant, type DType, defineProperty, type GradSpec, logitBatches, ulp } from 'gradcheck';
import { KERNEL_ULPS, SAFETY, sumBound, U64 } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf, clamp, rowsOf } from '../support/rows.js';
import { ALL_REGIMES, FORWARD_COLS, FORWARD_ROWS, RUNS } from '../support/settings.js';

const batches = (dtype: DType) =>
  logitBatches({ maxRows: FORWARD_ROWS, maxCols: FORWARD_COLS, dtype, regimes: ALL_REGIMES });

/**
 * Every softmax value lies in [0, 1] exactly (a correctly rounded quotient e_j/S with e_j ≤ S cannot
 * leave it), and every row sums to 1 within sumBound (4 ulps per value, float64 summation).
 */
export function softmaxRowsSpec(dtype: DType, impl: RowwiseImpl = SOFTMAX): GradSpec {
  return defineProperty({
    name: `softmax rows sum to 1 and lie in [0, 1] (${dtype})`,
    input: batches(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const s = impl.forward(x, cols);
      return allOf(
        () =>
          checkInvariant(
            s,
            Array.from(s, (v) => clamp(v, 0, 1)),
            0,
            { name: 'softmax', cols, dtype },
          ),
        () => {
          const rows = rowsOf(s, cols);
          const sums = rows.map((r) => r.reduce((a, b) => a + b, 0));
          const allowed = rows.map((r) => sumBound(r, dtype, KERNEL_ULPS));
          return checkInvariant(sums, 1, allowed, { name: 'softmax row sum', dtype });
        },
      );
    },
  });
}

/** A + B = S + err exactly (Knuth's TwoSum); returns err. */
function roundingError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

const shifts = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(1e6, -1e6, 709.75, -745.25, 88.75, 1e12),
);

/**
 * softmax(x + c) = softmax(x). The shifted logits y = fl(x + c) are x + c + δ with δ known exactly
 * (TwoSum), and softmax(x + δ)ᵢ/softmax(x)ᵢ lies in [e^(−2‖δ‖∞), e^(2‖δ‖∞)], so each entry may move
 * by |sᵢ|·(e^(2‖δ‖∞) − 1) (at most 1), plus 4 ulps for each of the two kernel calls.
 */
export function softmaxShiftSpec(dtype: DType, impl: RowwiseImpl = SOFTMAX): GradSpec {
  return defineProperty({
    name: `softmax shift invariance (${dtype})`,
    input: fc.record({ batch: batches(dtype), c: shifts }),
    dtype,
    options: { numRuns: RUNS },
    check: ({ batch: { x, cols }, c }) => {
      const sums = Array.from(x, (v) => v + c);
      const y = dtype === 'float32' ? Float32Array.from(sums) : Float64Array.from(sums);
      const delta = Array.from(x, (v, i) =>
        Number.isFinite(v) ? y[i]! - sums[i]! - roundingError(v, c, sums[i]!) : 0,
      );
      const rowDelta = rowsOf(delta, cols).map((r) => Math.max(...r.map(Math.abs)));
      const expected = impl.forward(x, cols);
      const actual = impl.forward(y, cols);
      const allowed = Array.from(expected, (e, i) => {
        const growth = Math.expm1(2 * rowDelta[Math.floor(i / cols)]!);
        const moved = growth === Number.POSITIVE_INFINITY ? 1 : Math.min(1, Math.abs(e) * growth);
        return SAFETY * (KERNEL_ULPS * (ulp(e, dtype) + ulp(actual[i]!, dtype)) + moved);
      });
      return checkInvariant(actual, expected, allowed, { name: 'softmax(x + c)', cols, dtype });
    },
  });
}

/**
 * exp(log-softmax(x)) = softmax(x): with log sᵢ within 4 ulps (absolute error 4·ulp(log sᵢ)), exp
 * turns that into a relative error of 4·ulp(log sᵢ) plus its own 2u; softmax adds 4 ulps of sᵢ.
 */
export function expLogSoftmaxSpec(
  dtype: DType,
  soft: RowwiseImpl = SOFTMAX,
  log: RowwiseImpl = LOG_SOFTMAX,
): GradSpec {
  return defineProperty({
    name: `exp(log-softmax) = softmax (${dtype})`,
    input: batches(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const s = soft.forward(x, cols);
      const l = log.forward(x, cols);
      // A NaN bound (s or log s NaN) becomes 0: the NaN value itself then fails as non-finite.
      const allowed = Array.from(s, (v, i) => {
        const a = SAFETY * (KERNEL_ULPS * ulp(v, dtype) + v * (KERNEL_ULPS * ulp(l[i]!, dtype) + 2 * U64));
        return Number.isNaN(a) ? 0 : a;
      });
      return checkInvariant(Array.from(l, Math.exp), s, allowed, { name: 'exp(log-softmax)', cols, dtype });
    },
  });
}
