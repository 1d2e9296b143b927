/**
 * checkGradient: is `gradient(x)` the gradient of the scalar function f at x? Full mode compares every
 * entry with a Richardson-extrapolated finite difference (or the given oracle); fast mode compares
 * ⟨g, v⟩ along random tangents and locates wrong entries by group testing.
 */
import type { NumericArray } from '../types.js';
import { type Point, readPoint } from './argument.js';
import { compareFull, requireFinite } from './compareFull.js';
import { callDerivative, type DerivativeCall, repeatDerivative } from './derivative.js';
import { runFast } from './fast.js';
import { type GradientFunction, requireFunction, type ScalarFunction } from './functions.js';
import { type GradientLabeler, gradientProjector } from './gradientProjector.js';
import { type CheckOptions, resolveCheckOptions } from './options.js';
import { fdSettings, lineContext, noiseSigma } from './oracleContext.js';
import { readVector } from './output.js';
import { fullReference, guardSize } from './reference.js';
import type { CheckResult } from './result.js';
import { execute, type Outcome, Run } from './run.js';
import { prepareSubject, type UserFunction } from './subject.js';

/**
 * Checks a gradient against finite differences (default) or `options.oracle`.
 *
 * Defaults: full mode (every entry), κ = 4, seed 42, dtype inferred (Float32Array → float32).
 * The result is data: `result.ok` is true only for a pass; see `CheckResult` for the other verdicts.
 * @example
 * const f = (x: Float64Array) => x[0] ** 2 + 3 * x[1];
 * const grad = (x: Float64Array) => Float64Array.of(2 * x[0], 3);
 * checkGradient(f, grad, [1, 2]).ok; // true
 */
export function checkGradient(
  f: ScalarFunction,
  gradient: GradientFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  const opts = resolveCheckOptions('checkGradient', options);
  const point = readPoint('checkGradient', x);
  requireFunction('checkGradient', 'f', f);
  requireFunction('checkGradient', 'gradient', gradient);
  const run = new Run('checkGradient', 'gradient', opts, point.kind);
  return execute(run, () =>
    gradientOutcome(run, f, gradient, point, (k) => ({ index: [k], label: `grad[${k}]` })),
  );
}

/**
 * The comparison of a gradient at a point (shared with `checkBackprop`, one layer at a time). `gradient`
 * is a callable (called twice: determinism) or values already obtained (backprop deltas).
 */
export function gradientOutcome(
  run: Run,
  f: UserFunction,
  gradient: ((x: never) => unknown) | Float64Array,
  point: Point,
  label: GradientLabeler,
  name = 'gradient',
  probeLabel?: GradientLabeler,
): Outcome {
  const subject = prepareSubject(run, f, point, true);
  const n = subject.x.length;
  if (run.mode === 'full') guardSize(run, 1, n);
  let g: Float64Array;
  if (gradient instanceof Float64Array) {
    g = gradient;
    requireFinite(g, n, (_, j) => label(j));
  } else {
    const call: DerivativeCall = {
      name,
      fn: gradient,
      x: subject.x,
      read: (raw) => readVector(run.fn, `${name}(x)`, raw, n).values,
      position: (k) => label(k).index,
    };
    g = callDerivative(run, call);
    repeatDerivative(run, call, g);
  }
  if (run.mode === 'full') {
    return compareFull(run, subject.fx, g, fullReference(run, subject), (_, j) => label(j));
  }
  const settings = fdSettings(run, subject);
  const ctx = lineContext(subject, noiseSigma(run, subject, settings), settings);
  return runFast(run, n, gradientProjector(run, ctx, g, label, probeLabel));
}
