/**
 * Fast mode for a dense analytic Jacobian: J·v against the finite-difference derivative of f along v,
 * output by output, each with its own bound (so small outputs such as tiny softmax probabilities are
 * tested relative to their own size). The placement correction J·δ comes from J itself.
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { columnEntries } from './columnEntries.js';
import { absDot, matVec } from './dot.js';
import { lineMeasurement } from './measurement.js';
import type { Projector } from './projector.js';
import type { Run } from './run.js';

/** A projector comparing J·v with directional finite differences of f. */
export function jacobianProjector(run: Run, ctx: LineContext, J: Float64Array): Projector {
  const m = ctx.fx.length;
  const n = ctx.x.length;
  const fAbs = ctx.fx.map(Math.abs);
  const line: LineContext = { ...ctx, correct: (delta) => matVec(J, m, n, delta).value };
  const { rowMax, colMax } = maxima(J, m, n);
  const measure = (v: Float64Array, ladder = {}) => {
    const est = estimateLine(line, { kind: 'direction', v }, ladder);
    const a = matVec(J, m, n, v);
    // Rounding model of the entries: a few ulps of their row's and column's largest magnitude.
    const colPart = absDot(colMax, v);
    const norm1 = v.reduce((s, t) => s + Math.abs(t), 0);
    const magnitude = a.magnitude.map((mag, i) => mag + rowMax[i]! * norm1 + colPart);
    return lineMeasurement(run, est, a.value, magnitude, fAbs, ctx.sigma);
  };
  return {
    size: m,
    position: (p, i) => ({ index: [p, i], label: `(J·v${p + 1})[${i}]` }),
    probe: (v) => ({ measurement: measure(v), restrict: (vs, ladder) => measure(vs, ladder) }),
    entries: columnEntries(run, ctx, (j) => Float64Array.from({ length: m }, (_, i) => J[i * n + j]!)),
  };
}

function maxima(J: Float64Array, m: number, n: number) {
  const rowMax = new Float64Array(m);
  const colMax = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const v = Math.abs(J[i * n + j]!);
      if (v > rowMax[i]!) rowMax[i] = v;
      if (v > colMax[j]!) colMax[j] = v;
    }
  }
  return { rowMax, colMax };
}
