/**
 * Softmax of one row as float64, for the derivative kernels (which need s but not as a result),
 * plus the accurate complement 1 − s_a of its largest entry.
 */

import type { FloatArray } from '../types.js';
import { SLOT_PROB, scratchRow } from './arrays.js';
import { expNonPositive } from './exp.js';
import { classifyRow } from './rowExp.js';
import { softmaxRow, softmaxSpecialRow } from './softmaxRow.js';

/**
 * softmax of row r of `x` (row width `cols`) in float64, in a scratch buffer that stays valid until
 * the next call.
 */
export function probabilitiesOfRow(x: FloatArray, r: number, cols: number): Float64Array {
  const s = scratchRow(SLOT_PROB, cols);
  if (x instanceof Float64Array) softmaxRow(x, r * cols, s, 0, cols);
  else probabilitiesOfRow32(x, r * cols, s, cols);
  return s;
}

/** softmax of a float32 row into float64 `s` (the float32 recipe of softmaxRow32.ts, kept in float64). */
function probabilitiesOfRow32(x: Float32Array, xo: number, s: Float64Array, n: number): void {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, x[xo + j]!);
  if (!Number.isFinite(m)) {
    softmaxSpecialRow(classifyRow(x, xo, n, m), x, xo, s, 0, n);
    return;
  }
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const ej = expNonPositive(x[xo + j]! - m, 0);
    s[j] = ej;
    sum += ej;
  }
  const inv = 1 / sum;
  for (let j = 0; j < n; j++) s[j]! *= inv;
}

/** Index of the first largest entry of s[0 .. n) (0 for an all-NaN row). */
export function argmaxOf(s: Float64Array, n: number): number {
  let a = 0;
  for (let j = 1; j < n; j++) if (s[j]! > s[a]!) a = j;
  return a;
}

/**
 * 1 − s_a for the largest probability s_a, as Σ_{k≠a} s_k (positive terms, TwoSum-accumulated):
 * `1 - s[a]` would lose every digit when s_a is within an ulp of 1. Every other entry is ≤ 1/2,
 * where 1 − s_k is computed exactly enough directly.
 */
export function complementOf(s: Float64Array, n: number, a: number): number {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < n; k++) {
    if (k === a) continue;
    const v = s[k]!;
    const t = hi + v;
    const bt = t - hi;
    lo += hi - (t - bt) + (v - bt);
    hi = t;
  }
  return hi + lo;
}
