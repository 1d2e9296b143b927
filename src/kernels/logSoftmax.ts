/**
 * log-softmax over the rows of a row-major batch, accurate to a few ulps including the dominant
 * entry near 0, where `x − max − log(Σ exp)` loses every digit.
 */
import { type KernelOutput, resultArray } from './arrays.js';
import { logSoftmaxRow } from './softmaxRow.js';
import { floatArray, type KernelInput, rowsOf } from './validate.js';

/**
 * Row-wise log-softmax log s_j = x_j − log Σ_k exp(x_k) of a row-major batch of rows × `cols` logits.
 *
 * Accuracy: within 4 ulps of the exact value (measured worst about 2 ulps against a 60-digit decimal.js
 * reference), float64 and float32, logits spread to ±700 or shifted to ±1e308. The dominant entry
 * is computed as −log1p(T), T the non-dominant mass summed without error, so a value such as
 * −1e-300 keeps all its digits (torch's log_softmax returns 0 there).
 *
 * Overflow: every finite input gives a finite result unless the exact result is itself beyond the
 * largest double (e.g. `[1e308, -1e308]`, whose second entry is −2e308): then the result is
 * −Infinity, as IEEE rounding of the exact value gives.
 *
 * Special values: a `-Infinity` logit is a mask (log-probability −Infinity, the other entries as if it
 * were absent); a row of only `-Infinity` gives −Infinity everywhere; c entries at `+Infinity` get
 * −log(c) each (the limit) and the others −Infinity; a NaN makes its whole row NaN, other rows intact.
 *
 * @param x Float64Array, Float32Array or number[] (taken as float64). Not modified.
 * @param cols Row width, a positive integer dividing `x.length`.
 * @param out Optional preallocated result of the same type and length (it may be x itself): it is
 *   written and returned, and nothing is allocated.
 * @returns An array of x's type (new unless `out` is given); float32 results are computed in
 *   float64 (exponentials of float32 grade, `expForFloat32`) and rounded once.
 * @throws GradcheckError `GC_INVALID_ARGUMENT`, `GC_OUT_OF_RANGE`, `GC_SHAPE_MISMATCH` as for softmax.
 * @example
 * logSoftmax(new Float64Array([0, -700]), 2) // Float64Array [-9.85967654375977e-305, -700]
 */
export function logSoftmax<T extends KernelInput>(
  x: T,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  const xs = floatArray('logSoftmax', 'x', x);
  const rows = rowsOf('logSoftmax', xs.length, cols);
  const result = resultArray('logSoftmax', xs, xs.length, out);
  // Stryker disable next-line EqualityOperator: `r <= rows` adds a row read past the end of xs (undefined, so a NaN row) whose NaN results are stored past the end of the typed result, which ignores them
  for (let r = 0; r < rows; r++) logSoftmaxRow(xs, r * cols, result, r * cols, cols);
  return result as KernelOutput<T>;
}
