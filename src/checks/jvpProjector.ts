/**
 * Fast mode for JVPs: jvp(x, v) against the finite-difference derivative of f along v, output by
 * output. The placement correction J·δ (rare: float32 points near a power of two) costs one more jvp call.
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { columnEntries } from './columnEntries.js';
import { lineMeasurement } from './measurement.js';
import type { Projector } from './projector.js';
import type { Run } from './run.js';

/** A projector comparing jvp(x, v) with directional finite differences of f. */
export function jvpProjector(run: Run, ctx: LineContext, jvp: (t: Float64Array) => Float64Array): Projector {
  const m = ctx.fx.length;
  const n = ctx.x.length;
  const fAbs = ctx.fx.map(Math.abs);
  const line: LineContext = { ...ctx, correct: jvp };
  const measure = (v: Float64Array, ladder = {}) => {
    const est = estimateLine(line, { kind: 'direction', v }, ladder);
    const a = jvp(v);
    // Without J, the largest directional derivative stands in for the magnitudes a jvp combines.
    let R = 0;
    for (const d of est.value) if (Math.abs(d) > R) R = Math.abs(d);
    return lineMeasurement(
      run,
      est,
      a,
      a.map((ai) => Math.abs(ai) + R),
      fAbs,
      ctx.sigma,
    );
  };
  return {
    size: m,
    position: (p, i) => ({ index: [p, i], label: `jvp(x, v${p + 1})[${i}]` }),
    probe: (v) => ({ measurement: measure(v), restrict: (vs, ladder) => measure(vs, ladder) }),
    entries: columnEntries(run, ctx, (j) => {
      const e = new Float64Array(n);
      e[j] = 1;
      return jvp(e);
    }),
  };
}
