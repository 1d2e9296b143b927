/**
 * One run of a `defineCheck` spec: locate the point, wrap the callbacks, call the checker. Internal.
 */

import { describe } from '../arbitraries/validate.js';
import type { CheckKind, CheckResult } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
import { type FloatArray, type NumericArray, UNIT_ROUNDOFF } from '../types.js';
import type { CheckDefinition } from './checkDefinition.js';
import type { CheckerOptions, Checkers } from './checkers.js';

function isNumericArray(v: unknown): v is NumericArray {
  return Array.isArray(v) || v instanceof Float64Array || v instanceof Float32Array;
}

/** The point of `input` and how to put a checker's copy back into a copy of the input. */
function locate<T>(
  name: string,
  input: T,
  key: string | undefined,
): { x: NumericArray; put: (x: NumericArray) => T } {
  if (isNumericArray(input)) return { x: input, put: (x) => x as unknown as T };
  const k = key ?? 'x';
  const v = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[k] : undefined;
  if (!isNumericArray(v)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'defineCheck',
      `input.${k} must be a number[], Float64Array or Float32Array in spec '${name}' (given ${describe(v)}); set def.point to the key of the point`,
      { arg: 'def.point' },
    );
  }
  return { x: v, put: (x) => ({ ...(input as object), [k]: x }) as T };
}

function then<A, B>(r: A | Promise<A>, g: (a: A) => B): B | Promise<B> {
  return r instanceof Promise ? r.then(g) : g(r);
}

/** ⟨v, y⟩ in float64, with a length check naming the spec. */
function dot(name: string, v: NumericArray, y: NumericArray): number {
  if (v.length !== y.length) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      'defineCheck',
      `cotangent must have f's output length in spec '${name}' (cotangent.length=${v.length}, f(x).length=${y.length})`,
      { arg: 'def.cotangent' },
    );
  }
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * y[i]!;
  return s;
}

/**
 * The noise floor of ⟨v, f(x)⟩: one unit roundoff of Σᵢ|vᵢ·fᵢ(x)| (the terms' roundings survive the
 * sum, however much it cancels: softmax rows weighted by [1, −1] sum to 0.01 from terms near 1), or the
 * caller's own `noiseFloor` if larger. Float32 when options.dtype or f(x) says so. `evaluate` gives
 * f(x); when it throws or gives no numeric array, the caller's floor stands and the checker, which
 * evaluates f(x) again, reports the failure as it does for every f (GC_FUNCTION_THREW, …).
 */
function dotNoiseFloor(v: NumericArray, evaluate: () => unknown, options: CheckerOptions): number {
  const own = typeof options['noiseFloor'] === 'number' ? options['noiseFloor'] : 0;
  let y: unknown;
  try {
    y = evaluate();
  } catch {
    return own;
  }
  if (!isNumericArray(y)) return own;
  const float32 =
    options['dtype'] === 'float32' || (options['dtype'] === undefined && y instanceof Float32Array);
  let terms = 0;
  for (let i = 0; i < v.length && i < y.length; i++) {
    const t = Math.abs(v[i]! * y[i]!);
    if (Number.isFinite(t)) terms += t; // masked log-probabilities (−Infinity) are not roundings
  }
  return Math.max(UNIT_ROUNDOFF[float32 ? 'float32' : 'float64'] * terms, own);
}

export function runDefinition<T>(
  def: CheckDefinition<T>,
  kind: CheckKind,
  input: T,
  checkers: Checkers,
  options: CheckerOptions,
): CheckResult | Promise<CheckResult> {
  if (def.backprop !== undefined) return checkers.backprop(def.backprop(input), options);
  const { x, put } = locate(def.name, input, def.point);
  const f = (xc: NumericArray) => def.f(put(xc));
  switch (kind) {
    case 'jacobian':
      return checkers.jacobian(
        f as (x: NumericArray) => NumericArray,
        (xc) => def.jacobian!(put(xc)),
        x,
        options,
      );
    case 'jvp':
      return checkers.jvp(
        f as (x: NumericArray) => NumericArray,
        (xc, t) => def.jvp!(put(xc), t),
        x,
        options,
      );
    case 'gradient':
      return checkers.gradient(f as (x: NumericArray) => number, (xc) => def.gradient!(put(xc)), x, options);
    default:
      return def.cotangent === undefined
        ? checkers.vjp(f as (x: NumericArray) => NumericArray, (xc, g) => def.vjp!(put(xc), g), x, options)
        : vjpAlong(def, input, put, x, checkers, options);
  }
}

/**
 * Jᵀv for one generated cotangent v, checked as the gradient of the scalar ⟨v, f(x)⟩ (whose gradient
 * is exactly Jᵀv); the result is relabelled as a VJP check.
 */
function vjpAlong<T>(
  def: CheckDefinition<T>,
  input: T,
  put: (x: NumericArray) => T,
  x: NumericArray,
  checkers: Checkers,
  options: CheckerOptions,
): CheckResult | Promise<CheckResult> {
  const v = def.cotangent!(input);
  if (!isNumericArray(v)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'defineCheck',
      `def.cotangent must return a numeric array in spec '${def.name}'`,
      {
        arg: 'def.cotangent',
      },
    );
  }
  const g = (v instanceof Float32Array || v instanceof Float64Array ? v : Float64Array.from(v)) as FloatArray;
  const scalar = (xc: NumericArray) => dot(def.name, v, def.f!(put(xc)) as NumericArray);
  const floored = { ...options, noiseFloor: dotNoiseFloor(v, () => def.f!(put(x)), options) };
  const result = checkers.gradient(scalar, (xc) => def.vjp!(put(xc), g), x, floored);
  return then(result, (r) => ({
    ...r,
    kind: 'vjp' as const,
    outputSize: v.length,
    entries: r.entries.map((e) => ({ ...e, label: e.label.replace(/^grad/, 'Jᵀv') })),
    message: `VJP along the generated cotangent, checked as the gradient of ⟨v, f(x)⟩: ${r.message}`,
  }));
}
