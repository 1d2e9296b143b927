/**
 * softmax over the rows of a row-major batch, accurate to a few ulps and overflow-free.
 */
import { type KernelOutput, resultArray } from './arrays.js';
import { softmaxRow } from './softmaxRow.js';
import { floatArray, type KernelInput, rowsOf } from './validate.js';

/**
 * Row-wise softmax s_j = exp(x_j) / Σ_k exp(x_k) of `x`, a row-major batch of rows × `cols` logits.
 *
 * Accuracy: within 4 ulps of the exact value (measured worst about 2 ulps, against a 60-digit
 * decimal.js reference) for any finite logits, including spreads of ±700 and common shifts such as
 * 1e6 or ±1e308, in float64 and float32. The rounding of `x − max` is carried into a table-driven
 * exponential and the denominator is summed without error (see rowExp.ts).
 *
 * Special values: a `-Infinity` logit is a mask (probability exactly 0, the other entries as if it
 * were absent); a row of only `-Infinity` gives zeros; `+Infinity` logits share the mass equally
 * (the limit), the others get 0; a NaN makes its whole row NaN and leaves the other rows intact.
 *
 * @param x Float64Array, Float32Array or number[] (taken as float64). Not modified.
 * @param cols Row width, a positive integer dividing `x.length`.
 * @param out Optional preallocated result of the same type and length (it may be x itself): it is
 *   written and returned, and nothing is allocated.
 * @returns An array of x's type (new unless `out` is given) (Float32Array for Float32Array, else Float64Array); float32
 *   results are computed in float64, with exponentials of float32 grade (`expForFloat32`, relative
 *   error below 3e-13), and rounded once.
 * @throws GradcheckError `GC_INVALID_ARGUMENT` (x not an array of numbers), `GC_OUT_OF_RANGE` (cols not
 *   a positive integer), `GC_SHAPE_MISMATCH` (cols does not divide x.length).
 * @example
 * softmax(new Float64Array([1, 2, 3, 1000, 1000, -Infinity]), 3)
 * // Float64Array [0.0900…, 0.2447…, 0.6652…, 0.5, 0.5, 0]
 */
export function softmax<T extends KernelInput>(x: T, cols: number, out?: KernelOutput<T>): KernelOutput<T> {
  const xs = floatArray('softmax', 'x', x);
  const rows = rowsOf('softmax', xs.length, cols);
  const result = resultArray('softmax', xs, xs.length, out);
  // Stryker disable next-line EqualityOperator: `r <= rows` adds a row read past the end of xs (undefined, so a NaN row) whose NaN results are stored past the end of the typed result, which ignores them
  for (let r = 0; r < rows; r++) softmaxRow(xs, r * cols, result, r * cols, cols);
  return result as KernelOutput<T>;
}
