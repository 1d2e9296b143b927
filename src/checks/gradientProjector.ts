/**
 * Fast mode for gradients: the directional derivative of f along a tangent v (Richardson-extrapolated
 * finite differences) against ⟨g, v⟩, with the point-placement correction ⟨g, δ⟩ taken from g itself.
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { absDot, dot } from './dot.js';
import { lineMeasurement } from './measurement.js';
import type { Projector } from './projector.js';
import type { Run } from './run.js';

/** Entry position of gradient coordinate k. */
export type GradientLabeler = (k: number) => { readonly index: readonly number[]; readonly label: string };

/** A projector comparing ⟨g, v⟩ with the finite-difference slope of f along v. */
export function gradientProjector(
  run: Run,
  ctx: LineContext,
  g: Float64Array,
  label: GradientLabeler,
  probeLabel: GradientLabeler = (p) => ({ index: [p], label: `⟨∇f, v${p + 1}⟩ (probe ${p + 1})` }),
): Projector {
  const fAbs = Float64Array.of(Math.abs(ctx.fx[0]!));
  const line: LineContext = { ...ctx, correct: (delta) => Float64Array.of(dot(g, delta)) };
  const measure = (v: Float64Array, ladder = {}) => {
    const est = estimateLine(line, { kind: 'direction', v }, ladder);
    return lineMeasurement(
      run,
      est,
      Float64Array.of(dot(g, v)),
      Float64Array.of(absDot(g, v)),
      fAbs,
      ctx.sigma,
    );
  };
  return {
    size: 1,
    position: (p) => probeLabel(p),
    probe: (v) => ({ measurement: measure(v), restrict: (vs, ladder) => measure(vs, ladder) }),
    entries(inputs, add) {
      const failed: (readonly number[])[] = [];
      for (const k of inputs) {
        const est = estimateLine(ctx, { kind: 'coordinate', index: k });
        const m = lineMeasurement(
          run,
          est,
          Float64Array.of(g[k]!),
          Float64Array.of(Math.abs(g[k]!)),
          fAbs,
          ctx.sigma,
        );
        if (m.status[0] !== 0) continue;
        const pos = label(k);
        if (
          add({
            ...pos,
            analytic: g[k]!,
            oracle: m.oracle[0]!,
            allowed: m.allowed[0]!,
            oracleError: m.oracleError[0]!,
          })
        ) {
          failed.push(pos.index);
        }
      }
      return failed;
    },
  };
}
