/**
 * Overflow and accuracy of the forward kernels: on every regime (logits beyond the exp overflow edges
 * 709.78 / 88.72, ±1e308, shifts up to 1e12, near-ties, tiny spreads, −Infinity masks) softmax and
 * log-softmax are finite where the exact value is, and within KERNEL_ULPS = 4 ulps of the package's
 * 40-digit decimal references (`preciseSoftmax`, `preciseLogSoftmax`). A reference beyond the largest
 * finite number counts as correctly rounded to the infinity of its sign (`ulpError`).
 */
import {
  checkInvariant,
  type Decimal,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  logitBatches,
  preciseLogSoftmax,
  preciseSoftmax,
} from 'gradcheck';
import { KERNEL_ULPS } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { ALL_REGIMES, RUNS } from '../support/settings.js';
import { ulpsFrom } from '../support/ulps.js';

/** Digits of the decimal references: 40 resolve a float64 ulp with 24 digits to spare. */
export const REFERENCE_DIGITS = 40;
/** Widest row and most rows of the precise properties (a 40-digit exponential costs ~0.3 ms). */
export const PRECISE_COLS = 6;
export const PRECISE_ROWS = 2;

type Reference = (x: ArrayLike<number>, cols: number, options: { digits: number }) => Decimal[];

function ulpSpec(
  kernel: string,
  dtype: DType,
  forward: (x: FloatArray, cols: number) => FloatArray,
  reference: Reference,
): GradSpec {
  return defineProperty({
    name: `${kernel} within 4 ulps of a 40-digit reference (${dtype})`,
    input: logitBatches({ maxRows: PRECISE_ROWS, maxCols: PRECISE_COLS, dtype, regimes: ALL_REGIMES }),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const value = forward(x, cols);
      const exact = reference(x, cols, { digits: REFERENCE_DIGITS });
      const errors = Array.from(value, (v, i) => ulpsFrom(v, exact[i]!, dtype, KERNEL_ULPS));
      return checkInvariant(errors, 0, KERNEL_ULPS, { name: `${kernel} error in ulps`, cols, dtype });
    },
  });
}

/** softmax within 4 ulps of `preciseSoftmax` on every regime. */
export function softmaxAccuracySpec(dtype: DType, impl: RowwiseImpl = SOFTMAX): GradSpec {
  return ulpSpec('softmax', dtype, impl.forward, preciseSoftmax);
}

/** log-softmax within 4 ulps of `preciseLogSoftmax` on every regime (−Infinity where it overflows). */
export function logSoftmaxAccuracySpec(dtype: DType, impl: RowwiseImpl = LOG_SOFTMAX): GradSpec {
  return ulpSpec('log-softmax', dtype, impl.forward, preciseLogSoftmax);
}

/** The accuracy specs of one dtype. */
export function accuracySuite(dtype: DType): GradSpec[] {
  return [softmaxAccuracySpec(dtype), logSoftmaxAccuracySpec(dtype)];
}
