/**
 * Array plumbing shared by the kernels: result types that follow the input's type, and reusable
 * float64 scratch rows (the kernels compute in float64 and round once when the input is float32).
 */

import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { describe, type KernelInput, lengthIs } from './validate.js';

/** The result type of a kernel given input type `T`: Float32Array stays Float32Array, else Float64Array. */
export type KernelOutput<T extends KernelInput> = T extends Float32Array ? Float32Array : Float64Array;

/** A new zeroed array of length `n` of the same float type as `like`. */
export function allocLike(like: FloatArray, n: number): FloatArray {
  return like instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
}

/**
 * The array a kernel writes its result to: a new one of `like`'s type, or the caller's `out`, which
 * must then have that type and length n (it may be an input array: kernels finish reading a row
 * before writing it).
 */
export function resultArray(fn: string, like: FloatArray, n: number, out: unknown): FloatArray {
  if (out === undefined) return allocLike(like, n);
  const type = like instanceof Float32Array ? Float32Array : Float64Array;
  if (!(out instanceof type)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `out must be a ${type.name}, the type of the result (given ${describe(out)})`,
      {
        arg: 'out',
      },
    );
  }
  lengthIs(fn, 'out', out.length, n, 'the length of the result');
  return out;
}

const scratch: Float64Array[] = [];

/** Scratch slots: a float64 copy of an input row, a float64 output row, exponentials, softmax row. */
export const SLOT_IN = 0;
export const SLOT_OUT = 1;
export const SLOT_EXP = 2;
export const SLOT_PROB = 3;

/**
 * A float64 work buffer of at least `n` elements, one per `slot`, reused across calls (the kernels
 * are synchronous and never call user code, so a slot is never used by two calls at once).
 */
export function scratchRow(slot: number, n: number): Float64Array {
  let buf = scratch[slot];
  if (buf === undefined || buf.length < n) {
    buf = new Float64Array(Math.max(n, 1024));
    scratch[slot] = buf;
  }
  return buf;
}

/** Copies `n` elements of `src` starting at `from` into `dst` (a float64 row), widening float32 exactly. */
export function copyRow(src: FloatArray, from: number, dst: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) dst[j] = src[from + j]!;
}

/**
 * Row r of `x` as float64 data: `x` itself when it is a Float64Array (the row starts at
 * `rowStart(x, r, cols)` = r·cols), otherwise an exact widened copy in scratch slot SLOT_IN (start 0).
 */
export function rowData(x: FloatArray, r: number, cols: number): Float64Array {
  if (x instanceof Float64Array) return x;
  const buf = scratchRow(SLOT_IN, cols);
  copyRow(x, r * cols, buf, cols);
  return buf;
}

/** Where row r starts in `rowData(x, r, cols)`. */
export function rowStart(x: FloatArray, r: number, cols: number): number {
  return x instanceof Float64Array ? r * cols : 0;
}

/** A fresh accumulator for `accumulate`: [hi, lo, special, bigHi, bigLo]. */
export function accumulator(): Float64Array {
  return new Float64Array(5);
}

const BIG = 2 ** 1000;
const UNBIG = 2 ** -1000;

/**
 * Adds `v` to a running sum kept as TwoSum pairs (Knuth): terms below 2^1000 in (hi, lo), larger
 * ones scaled by 2^−1000 (exactly: their ulp is ≥ 2^948) in (bigHi, bigLo), so that a sum of
 * losses like 1e308 + 1e308 does not overflow before it is divided by the row count.
 * NaN and ±Infinity go to `special`.
 */
export function accumulate(acc: Float64Array, v: number): void {
  if (!(Math.abs(v) < Number.POSITIVE_INFINITY)) {
    acc[2] = acc[2]! + v;
    return;
  }
  const big = Math.abs(v) >= BIG;
  const i = big ? 3 : 0;
  const w = big ? v * UNBIG : v;
  const hi = acc[i]!;
  const t = hi + w;
  const bt = t - hi;
  acc[i + 1] = acc[i + 1]! + (hi - (t - bt) + (w - bt));
  acc[i] = t;
}

/**
 * The accumulated sum divided by `count` (the mean over rows), or the sum of the special values when
 * there were any (NaN or ±Infinity).
 */
export function accumulatedMean(acc: Float64Array, count: number): number {
  if (acc[2] !== 0) return acc[2]!;
  const small = (acc[0]! + acc[1]!) / count;
  if (acc[3] === 0) return small;
  return ((acc[3]! + acc[4]!) / count) * BIG + small;
}
