/**
 * checkJvp: is `jvp(x, t)` the Jacobian–vector product J(x)·t? Full mode assembles J column by column
 * from basis tangents (n calls) and compares every entry; fast mode compares jvp(x, v) along random
 * tangents with directional finite differences, output by output.
 */
import type { NumericArray } from '../types.js';
import { readPoint } from './argument.js';
import { compareFull } from './compareFull.js';
import { callDerivative, type DerivativeCall, repeatDerivative } from './derivative.js';
import { runFast } from './fast.js';
import { type JvpFunction, requireFunction, type VectorFunction } from './functions.js';
import { jvpProjector } from './jvpProjector.js';
import { type CheckOptions, resolveCheckOptions } from './options.js';
import { fdSettings, lineContext, noiseSigma } from './oracleContext.js';
import { readVector } from './output.js';
import { fullReference, guardSize } from './reference.js';
import type { CheckResult } from './result.js';
import { execute, Run } from './run.js';
import { prepareSubject } from './subject.js';

/**
 * Checks a JVP. The tangent is handed over in x's array type; jvp must return length m = f(x).length.
 *
 * Defaults: full mode, κ = 4, seed 42, dtype inferred.
 * @example
 * const f = (x: Float64Array) => x.map(Math.sin);
 * const jvp = (x: Float64Array, t: Float64Array) => x.map((v, i) => Math.cos(v) * t[i]);
 * checkJvp(f, jvp, [0.1, 0.2], { mode: 'fast' }).ok; // true
 */
export function checkJvp(
  f: VectorFunction,
  jvp: JvpFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  const fn = 'checkJvp';
  const opts = resolveCheckOptions(fn, options);
  const point = readPoint(fn, x);
  requireFunction(fn, 'f', f);
  requireFunction(fn, 'jvp', jvp);
  const run = new Run(fn, 'jvp', opts, point.kind);
  return execute(run, () => {
    const subject = prepareSubject(run, f, point, false);
    const m = subject.fx.length;
    const n = subject.x.length;
    if (run.mode === 'full') guardSize(run, m, n);
    const call = (t: Float64Array): DerivativeCall => ({
      name: 'jvp',
      fn: jvp,
      x: subject.x,
      extra: { kind: point.kind, values: t },
      read: (raw) => readVector(fn, 'jvp(x, t)', raw, m).values,
      position: (k) => [k],
    });
    const apply = (t: Float64Array) => callDerivative(run, call(t));
    if (run.mode === 'full') {
      const J = new Float64Array(m * n);
      for (let j = 0; j < n; j++) {
        const e = new Float64Array(n);
        e[j] = 1;
        const col = callDerivative(run, { ...call(e), position: (k) => [k, j] });
        if (j === 0) repeatDerivative(run, { ...call(e), position: (k) => [k, j] }, col);
        for (let i = 0; i < m; i++) J[i * n + j] = col[i]!;
      }
      const label = (i: number, j: number) => ({ index: [i, j], label: `J[${i},${j}]` });
      return compareFull(run, subject.fx, J, fullReference(run, subject), label);
    }
    const settings = fdSettings(run, subject);
    const ctx = lineContext(subject, noiseSigma(run, subject, settings), settings);
    let first = true;
    const guarded = (t: Float64Array) => {
      const out = apply(t);
      if (first) {
        first = false;
        repeatDerivative(run, call(t), out);
      }
      return out;
    };
    return runFast(run, n, jvpProjector(run, ctx, guarded));
  });
}
