/**
 * checkJacobian: is `jacobian(x)` the Jacobian of f at x? Full mode compares every entry with
 * Richardson-extrapolated finite differences (or the given oracle); fast mode compares J·v along random
 * tangents, output by output, and locates wrong entries by group testing.
 */
import type { NumericArray } from '../types.js';
import { readPoint } from './argument.js';
import { compareFull } from './compareFull.js';
import { callDerivative, type DerivativeCall, repeatDerivative } from './derivative.js';
import { runFast } from './fast.js';
import { type JacobianFunction, requireFunction, type VectorFunction } from './functions.js';
import { jacobianProjector } from './jacobianProjector.js';
import { type CheckOptions, resolveCheckOptions } from './options.js';
import { fdSettings, lineContext, noiseSigma } from './oracleContext.js';
import { readJacobian } from './output.js';
import { fullReference, guardSize } from './reference.js';
import type { CheckResult } from './result.js';
import { execute, Run } from './run.js';
import { prepareSubject } from './subject.js';

/**
 * Checks an m×n Jacobian (row-major flat, or m rows) against finite differences or `options.oracle`.
 *
 * Defaults: full mode, κ = 4, seed 42, dtype inferred (Float32Array → float32). A wrong derivative is a
 * result (`ok: false`, verdict `mismatch` with the worst entries and their positions), not an exception.
 * @example
 * const f = (x: Float64Array) => Float64Array.of(x[0] * x[1], Math.exp(x[0]));
 * const J = (x: Float64Array) => [[x[1], x[0]], [Math.exp(x[0]), 0]];
 * checkJacobian(f, J, [0.5, 2]).ok; // true
 */
export function checkJacobian(
  f: VectorFunction,
  jacobian: JacobianFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  const fn = 'checkJacobian';
  const opts = resolveCheckOptions(fn, options);
  const point = readPoint(fn, x);
  requireFunction(fn, 'f', f);
  requireFunction(fn, 'jacobian', jacobian);
  const run = new Run(fn, 'jacobian', opts, point.kind);
  return execute(run, () => {
    const subject = prepareSubject(run, f, point, false);
    const m = subject.fx.length;
    const n = subject.x.length;
    if (run.mode === 'full') guardSize(run, m, n);
    const call: DerivativeCall = {
      name: 'jacobian',
      fn: jacobian,
      x: subject.x,
      read: (raw) => readJacobian(fn, 'jacobian(x)', raw, m, n).values,
      position: (k) => [Math.floor(k / n), k % n],
    };
    const J = callDerivative(run, call);
    repeatDerivative(run, call, J);
    const label = (i: number, j: number) => ({ index: [i, j], label: `J[${i},${j}]` });
    if (run.mode === 'full') return compareFull(run, subject.fx, J, fullReference(run, subject), label);
    const settings = fdSettings(run, subject);
    const ctx = lineContext(subject, noiseSigma(run, subject, settings), settings);
    return runFast(run, n, jacobianProjector(run, ctx, J));
  });
}
