/**
 * checkVjp: is `vjp(x, w)` the vector–Jacobian product Jᵀ(x)·w? Full mode assembles J row by row from
 * basis cotangents (m calls) and compares every entry; fast mode checks ⟨w, J·v⟩ = ⟨Jᵀw, v⟩ along
 * random tangents and cotangents and locates wrong entries by group testing.
 */
import type { NumericArray } from '../types.js';
import { readPoint } from './argument.js';
import { compareFull } from './compareFull.js';
import { callDerivative, type DerivativeCall, repeatDerivative } from './derivative.js';
import { runFast } from './fast.js';
import { requireFunction, type VectorFunction, type VjpFunction } from './functions.js';
import { type CheckOptions, resolveCheckOptions } from './options.js';
import { fdSettings, lineContext, noiseSigma } from './oracleContext.js';
import { readVector } from './output.js';
import { fullReference, guardSize } from './reference.js';
import type { CheckResult } from './result.js';
import { execute, Run } from './run.js';
import { prepareSubject } from './subject.js';
import { vjpProjector } from './vjpProjector.js';

/**
 * Checks a VJP. The cotangent is handed over in the array type f returns; vjp must return length n.
 *
 * Defaults: full mode, κ = 4, seed 42, dtype inferred.
 * @example
 * const f = (x: Float64Array) => Float64Array.of(x[0] * x[1], x[1] ** 2);
 * const vjp = (x: Float64Array, w: Float64Array) => Float64Array.of(w[0] * x[1], w[0] * x[0] + 2 * w[1] * x[1]);
 * checkVjp(f, vjp, [3, -1]).ok; // true
 */
export function checkVjp(
  f: VectorFunction,
  vjp: VjpFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  const fn = 'checkVjp';
  const opts = resolveCheckOptions(fn, options);
  const point = readPoint(fn, x);
  requireFunction(fn, 'f', f);
  requireFunction(fn, 'vjp', vjp);
  const run = new Run(fn, 'vjp', opts, point.kind);
  return execute(run, () => {
    const subject = prepareSubject(run, f, point, false);
    const m = subject.fx.length;
    const n = subject.x.length;
    if (run.mode === 'full') guardSize(run, m, n);
    const call = (
      w: Float64Array,
      position: (k: number) => readonly number[] = (k) => [k],
    ): DerivativeCall => ({
      name: 'vjp',
      fn: vjp,
      x: subject.x,
      extra: { kind: subject.outKind, values: w },
      read: (raw) => readVector(fn, 'vjp(x, w)', raw, n).values,
      position,
    });
    if (run.mode === 'full') {
      const J = new Float64Array(m * n);
      for (let i = 0; i < m; i++) {
        const e = new Float64Array(m);
        e[i] = 1;
        const c = call(e, (k) => [i, k]);
        const row = callDerivative(run, c);
        if (i === 0) repeatDerivative(run, c, row);
        J.set(row, i * n);
      }
      const label = (i: number, j: number) => ({ index: [i, j], label: `J[${i},${j}]` });
      return compareFull(run, subject.fx, J, fullReference(run, subject), label);
    }
    const settings = fdSettings(run, subject);
    const ctx = lineContext(subject, noiseSigma(run, subject, settings), settings);
    let first = true;
    const apply = (w: Float64Array) => {
      const out = callDerivative(run, call(w));
      if (first) {
        first = false;
        repeatDerivative(run, call(w), out);
      }
      return out;
    };
    return runFast(run, n, vjpProjector(run, ctx, apply, subject.outKind, run.rng));
  });
}
