/**
 * Fast mode for VJPs through the inner-product identity ⟨w, J·v⟩ = ⟨Jᵀw, v⟩ (JAX `check_grads`' "VJP
 * of JVP"): the finite-difference derivative D ≈ J·v along a random tangent v, a random cotangent w
 * whose signs are seeded and whose weights are 1/scale of each output's own derivative (so every output,
 * however small, weighs the same in relative terms), and one vjp call per probe.
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import type { ArgKind } from './argument.js';
import { absDot, dot } from './dot.js';
import { lineMeasurement, toMeasurement } from './measurement.js';
import { isNoisy, NOISY } from './noisy.js';
import type { Measurement, Projector } from './projector.js';
import type { Rng } from './random.js';
import type { Run } from './run.js';
import { vjpColumnEntries } from './vjpColumns.js';

/** vjp(x, w) for a cotangent w (length m) → length n. */
export type ApplyVjp = (w: Float64Array) => Float64Array;

/** A projector comparing ⟨Jᵀw, v⟩ with ⟨w, D⟩. */
export function vjpProjector(
  run: Run,
  ctx: LineContext,
  vjp: ApplyVjp,
  outKind: ArgKind,
  rng: Rng,
): Projector {
  const m = ctx.fx.length;
  const vectorLine: LineContext = { ...ctx, correct: 'ignore' };
  return {
    size: 1,
    position: (p) => ({
      index: [p],
      label: `⟨w${p + 1}, J·v${p + 1}⟩ vs ⟨Jᵀw${p + 1}, v${p + 1}⟩ (probe ${p + 1})`,
    }),
    probe(v) {
      const est = estimateLine(vectorLine, { kind: 'direction', v });
      const w = cotangent(est.value, est.error, run.opts.kappa, outKind, rng);
      const a = vjp(w);
      // Magnitudes a vjp combines: |w| times each output's value, derivative and the largest derivative.
      let R = 0;
      for (const d of est.value) if (Math.abs(d) > R) R = Math.abs(d);
      let wf = 0;
      for (let i = 0; i < m; i++) wf += Math.abs(w[i]!) * (Math.abs(ctx.fx[i]!) + R);
      const measure = (vs: Float64Array, ladder = {}): Measurement => {
        if (est.needsCorrection) {
          // Points not all exact: redo the line on φ = ⟨w, f⟩ with the correction ⟨Jᵀw, δ⟩.
          const phi: LineContext = {
            ...ctx,
            f: (p) => Float64Array.of(dot(w, ctx.f(p))),
            fx: Float64Array.of(dot(w, ctx.fx)),
            sigma: Float64Array.of(absDot(w, ctx.sigma) + Number.EPSILON * wf),
            correct: (delta) => Float64Array.of(dot(a, delta)),
          };
          const e = estimateLine(phi, { kind: 'direction', v: vs }, ladder);
          return lineMeasurement(
            run,
            e,
            Float64Array.of(dot(a, vs)),
            Float64Array.of(absDot(a, vs)),
            Float64Array.of(wf),
            phi.sigma,
          );
        }
        const e = vs === v ? est : estimateLine(vectorLine, { kind: 'direction', v: vs }, ladder);
        const oracle = Float64Array.of(dot(w, e.value));
        const error = Float64Array.of(absDot(w, e.error));
        let status = Uint8Array.of(e.status.some((s) => s !== 0) ? Math.max(...e.status) : 0);
        const wd = absDot(w, e.value);
        if (status[0] === 0 && isNoisy(run.dtype, absDot(w, ctx.sigma), absDot(w, ctx.fx), error[0]!, wd)) {
          status = Uint8Array.of(NOISY);
        }
        return toMeasurement(
          run,
          Float64Array.of(dot(a, vs)),
          Float64Array.of(absDot(a, vs) + wd),
          oracle,
          error,
          status,
          Float64Array.of(wf),
          e.bestStep,
        );
      };
      return { measurement: measure(v), restrict: measure };
    },
    entries: vjpColumnEntries(run, ctx, vjp, m),
  };
}

/**
 * Seeded signs and magnitudes in [1, 2), weighted by 1/scaleᵢ, scaleᵢ = max(|Dᵢ|, κ·errᵢ, 2⁻²⁰·max(|D|, κ·err)): outputs count
 * in relative terms, down to a dynamic range of about 10⁶ (plain signs when f is flat along v).
 * Rounded to the cotangent's array type.
 */
function cotangent(d: Float64Array, err: Float64Array, kappa: number, kind: ArgKind, rng: Rng): Float64Array {
  let top = 0;
  for (let i = 0; i < d.length; i++) top = Math.max(top, Math.abs(d[i]!), kappa * err[i]!);
  if (!(top > 0)) return d.map(() => (rng.next() < 0.5 ? -1 : 1) * (1 + rng.next()));
  const floor = top * 2 ** -20;
  const scale = d.map((v, i) => Math.max(Math.abs(v), kappa * err[i]!, floor));
  let least = Number.POSITIVE_INFINITY;
  for (const s of scale) if (s < least) least = s;
  return scale.map((s) => {
    // Random magnitudes in [1, 2) as well as signs: with ±1/scaleᵢ alone, ⟨w, D⟩ = ±least·Σ±1 can
    // cancel exactly, and a VJP off by a constant factor would go unseen.
    const sign = rng.next() < 0.5 ? -1 : 1;
    const w = (sign * (1 + rng.next()) * least) / s;
    return kind === 'float32' ? Math.fround(w) : w;
  });
}
