/**
 * The function under check, evaluated at the point: f(x) read and sized, the dtype inferred (any
 * Float32Array among x and f(x) → float32), the point moved onto the float32 grid when needed, and f
 * called twice at x to make sure it is deterministic before anything is compared.
 */
import { GradcheckError } from '../errors.js';
import type { Evaluator } from '../oracles/finiteDifference/estimateLine.js';
import type { DType } from '../types.js';
import type { ArgKind, Point } from './argument.js';
import { firstNonFinite, readScalar, readVector } from './output.js';
import type { Run } from './run.js';
import { Stop } from './stop.js';

/** f at the working point, and a guarded evaluator for the oracle. */
export interface Subject {
  /** The working point (on the dtype grid). */
  readonly x: Float64Array;
  /** f(x), length m (1 for a scalar function). */
  readonly fx: Float64Array;
  /** Array type f returns: cotangents are handed over in this type. */
  readonly outKind: ArgKind;
  /** Grid of the evaluation points: float32 when x is a Float32Array or the dtype is float32. */
  readonly grid: DType;
  /** f at any point, guarded and length-checked; non-finite values are returned as they are. */
  readonly evaluate: Evaluator;
}

/** A user function of one point. */
export type UserFunction = (x: never) => unknown;

/**
 * Evaluates f at the point, infers the dtype and returns the subject. Throws Stop on a non-finite
 * f(x) or two different values of f(x).
 */
export function prepareSubject(run: Run, f: UserFunction, point: Point, scalar: boolean): Subject {
  const read = (out: unknown, length?: number) =>
    scalar ? readScalar(run.fn, 'f(x)', out) : readVector(run.fn, 'f(x)', out, length);
  const call = (p: Float64Array) => run.calls.invoke('function', 'f', f, p);
  let x = point.x;
  let raw = call(x);
  let first = read(raw);
  const m = first.values.length;
  if (m === 0)
    throw new GradcheckError('GC_EMPTY_INPUT', run.fn, 'f(x) must return at least one value (returned 0)', {
      arg: 'f',
    });
  run.dtype = run.opts.dtype ?? (point.kind === 'float32' || first.float32 ? 'float32' : 'float64');
  const grid: DType = point.kind === 'float32' || run.dtype === 'float32' ? 'float32' : 'float64';
  if (grid === 'float32' && x.some((v) => Math.fround(v) !== v)) {
    x = x.map(Math.fround);
    raw = call(x);
    first = read(raw, m);
  }
  if (run.kind !== 'backprop') {
    run.inputSize = x.length;
    run.outputSize = m;
  }
  const bad = firstNonFinite(first.values);
  if (bad >= 0)
    throw new Stop({ verdict: 'non-finite', source: 'function', index: [bad], value: first.values[bad]! });
  const again = read(call(x), m).values;
  for (let i = 0; i < m; i++) {
    if (!Object.is(again[i], first.values[i])) {
      throw new Stop({
        verdict: 'nondeterministic',
        source: 'function',
        detail: `f(x)[${i}] was ${first.values[i]} and then ${again[i]}`,
      });
    }
  }
  const outKind: ArgKind =
    raw instanceof Float32Array ? 'float32' : raw instanceof Float64Array ? 'float64' : 'array';
  const evaluate: Evaluator = (p) => read(call(p), m).values;
  return { x, fx: first.values, outKind, grid, evaluate };
}
