/**
 * Small numeric helpers for the kernel tests: central differences and a naive softmax twin.
 */
import type { FloatArray } from './api.js';

/** Central-difference derivative of f: R^n → R^m along coordinate i, step h: m values. */
export function centralColumn(
  f: (x: Float64Array) => ArrayLike<number>,
  x: Float64Array,
  i: number,
  h = 1e-6,
): number[] {
  const plus = Float64Array.from(x);
  const minus = Float64Array.from(x);
  plus[i] = x[i]! + h;
  minus[i] = x[i]! - h;
  const fp = f(plus);
  const fm = f(minus);
  return Array.from({ length: fp.length }, (_, k) => (fp[k]! - fm[k]!) / (plus[i]! - minus[i]!));
}

/** The m × n Jacobian of f at x by central differences, row-major. */
export function centralJacobian(
  f: (x: Float64Array) => ArrayLike<number>,
  x: Float64Array,
  h = 1e-6,
): Float64Array {
  const m = f(x).length;
  const n = x.length;
  const J = new Float64Array(m * n);
  for (let i = 0; i < n; i++) {
    const col = centralColumn(f, x, i, h);
    for (let k = 0; k < m; k++) J[k * n + i] = col[k]!;
  }
  return J;
}

/** Largest |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** The textbook softmax (max shift, Math.exp, plain sum and division): the twin the accuracy tests must catch. */
export function naiveSoftmax(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let o = 0; o < x.length; o += cols) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[o + j]!);
    let s = 0;
    for (let j = 0; j < cols; j++) s += out[o + j] = Math.exp(x[o + j]! - m);
    for (let j = 0; j < cols; j++) out[o + j]! /= s;
  }
  return out;
}

/** The textbook log-softmax x − m − log Σ exp(x − m): no correct digits for a dominant entry near 0. */
export function naiveLogSoftmax(x: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let o = 0; o < x.length; o += cols) {
    let m = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[o + j]!);
    let s = 0;
    for (let j = 0; j < cols; j++) s += Math.exp(x[o + j]! - m);
    const l = Math.log(s);
    for (let j = 0; j < cols; j++) out[o + j] = x[o + j]! - m - l;
  }
  return out;
}

export type { FloatArray };
