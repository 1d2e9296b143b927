/**
 * The hyperbolic tangent and its derivative 1 − tanh²(x) = sech²(x).
 */
import type { KernelOutput } from './arrays.js';
import { mapElements } from './elementwise.js';
import type { KernelInput } from './validate.js';

/**
 * tanh'(v) = sech²(v) = 4e/(1 + e)² with e = exp(−2|v|): no cancellation (1 − tanh² loses all digits
 * once tanh rounds to ±1, near |v| = 19), and no overflow (e underflows to 0 for huge |v|).
 */
export function tanhDerivativeOf(v: number): number {
  const e = Math.exp(-2 * Math.abs(v));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/**
 * Elementwise hyperbolic tangent (Math.tanh).
 *
 * @example tanh(new Float64Array([0, 1000])) // Float64Array [0, 1]
 */
export function tanh<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('tanh', x, Math.tanh);
}

/**
 * Elementwise derivative of tanh at x: sech²(x), accurate in the tails (tanhGrad(30) ≈ 3.5e-26, not 0).
 *
 * @example tanhGrad(new Float64Array([0])) // Float64Array [1]
 */
export function tanhGrad<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('tanhGrad', x, tanhDerivativeOf);
}
