/**
 * The logistic sigmoid σ(x) = 1/(1 + e^−x) and its derivative σ'(x) = σ(x)(1 − σ(x)).
 */
import type { KernelOutput } from './arrays.js';
import { mapElements } from './elementwise.js';
import type { KernelInput } from './validate.js';

/**
 * σ(v) without overflow: 1/(1 + e^−v) for v ≥ 0, e^v/(1 + e^v) for v < 0 (a few ulps everywhere,
 * including σ(−745) = 5e-324 and σ(40) = 1). NaN stays NaN.
 */
export function sigmoidOf(v: number): number {
  // Stryker disable next-line EqualityOperator: at v = ±0 both branches give exactly 0.5 (1/(1 + 1) and 1/(1 + 1))
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** σ'(v) = σ(v)·σ(−v): the product form keeps relative accuracy in both tails (1 − σ would not). */
export function sigmoidDerivativeOf(v: number): number {
  return sigmoidOf(v) * sigmoidOf(-v);
}

/**
 * Elementwise logistic sigmoid.
 *
 * @param x Float64Array, Float32Array or number[]; any length. @returns x's array type.
 * @example sigmoid(new Float64Array([0, 1000, -1000])) // Float64Array [0.5, 1, 0]
 */
export function sigmoid<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('sigmoid', x, sigmoidOf);
}

/**
 * Elementwise derivative of the sigmoid at x: σ(x)(1 − σ(x)), computed as σ(x)σ(−x).
 *
 * @example sigmoidGrad(new Float64Array([0])) // Float64Array [0.25]
 */
export function sigmoidGrad<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('sigmoidGrad', x, sigmoidDerivativeOf);
}
