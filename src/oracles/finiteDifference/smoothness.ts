/**
 * Telling kinks and jumps from smooth curvature. For smooth f the scaled second difference
 * a(h) = (f(x+h) − 2f(x) + f(x−h))/h ≈ h·f″ halves with h; at a kink (ReLU at 0, a tie in a max) it
 * tends to the jump in slope and stays put; at a discontinuity it grows like 1/h. Central differences
 * alone cannot see a kink at x (they converge to the mean slope), so the one-sided information is
 * checked explicitly on the three smallest steps.
 */

/** Per-component smoothness verdict of a line through x. */
export const SMOOTH = 0;
export const KINK = 1;
export const DISCONTINUITY = 2;

/** Second-difference samples of one level: a(h) per component and its rounding noise. */
export interface CurvatureSample {
  readonly a: Float64Array;
  /** Rounding bound of a(h) per component (4σ/h). */
  readonly noise: Float64Array;
}

/**
 * Classifies each component from the last three levels (largest step first). A component is non-smooth
 * when |a| is well above its noise at the smallest step and did not shrink over two halvings.
 */
export function classifySmoothness(samples: readonly CurvatureSample[]): Uint8Array {
  const n = samples.length;
  const m = samples[0]?.a.length ?? 0;
  const out = new Uint8Array(m);
  if (n < 3) return out;
  const s0 = samples[n - 3]!;
  const s1 = samples[n - 2]!;
  const s2 = samples[n - 1]!;
  for (let c = 0; c < m; c++) {
    const a0 = Math.abs(s0.a[c]!);
    const a1 = Math.abs(s1.a[c]!);
    const a2 = Math.abs(s2.a[c]!);
    if (!(a2 > 16 * s2.noise[c]! && a1 > 16 * s1.noise[c]!)) continue;
    const r1 = a1 / a0;
    const r2 = a2 / a1;
    if (!(r1 >= 0.75 && r2 >= 0.75)) continue;
    out[c] = r1 >= 1.5 && r2 >= 1.5 ? DISCONTINUITY : KINK;
  }
  return out;
}
