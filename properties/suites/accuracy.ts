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
  ulpError,
} from 'gradcheck';
import { KERNEL_ULPS } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { ALL_REGIMES, BATCH_ROWS, RUNS } from '../support/settings.js';

/** Digits of the decimal references: 40 resolve a float64 ulp with 24 digits to spare. */
export const REFERENCE_DIGITS = 40;
/** Widest row of the precise properties (decimal exponentials cost ~20 µs each). */
const PRECISE_COLS = 16;

type Reference = (x: ArrayLike<number>, cols: number, options: { digits: number }) => Decimal[];

function ulpSpec(
  kernel: string,
  dtype: DType,
  forward: (x: FloatArray, cols: number) => FloatArray,
  reference: Reference,
): GradSpec {
  return defineProperty({
    name: `${kernel} within 4 ulps of a 40-digit reference (${dtype})`,
    input: logitBatches({ maxRows: BATCH_ROWS, maxCols: PRECISE_COLS, dtype, regimes: ALL_REGIMES }),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const value = forward(x, cols);
      const exact = reference(x, cols, { digits: REFERENCE_DIGITS });
      const errors = Array.from(value, (v, i) => ulpError(v, exact[i]!, dtype));
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
