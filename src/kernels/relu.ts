/**
 * The rectifier relu(x) = max(0, x) and its derivative, with relu'(0) = 0 by convention.
 */
import type { KernelOutput } from './arrays.js';
import { mapElements } from './elementwise.js';
import type { KernelInput } from './validate.js';

/** max(0, v); NaN stays NaN; relu(−0) = 0. */
export function reluOf(v: number): number {
  return v > 0 ? v : Number.isNaN(v) ? v : 0;
}

/**
 * relu'(v): 1 for v > 0, 0 for v ≤ 0 — including v = 0, where relu has a kink and no derivative
 * (0 is the subgradient PyTorch and TensorFlow use); NaN stays NaN.
 */
export function reluDerivativeOf(v: number): number {
  return v > 0 ? 1 : Number.isNaN(v) ? v : 0;
}

/**
 * Elementwise rectifier max(0, x).
 *
 * @example relu(new Float64Array([-1, 0, 2])) // Float64Array [0, 0, 2]
 */
export function relu<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('relu', x, reluOf);
}

/**
 * Elementwise derivative of relu at x: 1 where x > 0, else 0 (relu'(0) = 0: at the kink the
 * function is not differentiable; finite differences there see a one-sided slope of 0 or 1).
 *
 * @example reluGrad(new Float64Array([-1, 0, 2])) // Float64Array [0, 0, 1]
 */
export function reluGrad<T extends KernelInput>(x: T): KernelOutput<T> {
  return mapElements('reluGrad', x, reluDerivativeOf);
}
