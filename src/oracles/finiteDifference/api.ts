/**
 * The finite-difference oracle as a public API: a whole Jacobian, or one directional derivative, each
 * with a per-value error estimate — Richardson-extrapolated central differences on exact, dtype-aware
 * steps (see `estimateLine.ts`), with f's noise estimated by ECnoise (see `noise.ts`).
 */
import { GradcheckError } from '../../errors.js';
import type { DType, NumericArray } from '../../types.js';
import { UNIT_ROUNDOFF } from '../../types.js';
import { estimateLine, type LineContext } from './estimateLine.js';
import { toGrid } from './grid.js';
import { type FiniteDifferenceJacobian, finiteDifferenceColumns } from './jacobian.js';
import { estimateNoise } from './sampleNoise.js';
import { FINITE_DIFFERENCE_DEFAULTS, type FiniteDifferenceSettings } from './settings.js';

/** Options of the public finite-difference functions. */
export interface FiniteDifferenceOptions {
  /** Grid and rounding model (default: float32 when x or f(x) is a Float32Array, else float64). */
  readonly dtype?: DType;
  /** Largest step (default 2⁻² float64, 2⁻¹ float32). */
  readonly step?: number;
  /** Most halvings of the step (default 20 float64, 16 float32). */
  readonly maxLevels?: number;
}

/** A directional derivative with its error estimate. */
export interface DirectionalDerivative {
  readonly value: Float64Array;
  readonly error: Float64Array;
  /** Per component: 0 smooth, 1 kink, 2 discontinuity, 3 no usable step. */
  readonly status: Uint8Array;
  readonly evaluations: number;
}

const FN_J = 'finiteDifferenceJacobian';
const FN_D = 'directionalDerivative';

/**
 * The m×n Jacobian of f at x by finite differences, with an error bound per entry.
 * @example finiteDifferenceJacobian((x) => x.map(Math.exp), [0, 1]).values // ≈ [1, 0, 0, e]
 */
export function finiteDifferenceJacobian(
  f: (x: Float64Array) => NumericArray,
  x: NumericArray,
  options: FiniteDifferenceOptions = {},
): FiniteDifferenceJacobian {
  const ctx = context(FN_J, f, x, options);
  const fd = finiteDifferenceColumns(ctx.line);
  return { ...fd, evaluations: ctx.evaluations };
}

/**
 * The derivative of f at x along v (J·v) by finite differences, with an error bound per component.
 * @example directionalDerivative((x) => [x[0] * x[1]], [2, 3], [1, 1]).value // ≈ [5]
 */
export function directionalDerivative(
  f: (x: Float64Array) => NumericArray,
  x: NumericArray,
  v: NumericArray,
  options: FiniteDifferenceOptions = {},
): DirectionalDerivative {
  const ctx = context(FN_D, f, x, options);
  const dir = finiteArray(FN_D, 'v', v);
  if (dir.length !== ctx.line.x.length) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      FN_D,
      `v must have the length of x (x.length=${ctx.line.x.length}, v.length=${dir.length})`,
      { arg: 'v' },
    );
  }
  const est = estimateLine(ctx.line, { kind: 'direction', v: dir });
  return { value: est.value, error: est.error, status: est.status, evaluations: ctx.evaluations };
}

function context(
  fn: string,
  f: (x: Float64Array) => NumericArray,
  x: NumericArray,
  o: FiniteDifferenceOptions,
) {
  if (typeof f !== 'function')
    throw new GradcheckError('GC_INVALID_ARGUMENT', fn, 'f must be a function', { arg: 'f' });
  const x0 = finiteArray(fn, 'x', x);
  let evaluations = 0;
  let m = -1;
  let float32 = x instanceof Float32Array;
  const evaluate = (p: Float64Array): Float64Array => {
    evaluations++;
    const out = f(Float64Array.from(p));
    if (!(out instanceof Float64Array || out instanceof Float32Array || Array.isArray(out))) {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        'f must return a number[], Float64Array or Float32Array',
        { arg: 'f' },
      );
    }
    if (out instanceof Float32Array) float32 = true;
    if (m >= 0 && out.length !== m) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        fn,
        `f must return ${m} values at every point (returned ${out.length})`,
        { arg: 'f' },
      );
    }
    return Float64Array.from(out as ArrayLike<number>);
  };
  let fx = evaluate(x0);
  m = fx.length;
  const dtype: DType = o.dtype ?? (float32 ? 'float32' : 'float64');
  const xs = x0.map((v) => toGrid(dtype, v));
  if (xs.some((v, i) => v !== x0[i])) fx = evaluate(xs);
  const base = FINITE_DIFFERENCE_DEFAULTS[dtype];
  const settings: FiniteDifferenceSettings = {
    ...base,
    initialStep: o.step ?? base.initialStep,
    maxLevels: o.maxLevels ?? base.maxLevels,
    minLevels: Math.min(base.minLevels, o.maxLevels ?? base.maxLevels),
  };
  const direction = xs.map((_, i) => (i % 2 === 0 ? 1 : -1));
  const sigma = estimateNoise(evaluate, xs, fx, settings, direction).sigma;
  for (let i = 0; i < m; i++) sigma[i] = Math.max(sigma[i]!, UNIT_ROUNDOFF[dtype] * Math.abs(fx[i]!));
  const line: LineContext = { f: evaluate, x: xs, fx, sigma, settings };
  return {
    line,
    get evaluations() {
      return evaluations;
    },
  };
}

function finiteArray(fn: string, arg: string, a: NumericArray): Float64Array {
  if (!(a instanceof Float64Array || a instanceof Float32Array || Array.isArray(a)) || a.length === 0) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a non-empty number[], Float64Array or Float32Array`,
      { arg },
    );
  }
  const out = Float64Array.from(a as ArrayLike<number>);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new GradcheckError('GC_NON_FINITE_INPUT', fn, `${arg}[${bad}] must be finite (given ${out[bad]})`, {
      arg,
    });
  }
  return out;
}
