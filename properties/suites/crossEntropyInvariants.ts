/**
 * Invariants of softmax cross-entropy, with integer labels and with probability targets, on every
 * finite regime: the loss is never negative (−Σ yⱼ log sⱼ with log sⱼ ≤ 0 and yⱼ ≥ 0, exactly so in
 * floating point too), and each row of its gradient (s·Σy − y)/rows sums to 0.
 */
import {
  checkInvariant,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  labels,
  logitBatches,
  probabilityTargets,
  UNIT_ROUNDOFF,
  ulp,
  withFields,
} from 'gradcheck';
import { KERNEL_ULPS, SAFETY, U64 } from '../support/bounds.js';
import {
  CROSS_ENTROPY,
  CROSS_ENTROPY_TARGETS,
  type CrossEntropyImpl,
  type CrossEntropyTargetsImpl,
} from '../support/impls.js';
import { allOf, rowsOf } from '../support/rows.js';
import { FINITE_REGIMES, FORWARD_COLS, FORWARD_ROWS, RUNS } from '../support/settings.js';

/**
 * Row sums of a gradient (s·Σy − y)/rows and their bounds. Entry j rounds sⱼ (4 ulps), the product
 * and the difference (whose operands may cancel: their magnitudes are at most |gⱼ|·rows + yⱼ) and
 * the division, and a float32 result rounds once more: (4 + 1)·2u_d + 2u relative to |gⱼ| + yⱼ/rows;
 * the float64 row sum adds (n − 1)·u·Σ|gⱼ|; subnormal results add one smallest ulp each.
 */
function gradientRowSums(grad: FloatArray, y: ArrayLike<number>, rows: number, cols: number, dtype: DType) {
  const g = rowsOf(grad, cols);
  const t = rowsOf(y, cols);
  const sums = g.map((r) => r.reduce((a, b) => a + b, 0));
  const allowed = g.map((r, i) => {
    let magnitude = 0;
    for (let j = 0; j < cols; j++) magnitude += Math.abs(r[j]!) + Math.abs(t[i]![j]!) / rows;
    const relative = (KERNEL_ULPS + 1) * 2 * UNIT_ROUNDOFF[dtype] + (cols + 2) * U64;
    return SAFETY * (relative * magnitude + cols * ulp(0, dtype));
  });
  return { sums, allowed };
}

/** One-hot rows of integer labels. */
function oneHot(ls: Int32Array, cols: number): Float64Array {
  const out = new Float64Array(ls.length * cols);
  ls.forEach((l, r) => {
    out[r * cols + l] = 1;
  });
  return out;
}

/** Cross-entropy ≥ 0 (exactly) and gradient rows summing to 0, for labels and for probability targets. */
export function crossEntropyInvariantSpec(
  dtype: DType,
  withLabels: CrossEntropyImpl = CROSS_ENTROPY,
  withTargets: CrossEntropyTargetsImpl = CROSS_ENTROPY_TARGETS,
): GradSpec {
  const input = withFields(
    logitBatches({ maxRows: FORWARD_ROWS, maxCols: FORWARD_COLS, dtype, regimes: FINITE_REGIMES }),
    (b) => ({ y: labels(b), t: probabilityTargets(b, { dtype }) }),
  );
  const nonNegative = (loss: number, name: string) =>
    checkInvariant([loss], [Number.isNaN(loss) ? 0 : Math.max(loss, 0)], 0, { name, dtype });
  return defineProperty({
    name: `cross-entropy non-negative, gradient rows sum to 0 (${dtype})`,
    input,
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, rows, cols, y, t }) =>
      allOf(
        () => nonNegative(withLabels.loss(x, y, cols), 'cross-entropy (labels)'),
        () => nonNegative(withTargets.loss(x, t, cols), 'cross-entropy (targets)'),
        () => {
          const { sums, allowed } = gradientRowSums(
            withLabels.grad(x, y, cols),
            oneHot(y, cols),
            rows,
            cols,
            dtype,
          );
          return checkInvariant(sums, 0, allowed, { name: 'gradient row sum (labels)', dtype });
        },
        () => {
          const { sums, allowed } = gradientRowSums(withTargets.grad(x, t, cols), t, rows, cols, dtype);
          return checkInvariant(sums, 0, allowed, { name: 'gradient row sum (targets)', dtype });
        },
      ),
  });
}
