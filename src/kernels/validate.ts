/**
 * Argument checks shared by the kernels. Every failure is a GradcheckError whose message names the
 * kernel and the argument: `softmax: cols must divide x.length (x.length=10, cols=3)`.
 *
 * Array policy: kernels take Float64Array or Float32Array; a plain `number[]` is accepted as float64
 * (copied once into a Float64Array, so the result is a Float64Array). Anything else (Int32Array,
 * strings, objects, arrays holding non-numbers) is rejected with `GC_INVALID_ARGUMENT`.
 */
import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';

/** What the kernels accept as an array of reals. */
export type KernelInput = FloatArray | readonly number[];

/** A short description of a value for error messages: `Int32Array(3)`, `number[](4)`, `string`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (ArrayBuffer.isView(value)) {
    const n = (value as { length?: number }).length;
    return `${value.constructor.name}${n === undefined ? '' : `(${n})`}`;
  }
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/**
 * Returns `x` as a typed array: Float64Array and Float32Array pass through unchanged, a `number[]`
 * is copied into a new Float64Array. Throws `GC_INVALID_ARGUMENT` for anything else.
 */
export function floatArray(fn: string, arg: string, x: unknown): FloatArray {
  if (x instanceof Float64Array || x instanceof Float32Array) return x;
  if (Array.isArray(x)) {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if (typeof v !== 'number') {
        throw new GradcheckError(
          'GC_INVALID_ARGUMENT',
          fn,
          `${arg} must hold only numbers (${arg}[${i}] is ${describe(v)})`,
          { arg, details: { index: i } },
        );
      }
      out[i] = v;
    }
    return out;
  }
  throw new GradcheckError(
    'GC_INVALID_ARGUMENT',
    fn,
    `${arg} must be a Float64Array, a Float32Array or a number[] (given ${describe(x)})`,
    { arg },
  );
}

/** Checks that `value` is a positive integer (a size such as cols, rows, inDim). */
export function positiveInteger(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a number (given ${describe(value)})`,
      {
        arg,
      },
    );
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new GradcheckError('GC_OUT_OF_RANGE', fn, `${arg} must be a positive integer (given ${value})`, {
      arg,
      details: { [arg]: value },
    });
  }
  return value;
}

/** Validates `cols` and returns the number of rows of a row-major array of `length` elements. */
export function rowsOf(fn: string, length: number, cols: unknown, arg = 'x'): number {
  const n = positiveInteger(fn, 'cols', cols);
  if (length % n !== 0) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `cols must divide ${arg}.length (${arg}.length=${length}, cols=${n})`,
      { arg: 'cols', details: { length, cols: n } },
    );
  }
  return length / n;
}

/** Checks that an array has the expected length; `why` says where the expectation comes from. */
export function lengthIs(fn: string, arg: string, actual: number, expected: number, why: string): void {
  if (actual !== expected) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `${arg}.length must be ${expected}, ${why} (given ${arg}.length=${actual})`,
      { arg, details: { expected, actual } },
    );
  }
}

/** Throws `GC_EMPTY_INPUT` when a reduction (a mean over rows) would have nothing to reduce. */
export function nonEmpty(fn: string, arg: string, length: number): void {
  if (length === 0) {
    throw new GradcheckError('GC_EMPTY_INPUT', fn, `${arg} must hold at least one row (given 0 elements)`, {
      arg,
    });
  }
}
