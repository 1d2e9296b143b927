/**
 * Softmax and log-softmax derivatives against finite differences (Richardson-extrapolated central
 * differences with an error estimate): full Jacobians of batches (block-diagonal), VJPs with the
 * checker's basis cotangents and with generated ones (which need not sum to 1), JVPs, and a fast-mode
 * check (random projections, ⟨u, Jᵀv⟩ = ⟨Ju, v⟩). Logits from every regime a step can resolve.
 */
import {
  blockDiagonal,
  cotangents,
  type DType,
  defineCheck,
  type GradSpec,
  logitBatches,
  withFields,
} from 'gradcheck';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { BATCH_COLS, BATCH_ROWS, DERIVATIVE_REGIMES, JACOBIAN_COLS, RUNS } from '../support/settings.js';

/** Which row-wise kernel a spec is about: its name in spec names and its reference implementation. */
export type RowwiseKernel = 'softmax' | 'log-softmax';

const reference = (kernel: RowwiseKernel) => (kernel === 'softmax' ? SOFTMAX : LOG_SOFTMAX);

const batches = (dtype: DType, maxRows: number, maxCols: number) =>
  logitBatches({ maxRows, maxCols, dtype, regimes: DERIVATIVE_REGIMES });

/** The full Jacobian of a batch of up to 2 rows (block-diagonal from the per-row blocks). */
export function jacobianSpec(
  kernel: RowwiseKernel,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
): GradSpec {
  return defineCheck({
    name: `${kernel} jacobian (${dtype})`,
    input: batches(dtype, 2, JACOBIAN_COLS),
    f: ({ x, cols }) => impl.forward(x, cols),
    jacobian: ({ x, cols }) => blockDiagonal(impl.jacobian(x, cols), cols),
    options: { numRuns: RUNS, dtype },
  });
}

/** The VJP of a batch, every cotangent of the checker's basis (full mode). */
export function vjpSpec(
  kernel: RowwiseKernel,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
): GradSpec {
  return defineCheck({
    name: `${kernel} vjp (${dtype})`,
    input: batches(dtype, BATCH_ROWS, BATCH_COLS),
    f: ({ x, cols }) => impl.forward(x, cols),
    vjp: ({ x, cols }, g) => impl.vjp(x, g, cols),
    options: { numRuns: RUNS, dtype },
  });
}

/**
 * The VJP along generated cotangents (random, one-hot, summing to 1, to 0, ±1), checked as the
 * gradient of ⟨g, f(x)⟩: basis cotangents all sum to 1 on a single row, generated ones need not.
 */
export function cotangentVjpSpec(
  kernel: RowwiseKernel,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
): GradSpec {
  return defineCheck({
    name: `${kernel} vjp along generated cotangents (${dtype})`,
    input: withFields(batches(dtype, BATCH_ROWS, BATCH_COLS), (b) => ({ g: cotangents(b, { dtype }) })),
    f: ({ x, cols }) => impl.forward(x, cols),
    vjp: ({ x, cols }, g) => impl.vjp(x, g, cols),
    cotangent: ({ g }) => g,
    options: { numRuns: RUNS, dtype },
  });
}

/** The JVP of a batch along the checker's tangents. */
export function jvpSpec(
  kernel: RowwiseKernel,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
): GradSpec {
  return defineCheck({
    name: `${kernel} jvp (${dtype})`,
    input: batches(dtype, BATCH_ROWS, BATCH_COLS),
    f: ({ x, cols }) => impl.forward(x, cols),
    jvp: ({ x, cols }, t) => impl.jvp(x, t, cols),
    options: { numRuns: RUNS, dtype },
  });
}

/**
 * The VJP in fast mode (random projections and group-testing localisation), on wider batches (up to 3 rows of 24):
 * its cost does not grow with the number of logits.
 */
export function fastVjpSpec(
  kernel: RowwiseKernel,
  dtype: DType,
  impl: RowwiseImpl = reference(kernel),
): GradSpec {
  return defineCheck({
    name: `${kernel} vjp, fast mode (${dtype})`,
    input: batches(dtype, 3, 24),
    f: ({ x, cols }) => impl.forward(x, cols),
    vjp: ({ x, cols }, g) => impl.vjp(x, g, cols),
    options: { numRuns: RUNS, dtype, mode: 'fast' },
  });
}

/** Every finite-difference spec of both kernels in one dtype. */
export function finiteDifferenceSuite(dtype: DType): GradSpec[] {
  return (['softmax', 'log-softmax'] as const).flatMap((kernel) => [
    jacobianSpec(kernel, dtype),
    vjpSpec(kernel, dtype),
    cotangentVjpSpec(kernel, dtype),
    jvpSpec(kernel, dtype),
    fastVjpSpec(kernel, dtype),
  ]);
}
