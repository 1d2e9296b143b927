/**
 * The shapes of user callables a checker accepts. Each receives its own copy of x in the array type x
 * was given in (number[], Float64Array or Float32Array); vectors may come back in any of those types.
 */
import { GradcheckError } from '../errors.js';
import type { NumericArray } from '../types.js';
import { describe } from './options.js';

/** f: Rⁿ → Rᵐ. */
export type VectorFunction = (x: never) => NumericArray;
/** f: Rⁿ → R (a number, or an array of length 1). */
export type ScalarFunction = (x: never) => number | NumericArray;
/** The Jacobian at x: m×n row-major flat, or m rows of n. */
export type JacobianFunction = (x: never) => NumericArray | readonly NumericArray[];
/** Vector–Jacobian product Jᵀ·cotangent (length n); the cotangent has f's output type. */
export type VjpFunction = (x: never, cotangent: never) => NumericArray;
/** Jacobian–vector product J·tangent (length m); the tangent has x's type. */
export type JvpFunction = (x: never, tangent: never) => NumericArray;
/** The gradient of a scalar f at x (length n). */
export type GradientFunction = (x: never) => NumericArray;

/** Throws GC_INVALID_ARGUMENT unless `value` is a function. */
export function requireFunction(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a function (given ${describe(value)})`,
      { arg },
    );
  }
}
