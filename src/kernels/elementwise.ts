/**
 * Shared driver of the elementwise kernels (activations and their derivatives): validates the
 * input, applies a scalar function to every element in float64 and returns x's array type.
 */
import { allocLike, type KernelOutput } from './arrays.js';
import { floatArray, type KernelInput } from './validate.js';

/** Applies `f` to every element of `x` (any length, including 0). */
export function mapElements<T extends KernelInput>(
  fn: string,
  x: T,
  f: (v: number) => number,
): KernelOutput<T> {
  const xs = floatArray(fn, 'x', x);
  const out = allocLike(xs, xs.length);
  // Stryker disable next-line EqualityOperator: out is allocated with exactly xs.length entries, so i = xs.length only writes past its end (f never throws)
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]!);
  return out as KernelOutput<T>;
}
