/**
 * The last pass of softmax and log-softmax: a staged row (workspace.ts) written to the caller's
 * result, one loop per result type so that each stays monomorphic (a Float32Array result is rounded
 * once, on the store). Four entries per step: V8 checks the result array once per step instead of
 * once per entry (measured 4–10% on the whole kernel).
 */
import type { FloatArray } from '../types.js';
import { WORK_E, WORK_X } from './workspace.js';

const X = WORK_X;
const E = WORK_E;

/** out[oo + j] = WORK_E[j]·s for j < n (softmax: s = 1/S). */
export function writeScaled(out: FloatArray, oo: number, n: number, s: number): void {
  // Stryker disable next-line ConditionalExpression: both loops are the same code (only V8's type feedback differs); a store rounds to the array's own type
  if (out instanceof Float64Array) scaled64(out, oo, n, s);
  else scaled32(out, oo, n, s);
}

function scaled64(out: Float64Array, oo: number, n: number, s: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = E[j]! * s;
    out[o + 1] = E[j + 1]! * s;
    out[o + 2] = E[j + 2]! * s;
    out[o + 3] = E[j + 3]! * s;
  }
  for (; j < n; j++) out[oo + j] = E[j]! * s;
}

function scaled32(out: Float32Array, oo: number, n: number, s: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = E[j]! * s;
    out[o + 1] = E[j + 1]! * s;
    out[o + 2] = E[j + 2]! * s;
    out[o + 3] = E[j + 3]! * s;
  }
  for (; j < n; j++) out[oo + j] = E[j]! * s;
}

/**
 * out[oo + j] = (WORK_X[j] − m) − l for j < n (log-softmax). The two subtractions are kept apart:
 * (x_j − m) ≤ 0 and −l ≤ 0 have the same sign, so there is no cancellation and the two roundings and
 * l's own error stay within about 2 ulps of the result (−Infinity stays −Infinity, never NaN),
 * whereas x_j − (m + l) would round m + l first.
 */
export function writeShifted(out: FloatArray, oo: number, n: number, m: number, l: number): void {
  // Stryker disable next-line ConditionalExpression: both loops are the same code (only V8's type feedback differs); a store rounds to the array's own type
  if (out instanceof Float64Array) shifted64(out, oo, n, m, l);
  else shifted32(out, oo, n, m, l);
}

function shifted64(out: Float64Array, oo: number, n: number, m: number, l: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = X[j]! - m - l;
    out[o + 1] = X[j + 1]! - m - l;
    out[o + 2] = X[j + 2]! - m - l;
    out[o + 3] = X[j + 3]! - m - l;
  }
  for (; j < n; j++) out[oo + j] = X[j]! - m - l;
}

function shifted32(out: Float32Array, oo: number, n: number, m: number, l: number): void {
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail to write every entry with the same expression
  for (; j < n4; j += 4) {
    const o = oo + j;
    out[o] = X[j]! - m - l;
    out[o + 1] = X[j + 1]! - m - l;
    out[o + 2] = X[j + 2]! - m - l;
    out[o + 3] = X[j + 3]! - m - l;
  }
  for (; j < n; j++) out[oo + j] = X[j]! - m - l;
}
