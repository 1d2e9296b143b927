/**
 * float32 kernels against float64 ones on the same (float32-representable) logits: each float32 result
 * must lie within its own accuracy claim of the exact value, so within that claim plus the float64
 * one of the float64 result. Logits aim at the float32 edges (88.72, −103.97, 3.4e38).
 */
import {
  checkInvariant,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  logitBatches,
  ulp,
} from 'gradcheck';
import { JACOBIAN_ULPS, KERNEL_ULPS } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf } from '../support/rows.js';
import { ALL_REGIMES, BATCH_ROWS, JACOBIAN_COLS, RUNS } from '../support/settings.js';

/**
 * |r32 − r64| ≤ k·ulp₃₂(r64) + 2k·ulp₆₄(r64) for a result claimed within k ulps of exact in each
 * dtype: the float64 ulp is doubled because it is taken at r64 rather than at the exact value.
 */
function agree(name: string, r32: FloatArray, r64: FloatArray, cols: number, ulps: number) {
  // A float64 result beyond the float32 range must round to the infinity of its sign.
  const expected = Array.from(r64, (v) => (Number.isFinite(Math.fround(v)) ? v : Math.fround(v)));
  const allowed = expected.map((v) => {
    const a = ulps * ulp(v, 'float32') + 2 * ulps * ulp(v, 'float64');
    return Number.isFinite(a) ? a : 0;
  });
  return checkInvariant(r32, expected, allowed, { name, cols, dtype: 'float32' });
}

/**
 * softmax, log-softmax (4 ulps) and the softmax Jacobian (10 ulps) in float32 agree with float64.
 * A float64 result beyond the float32 range (log-softmax of [1.9e38, −1.6e38] is −3.5e38) must give
 * the float32 infinity of its sign.
 */
export function float32AgreementSpec(soft: RowwiseImpl = SOFTMAX, log: RowwiseImpl = LOG_SOFTMAX): GradSpec {
  const dtype: DType = 'float32';
  return defineProperty({
    name: 'float32 softmax, log-softmax and jacobian within bound of float64',
    input: logitBatches({ maxRows: BATCH_ROWS, maxCols: JACOBIAN_COLS, dtype, regimes: ALL_REGIMES }),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols }) => {
      const x64 = Float64Array.from(x);
      return allOf(
        () => agree('softmax', soft.forward(x, cols), soft.forward(x64, cols), cols, KERNEL_ULPS),
        () => agree('log-softmax', log.forward(x, cols), log.forward(x64, cols), cols, KERNEL_ULPS),
        () => agree('softmax J', soft.jacobian(x, cols), soft.jacobian(x64, cols), cols, JACOBIAN_ULPS),
      );
    },
  });
}
