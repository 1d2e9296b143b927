/**
 * Noise level of f per output component, by Moré & Wild's ECnoise (SIAM J. Sci. Comput. 33(3), 2011):
 * evaluate f at 2q+1 equally spaced points along a direction, form the difference table, and take
 * σ_k = sqrt(γ_k · mean((Δᵏf)²)) with γ_k = (k!)²/(2k)! at the first order k where three consecutive
 * estimates agree within a factor 4 and Δᵏf changes sign (noise, not curvature, dominates). One guard
 * is added: a level whose differences are dominated by one or two outliers (median |Δᵏf| below a tenth
 * of their RMS) is a jump in f, not noise, and is never taken as the noise level — the jump is left for
 * the finite-difference line to report. The result never drops below one unit roundoff of |f(x)|.
 */
import type { DType } from '../../types.js';
import { UNIT_ROUNDOFF } from '../../types.js';

/** The smallest subnormal of each dtype: the absolute resolution of any output. */
const SUBNORMAL: Readonly<Record<DType, number>> = { float64: 2 ** -1074, float32: 2 ** -149 };

/** Number of points on each side of x used by the noise estimate (8 extra evaluations of f). */
export const NOISE_HALF_WIDTH = 4;

/**
 * σ per component from samples `values[p]` (p = 0..2q, x at the middle) of f along a line.
 * @example noiseFromSamples([f(x-4δ), …, f(x+4δ)], 'float64', fx)
 */
export function noiseFromSamples(
  values: readonly Float64Array[],
  dtype: DType,
  fx: Float64Array,
): Float64Array {
  return noiseAndFlatness(values, dtype, fx).sigma;
}

/** Per-order statistics of one component's difference table. */
interface Levels {
  /** σ_k estimate per order. */
  readonly sigma: Float64Array;
  /** Δᵏf changes sign within the window. */
  readonly signChange: Uint8Array;
  /** The differences are spread out (noise-like), not one or two outliers (a jump). */
  readonly spread: Uint8Array;
  /** The first differences are all zero, or one or two steps (spacing below f's resolution, or a jump). */
  readonly flat: boolean;
}

/**
 * σ per component; `flat` marks components that did not change at all, or changed in one or two steps
 * (spacing below f's resolution, or a jump: worth sampling wider); `detected` those that met ECnoise's
 * acceptance rule (the others got the fallback).
 */
export function noiseAndFlatness(
  values: readonly Float64Array[],
  dtype: DType,
  fx: Float64Array,
): { sigma: Float64Array; flat: Uint8Array; detected: Uint8Array } {
  const m = fx.length;
  const u = UNIT_ROUNDOFF[dtype];
  const sigma = new Float64Array(m);
  const flat = new Uint8Array(m);
  const detected = new Uint8Array(m);
  for (let c = 0; c < m; c++) {
    const lv = differenceLevels(values, c);
    flat[c] = lv.flat ? 1 : 0;
    const k = lv.flat ? -1 : acceptedOrder(lv);
    detected[c] = k >= 0 ? 1 : 0;
    const level = lv.flat ? 0 : k >= 0 ? lv.sigma[k]! : smallest(lv);
    // Never below one rounding of |f|, nor below the subnormal spacing (outputs that small are quantised).
    sigma[c] = Math.max(level, u * Math.abs(fx[c]!), SUBNORMAL[dtype]);
  }
  return { sigma, flat, detected };
}

/** The difference table of component c, summarised per order. */
function differenceLevels(values: readonly Float64Array[], c: number): Levels {
  const points = values.length;
  const diff = Float64Array.from(values, (v) => v[c]!);
  const mags = new Float64Array(points);
  const sigma = new Float64Array(points - 1);
  const signChange = new Uint8Array(points - 1);
  const spread = new Uint8Array(points - 1);
  let gamma = 1;
  let flat = true;
  for (let k = 0; k < points - 1; k++) {
    const len = points - k - 1;
    let sumSq = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < len; p++) {
      const d = diff[p + 1]! - diff[p]!;
      diff[p] = d;
      mags[p] = Math.abs(d);
      sumSq += d * d;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    if (k === 0 && sumSq !== 0) flat = false;
    gamma *= (0.5 * (k + 1)) / (2 * (k + 1) - 1);
    sigma[k] = Math.sqrt((gamma * sumSq) / len);
    signChange[k] = lo * hi < 0 ? 1 : 0;
    const median = mags.subarray(0, len).sort()[Math.floor(len / 2)]!;
    spread[k] = median >= 0.1 * Math.sqrt(sumSq / len) ? 1 : 0;
  }
  // A jump (or a quantisation step) in the window shows as outliers among the first differences; the
  // higher orders then only smear it out, so none of them measures noise.
  if (spread[0] === 0) spread.fill(0);
  return { sigma, signChange, spread, flat: flat || spread[0] === 0 };
}

/** ECnoise's rule on outlier-free orders: three consecutive levels within 4× and a sign change; else -1. */
function acceptedOrder(lv: Levels): number {
  for (let k = 0; k + 2 < lv.sigma.length; k++) {
    if (lv.spread[k] !== 1 || lv.signChange[k] !== 1) continue;
    const a = lv.sigma[k]!;
    const b = lv.sigma[k + 1]!;
    const c = lv.sigma[k + 2]!;
    if (Math.max(a, b, c) <= 4 * Math.min(a, b, c)) return k;
  }
  return -1;
}

/** Fallback: the smallest σ_k of an outlier-free order (an upper bound on the noise), else 0. */
function smallest(lv: Levels): number {
  let min = Number.POSITIVE_INFINITY;
  lv.sigma.forEach((l, k) => {
    if (lv.spread[k] === 1 && Number.isFinite(l) && l < min) min = l;
  });
  return Number.isFinite(min) ? min : 0;
}
