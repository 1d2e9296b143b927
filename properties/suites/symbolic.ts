/**
 * Softmax and log-softmax derivatives against the mathjs symbolic oracle (derivatives of the written-out
 * formulas, evaluated at max-shifted logits in float64 midpoint–radius arithmetic): Jacobians, VJPs and
 * JVPs of batches. The oracle is built per row width (its program is cached), so each run picks the one
 * for its batch. Regimes: those of the finite-difference specs. ±1e308 is left out because the
 * oracle's error bound overflows to +Infinity when a moderate logit sits next to ±1e308 (the rounding
 * of x − max is carried as an input radius: `softmaxSymbolic(2).jacobian([1e308, 2⁻¹³])` gives J = 0
 * with error Infinity), so the checker cannot decide there; the 40-digit reference covers ±1e308.
 */
import {
  blockDiagonal,
  checkJacobian,
  checkJvp,
  checkVjp,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  type LogitRegime,
  logitBatches,
  logSoftmaxSymbolic,
  type RowwiseOracle,
  softmaxSymbolic,
} from 'gradcheck';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { BATCH_ROWS, DERIVATIVE_REGIMES, JACOBIAN_COLS, RUNS } from '../support/settings.js';
import type { RowwiseKernel } from './finiteDifference.js';

const symbolicOf = (kernel: RowwiseKernel): ((cols: number) => RowwiseOracle) =>
  kernel === 'softmax' ? softmaxSymbolic : logSoftmaxSymbolic;
const reference = (kernel: RowwiseKernel) => (kernel === 'softmax' ? SOFTMAX : LOG_SOFTMAX);

/** The three derivative kinds a row-wise kernel offers. */
export type DerivativeKind = 'jacobian' | 'vjp' | 'jvp';

/**
 * `kernel`'s `kind` derivative against its symbolic oracle, on batches of up to BATCH_ROWS rows of JACOBIAN_COLS logits.
 * `variant` renames the spec and changes its regimes (regression replays use it).
 */
export function symbolicSpec(
  kernel: RowwiseKernel,
  kind: DerivativeKind,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
  variant: { readonly name: string; readonly regimes: readonly LogitRegime[] } | undefined = undefined,
): GradSpec {
  return defineProperty({
    name: variant?.name ?? `${kernel} ${kind} vs symbolic (${dtype})`,
    input: logitBatches({
      maxRows: BATCH_ROWS,
      maxCols: JACOBIAN_COLS,
      dtype,
      regimes: variant?.regimes ?? DERIVATIVE_REGIMES,
    }),
    kind,
    dtype,
    oracle: 'symbolic',
    options: { numRuns: RUNS },
    check: ({ x, cols }, { seed, mode }) => {
      const options = { oracle: symbolicOf(kernel)(cols), dtype, seed, ...(mode ? { mode } : {}) };
      const f = (z: FloatArray) => impl.forward(z, cols);
      switch (kind) {
        case 'jacobian':
          return checkJacobian(f, (z: FloatArray) => blockDiagonal(impl.jacobian(z, cols), cols), x, options);
        case 'vjp':
          return checkVjp(f, (z: FloatArray, g: FloatArray) => impl.vjp(z, g, cols), x, options);
        default:
          return checkJvp(f, (z: FloatArray, t: FloatArray) => impl.jvp(z, t, cols), x, options);
      }
    },
  });
}

/** Every symbolic spec of both kernels in one dtype. */
export function symbolicSuite(dtype: DType): GradSpec[] {
  return (['softmax', 'log-softmax'] as const).flatMap((kernel) =>
    (['jacobian', 'vjp', 'jvp'] as const).map((kind) => symbolicSpec(kernel, kind, dtype)),
  );
}
