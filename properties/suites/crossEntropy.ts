/**
 * The gradient of the mean softmax cross-entropy in the logits, (s·Σy − y)/rows, against finite
 * differences and against the symbolic oracle, with integer labels and with probability targets; and
 * the loss seen as a one-output function, whose VJP (g·∇) and JVP (⟨∇, t⟩) must agree too.
 */
import {
  checkGradient,
  crossEntropySymbolic,
  crossEntropyWithTargetsSymbolic,
  type DType,
  defineCheck,
  defineProperty,
  type FloatArray,
  type GradSpec,
  labels,
  logitBatches,
  probabilityTargets,
  withFields,
} from 'gradcheck';
import {
  CROSS_ENTROPY,
  CROSS_ENTROPY_TARGETS,
  type CrossEntropyImpl,
  type CrossEntropyTargetsImpl,
} from '../support/impls.js';
import { BATCH_COLS, BATCH_ROWS, DERIVATIVE_REGIMES, RUNS } from '../support/settings.js';
import { crossEntropyRowPathsSpec } from './crossEntropyRowPaths.js';

const withLabels = (dtype: DType) =>
  withFields(
    logitBatches({ maxRows: BATCH_ROWS, maxCols: BATCH_COLS, dtype, regimes: DERIVATIVE_REGIMES }),
    (b) => ({
      y: labels(b),
    }),
  );

const withTargets = (dtype: DType) =>
  withFields(
    logitBatches({ maxRows: BATCH_ROWS, maxCols: BATCH_COLS, dtype, regimes: DERIVATIVE_REGIMES }),
    (b) => ({
      t: probabilityTargets(b, { dtype }),
    }),
  );

/** ∇ of the mean cross-entropy with labels, against finite differences. */
export function crossEntropyGradientSpec(dtype: DType, impl: CrossEntropyImpl = CROSS_ENTROPY): GradSpec {
  return defineCheck({
    name: `cross-entropy gradient (${dtype})`,
    input: withLabels(dtype),
    f: ({ x, y, cols }) => impl.loss(x, y, cols),
    gradient: ({ x, y, cols }) => impl.grad(x, y, cols),
    options: { numRuns: RUNS, dtype },
  });
}

/** ∇ of the mean cross-entropy with labels, against `crossEntropySymbolic(labels, cols)`. */
export function crossEntropySymbolicSpec(dtype: DType, impl: CrossEntropyImpl = CROSS_ENTROPY): GradSpec {
  return defineProperty({
    name: `cross-entropy gradient vs symbolic (${dtype})`,
    input: withLabels(dtype),
    kind: 'gradient',
    dtype,
    oracle: 'symbolic',
    options: { numRuns: RUNS },
    check: ({ x, y, cols }, { seed, mode }) =>
      checkGradient(
        (z: FloatArray) => impl.loss(z, y, cols),
        (z: FloatArray) => impl.grad(z, y, cols),
        x,
        { oracle: crossEntropySymbolic(y, cols), dtype, seed, ...(mode ? { mode } : {}) },
      ),
  });
}

/** ∇ of the mean cross-entropy with probability targets, against finite differences. */
export function targetsGradientSpec(
  dtype: DType,
  impl: CrossEntropyTargetsImpl = CROSS_ENTROPY_TARGETS,
): GradSpec {
  return defineCheck({
    name: `cross-entropy with targets gradient (${dtype})`,
    input: withTargets(dtype),
    f: ({ x, t, cols }) => impl.loss(x, t, cols),
    gradient: ({ x, t, cols }) => impl.grad(x, t, cols),
    options: { numRuns: RUNS, dtype },
  });
}

/** ∇ of the mean cross-entropy with probability targets, against its symbolic oracle. */
export function targetsSymbolicSpec(
  dtype: DType,
  impl: CrossEntropyTargetsImpl = CROSS_ENTROPY_TARGETS,
): GradSpec {
  return defineProperty({
    name: `cross-entropy with targets gradient vs symbolic (${dtype})`,
    input: withTargets(dtype),
    kind: 'gradient',
    dtype,
    oracle: 'symbolic',
    options: { numRuns: RUNS },
    check: ({ x, t, cols }, { seed, mode }) =>
      checkGradient(
        (z: FloatArray) => impl.loss(z, t, cols),
        (z: FloatArray) => impl.grad(z, t, cols),
        x,
        { oracle: crossEntropyWithTargetsSymbolic(t, cols), dtype, seed, ...(mode ? { mode } : {}) },
      ),
  });
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The loss as a one-output function: its VJP g·∇ against finite differences (fast mode). */
export function crossEntropyVjpSpec(dtype: DType, impl: CrossEntropyImpl = CROSS_ENTROPY): GradSpec {
  return defineCheck({
    name: `cross-entropy vjp, fast mode (${dtype})`,
    input: withLabels(dtype),
    f: ({ x, y, cols }) => [impl.loss(x, y, cols)],
    vjp: ({ x, y, cols }, g) => impl.grad(x, y, cols).map((v) => v * g[0]!),
    options: { numRuns: RUNS, dtype, mode: 'fast' },
  });
}

/** The loss as a one-output function: its JVP ⟨∇, t⟩ against finite differences. */
export function crossEntropyJvpSpec(dtype: DType, impl: CrossEntropyImpl = CROSS_ENTROPY): GradSpec {
  return defineCheck({
    name: `cross-entropy jvp (${dtype})`,
    input: withLabels(dtype),
    f: ({ x, y, cols }) => [impl.loss(x, y, cols)],
    jvp: ({ x, y, cols }, t) => [dot(impl.grad(x, y, cols), t)],
    options: { numRuns: RUNS, dtype },
  });
}

/**
 * Every cross-entropy derivative spec in one dtype, then the row paths against 40-digit references
 * (confident rows, any targets, special rows). Batches of rows wider than the workspace are in
 * wideBatches.ts, which the gate runs last.
 */
export function crossEntropySuite(dtype: DType): GradSpec[] {
  return [
    crossEntropyGradientSpec(dtype),
    crossEntropySymbolicSpec(dtype),
    targetsGradientSpec(dtype),
    targetsSymbolicSpec(dtype),
    crossEntropyVjpSpec(dtype),
    crossEntropyJvpSpec(dtype),
    crossEntropyRowPathsSpec(dtype),
  ];
}
