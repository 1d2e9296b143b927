/**
 * Softmax of one row as float64, for the derivative kernels (which need s but not as a result),
 * plus the accurate complement 1 − s_a of its largest entry.
 */

import type { FloatArray } from '../types.js';
import { SLOT_PROB, scratchRow } from './arrays.js';
import { softmaxRow } from './softmaxRow.js';

/**
 * softmax of row r of `x` (row width `cols`) in float64, in a scratch buffer that stays valid until
 * the next call (a float32 row is read exactly, and its softmax is not rounded to float32).
 */
export function probabilitiesOfRow(x: FloatArray, r: number, cols: number): Float64Array {
  const s = scratchRow(SLOT_PROB, cols);
  softmaxRow(x, r * cols, s, 0, cols);
  return s;
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
 * where 1 − s_k is computed exactly enough directly. A fully masked row (s = 0, the only row whose
 * largest probability is 0) gives 1: the identity with Σ_{k≠a} s_k needs Σ s = 1.
 */
export function complementOf(s: Float64Array, n: number, a: number): number {
  if (s[a] === 0) return 1;
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
