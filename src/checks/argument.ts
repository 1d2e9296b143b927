/**
 * Validating the point x and copying it for each call in the array type the user gave, so that a
 * function that writes into its argument is caught instead of silently corrupting the check.
 */
import { GradcheckError } from '../errors.js';
import { describe } from './options.js';

/** The array type of a user's point: each call receives a fresh copy of this type. */
export type ArgKind = 'array' | 'float64' | 'float32';

/** The validated point, as doubles, and the kind to hand to user code. */
export interface Point {
  readonly x: Float64Array;
  readonly kind: ArgKind;
}

/**
 * Checks that x is a non-empty array of finite numbers.
 * @example readPoint('checkJacobian', [1, 2]) // { x: Float64Array [1, 2], kind: 'array' }
 */
export function readPoint(fn: string, x: unknown, arg = 'x'): Point {
  let kind: ArgKind;
  if (x instanceof Float64Array) kind = 'float64';
  else if (x instanceof Float32Array) kind = 'float32';
  else if (Array.isArray(x)) kind = 'array';
  else {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a number[], Float64Array or Float32Array (given ${describe(x)})`,
      { arg },
    );
  }
  const src = x as ArrayLike<unknown>;
  if (src.length === 0) {
    throw new GradcheckError('GC_EMPTY_INPUT', fn, `${arg} must hold at least one number (given length 0)`, {
      arg,
    });
  }
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number') {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `${arg}[${i}] must be a number (given ${describe(v)})`,
        {
          arg,
          details: { index: i },
        },
      );
    }
    if (!Number.isFinite(v)) {
      throw new GradcheckError('GC_NON_FINITE_INPUT', fn, `${arg}[${i}] must be finite (given ${v})`, {
        arg,
        details: { index: i, value: v },
      });
    }
    out[i] = v;
  }
  return { x: out, kind };
}

/** A fresh copy of `values` in the user's array type. */
export function makeArgument(kind: ArgKind, values: Float64Array): number[] | Float64Array | Float32Array {
  if (kind === 'float64') return Float64Array.from(values);
  if (kind === 'float32') return Float32Array.from(values);
  return Array.from(values);
}

/** First index where `arg` no longer holds `values` (or its length changed), else -1. */
export function firstChange(arg: ArrayLike<number>, values: Float64Array): number {
  const n = Math.min(arg.length, values.length);
  for (let i = 0; i < n; i++) if (!Object.is(arg[i], values[i])) return i;
  return arg.length === values.length ? -1 : n;
}
