/**
 * Overflow and accuracy of the forward kernels: on every regime (logits beyond the exp overflow edges
 * 709.78 / 88.72, ±1e308, shifts up to 1e12, near-ties, tiny spreads, −Infinity masks) softmax and
 * log-softmax are finite where the exact value is, and within KERNEL_ULPS = 4 ulps of the package's
 * 40-digit decimal references (`preciseSoftmax`, `preciseLogSoftmax`). A reference beyond the largest
 * finite number counts as correctly rounded to the infinity of its sign (`ulpError`). Rows holding a
 * NaN, +Infinity entries or only −Infinity are planted too: kernels and references document the same
 * conventions for them (NaN rows, shared mass, zeros / −Infinity).
 */
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  type Decimal,
  type DType,
  decimalContext,
  defineProperty,
  exactDecimal,
  type FloatArray,
  type GradSpec,
  labels,
  logitBatches,
  preciseLogSoftmax,
  preciseSoftmax,
  probabilityTargets,
  withFields,
} from 'gradcheck';
import { KERNEL_ULPS } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf } from '../support/rows.js';
import { ALL_REGIMES, RUNS } from '../support/settings.js';
import { withSpecialRows } from '../support/specialRows.js';
import { withinUlps } from '../support/ulps.js';

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
    input: withSpecialRows(
      logitBatches({ maxRows: PRECISE_ROWS, maxCols: PRECISE_COLS, dtype, regimes: ALL_REGIMES }),
    ),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const value = forward(x, cols);
      const exact = reference(x, cols, { digits: REFERENCE_DIGITS });
      return withinUlps(value, exact, dtype, KERNEL_ULPS, { name: `${kernel} error in ulps`, cols, dtype });
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
  return [softmaxAccuracySpec(dtype), logSoftmaxAccuracySpec(dtype), crossEntropyAccuracySpec(dtype)];
}

/**
 * Mean cross-entropy with labels and with probability targets, and its gradient with labels, against
 * the 40-digit log-softmax: loss = (1/rows)·Σ_r −Σ_{j: y≠0} y_j·log s_j (zero targets skipped, as the
 * kernels document, so a masked logit with zero target costs nothing), gradient (s − onehot)/rows
 * with its label entry −Σ_{k≠label} s_k/rows. Losses are float64 whatever the logits' type.
 */
export function crossEntropyAccuracySpec(
  dtype: DType,
  impl: {
    loss: typeof crossEntropy;
    targets: typeof crossEntropyWithTargets;
    grad: typeof crossEntropyGrad;
  } = {
    loss: crossEntropy,
    targets: crossEntropyWithTargets,
    grad: crossEntropyGrad,
  },
): GradSpec {
  const input = withFields(
    withSpecialRows(
      logitBatches({ maxRows: PRECISE_ROWS, maxCols: PRECISE_COLS, dtype, regimes: ALL_REGIMES }),
    ),
    (b) => ({ y: labels(b), t: probabilityTargets(b, { dtype }) }),
  );
  return defineProperty({
    name: `cross-entropy within 4 ulps of a 40-digit reference (${dtype})`,
    input,
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, rows, cols, y, t }) => {
      const l = preciseLogSoftmax(x, cols, { digits: REFERENCE_DIGITS });
      const s = preciseSoftmax(x, cols, { digits: REFERENCE_DIGITS });
      const D = decimalContext(REFERENCE_DIGITS);
      const zero = new D(0);
      let withLabels = zero;
      let withTargets = zero;
      const grad: Decimal[] = [];
      for (let r = 0; r < rows; r++) {
        withLabels = withLabels.minus(l[r * cols + y[r]!]!);
        for (let j = 0; j < cols; j++) {
          const tj = t[r * cols + j]!;
          if (tj !== 0) withTargets = withTargets.minus(l[r * cols + j]!.times(exactDecimal(tj)));
          let g = s[r * cols + j]!;
          if (j === y[r]) {
            // s_label − 1 = −Σ_{k≠label} s_k keeps 40 digits when s_label ≈ 1, unless the row is
            // fully masked (all s are 0 by convention, the sum is not 1) or NaN.
            let others = zero;
            for (let k = 0; k < cols; k++) if (k !== j) others = others.plus(s[r * cols + k]!);
            g = others.plus(g).minus(1).abs().lt(1e-30) ? others.neg() : g.minus(1);
          }
          grad.push(g.div(rows));
        }
      }
      const loss = [impl.loss(x, y, cols), impl.targets(x, t, cols)];
      const exactLoss = [withLabels.div(rows), withTargets.div(rows)];
      return allOf(
        () =>
          withinUlps(loss, exactLoss, 'float64', KERNEL_ULPS, {
            name: 'cross-entropy (labels, targets) error in float64 ulps',
          }),
        () =>
          withinUlps(impl.grad(x, y, cols), grad, dtype, KERNEL_ULPS, {
            name: 'cross-entropy gradient error in ulps',
            cols,
            dtype,
          }),
      );
    },
  });
}
