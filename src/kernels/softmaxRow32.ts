/**
 * softmax and log-softmax of one float32 row, read and written as float32 and computed in float64.
 * Float32 needs none of the float64 path's compensation: the rounding of x − m (≤ 2^−53·|x − m|
 * relative in the exponential, |x − m| ≤ 2^128), the plain sum of n terms (≤ n·2^−53) and the
 * reciprocal stay below 1e-10 relative for rows up to 10^5 wide, so the final rounding to float32
 * is correct to within 0.5 ulp plus that. Special rows follow softmaxRow.ts.
 */
import { expNonPositive } from './exp.js';
import { classifyRow, indexOfMax } from './rowExp.js';
import { logSoftmaxSpecialRow, softmaxSpecialRow } from './softmaxRow.js';

/** softmax of x[xo .. xo+n) into out[oo ..]; `e` is a float64 buffer of ≥ n elements. */
export function softmaxRow32(
  x: Float32Array,
  xo: number,
  out: Float32Array,
  oo: number,
  n: number,
  e: Float64Array,
): void {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, x[xo + j]!);
  if (!Number.isFinite(m)) {
    softmaxSpecialRow(classifyRow(x, xo, n, m), x, xo, out, oo, n);
    return;
  }
  let s = 0;
  for (let j = 0; j < n; j++) {
    const ej = expNonPositive(x[xo + j]! - m, 0);
    e[j] = ej;
    s += ej;
  }
  const inv = 1 / s;
  for (let j = 0; j < n; j++) out[oo + j] = e[j]! * inv;
}

/**
 * log-softmax of x[xo .. xo+n) into out[oo ..] as (x_j − m) − log1p(T), T = Σ_{j≠argmax} e_j summed
 * apart from the dominant 1 so that a dominant entry near 0 keeps its digits.
 */
export function logSoftmaxRow32(x: Float32Array, xo: number, out: Float32Array, oo: number, n: number): void {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, x[xo + j]!);
  if (!Number.isFinite(m)) {
    logSoftmaxSpecialRow(classifyRow(x, xo, n, m), x, xo, out, oo, n);
    return;
  }
  const a = indexOfMax(x, xo, n, m);
  let t = 0;
  for (let j = 0; j < a; j++) t += expNonPositive(x[xo + j]! - m, 0);
  for (let j = a + 1; j < n; j++) t += expNonPositive(x[xo + j]! - m, 0);
  const l = Math.log1p(t);
  for (let j = 0; j < n; j++) out[oo + j] = x[xo + j]! - m - l;
}
