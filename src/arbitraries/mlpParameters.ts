/**
 * Flat MLP parameter vectors with controlled scales, on dyadic grids (multiples of a power of two) so
 * that the network's first-layer sums are exact and counterexamples read as short binary fractions.
 * Weights of layer l are k·u_l with |k| ≤ 16 and u_l ≈ scale/(8·√fan_in) (so |w| ≲ 2·scale/√fan_in,
 * Xavier-like); biases are k·u_b with |k| ≤ 8 and u_b ≈ biasScale/8.
 */
import fc from 'fast-check';
import { GradcheckError } from '../errors.js';
import type { DType, FloatArray } from '../types.js';
import { dyadicUnit, mlpLayout } from './mlpLayout.js';
import type { MlpShape } from './mlpShapes.js';
import { checkKeys, choiceOption, numberOption } from './validate.js';

/** Options of {@link mlpParameters}. */
export interface MlpParametersConstraints {
  /** Weight scale: |w| ≲ 2·scale/√fan_in (default 1). */
  readonly scale?: number;
  /** Bias scale: |b| ≲ biasScale (default 0.5; 0 gives zero biases). */
  readonly biasScale?: number;
  /** `'float64'` → Float64Array (default), `'float32'` → Float32Array. */
  readonly dtype?: DType;
}

export const MLP_PARAMETER_KEYS = ['scale', 'biasScale', 'dtype'];

/** Fills and validates {@link MlpParametersConstraints}. */
export function mlpParametersConstraints(c: MlpParametersConstraints = {}, fn = 'mlpParameters') {
  return {
    scale: numberOption(fn, 'constraints.scale', c.scale, 1, 0, 1e6, true),
    biasScale: numberOption(fn, 'constraints.biasScale', c.biasScale, 0.5, 0, 1e6),
    dtype: choiceOption(fn, 'constraints.dtype', c.dtype, 'float64', ['float64', 'float32'] as const),
  };
}

/** Integer multiples k·unit, |k| ≤ kMax, `n` of them: shrinks to zeros. */
export function gridValues(n: number, unit: number, kMax: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: -kMax, max: kMax }), { minLength: n, maxLength: n })
    .map((ks) => ks.map((k) => k * unit));
}

/** Parameters (in the kernels' flat layout) as plain numbers, for resolved constraints. */
export function parameterValues(
  sizes: readonly number[],
  r: ReturnType<typeof mlpParametersConstraints>,
): fc.Arbitrary<number[]> {
  const bUnit = r.biasScale === 0 ? 0 : dyadicUnit(r.biasScale / 8);
  const parts = mlpLayout(sizes).layers.flatMap((slot) => [
    gridValues(slot.inDim * slot.outDim, dyadicUnit(r.scale / (8 * Math.sqrt(slot.inDim))), 16),
    gridValues(slot.outDim, bUnit, 8),
  ]);
  return fc.tuple(...parts).map((ps) => ps.flat());
}

/**
 * Parameter vectors for an MLP of `shape` (`{ sizes }`), in the kernels' layout: per layer W (in×out,
 * row-major) then b.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { mlpParameters } from 'gradcheck';
 * fc.sample(mlpParameters({ sizes: [2, 3, 2] }, { scale: 0.5 }), 1)[0]?.length; // 2·3 + 3 + 3·2 + 2 = 17
 * ```
 */
export function mlpParameters(
  shape: Pick<MlpShape, 'sizes'>,
  c?: MlpParametersConstraints & { dtype?: 'float64' },
): fc.Arbitrary<Float64Array>;
export function mlpParameters(
  shape: Pick<MlpShape, 'sizes'>,
  c: MlpParametersConstraints & { dtype: 'float32' },
): fc.Arbitrary<Float32Array>;
export function mlpParameters(
  shape: Pick<MlpShape, 'sizes'>,
  c?: MlpParametersConstraints,
): fc.Arbitrary<FloatArray>;
export function mlpParameters(
  shape: Pick<MlpShape, 'sizes'>,
  c: MlpParametersConstraints = {},
): fc.Arbitrary<FloatArray> {
  const fn = 'mlpParameters';
  const sizes = shape?.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s >= 1)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      'shape.sizes must list at least 2 positive integer widths',
      {
        arg: 'shape.sizes',
        details: { sizes },
      },
    );
  }
  checkKeys(fn, 'constraints', c, MLP_PARAMETER_KEYS);
  const r = mlpParametersConstraints(c, fn);
  return parameterValues(sizes, r).map((ps) =>
    r.dtype === 'float32' ? Float32Array.from(ps) : Float64Array.from(ps),
  );
}
