/**
 * Noise level of f per output component, by Moré & Wild's ECnoise (SIAM J. Sci. Comput. 33(3), 2011):
 * evaluate f at 2q+1 equally spaced points along a direction, form the difference table, and take
 * σ_k = sqrt(γ_k · mean((Δᵏf)²)) with γ_k = (k!)²/(2k)! at the first order k where three consecutive
 * estimates agree within a factor 4 and Δᵏf changes sign (noise, not curvature, dominates). The result
 * never drops below one unit roundoff of |f(x)|: that much rounding is always present.
 */
import type { DType } from '../../types.js';
import { UNIT_ROUNDOFF } from '../../types.js';

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

/**
 * σ per component, which components did not change at all over the samples (spacing too small), and
 * which met ECnoise's acceptance rule (the others got the fallback).
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
  const points = values.length;
  const diff = new Float64Array(points);
  const levels = new Float64Array(points - 1);
  const signChange = new Uint8Array(points - 1);
  for (let c = 0; c < m; c++) {
    for (let p = 0; p < points; p++) diff[p] = values[p]![c]!;
    let gamma = 1;
    let allZero = true;
    for (let k = 0; k < points - 1; k++) {
      const len = points - k - 1;
      let sumSq = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < len; p++) {
        const d = diff[p + 1]! - diff[p]!;
        diff[p] = d;
        sumSq += d * d;
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
      if (k === 0 && sumSq !== 0) allZero = false;
      gamma *= (0.5 * (k + 1)) / (2 * (k + 1) - 1);
      levels[k] = Math.sqrt((gamma * sumSq) / len);
      signChange[k] = lo * hi < 0 ? 1 : 0;
    }
    flat[c] = allZero ? 1 : 0;
    const k = allZero ? -1 : acceptedOrder(levels, signChange);
    detected[c] = k >= 0 ? 1 : 0;
    const level = allZero ? 0 : k >= 0 ? levels[k]! : smallest(levels);
    sigma[c] = Math.max(level, u * Math.abs(fx[c]!));
  }
  return { sigma, flat, detected };
}

/** ECnoise's rule: the first order whose three consecutive levels agree within 4× with a sign change, or -1. */
function acceptedOrder(levels: Float64Array, signChange: Uint8Array): number {
  for (let k = 0; k + 2 < levels.length; k++) {
    const a = levels[k]!;
    const b = levels[k + 1]!;
    const c = levels[k + 2]!;
    if (Math.max(a, b, c) <= 4 * Math.min(a, b, c) && signChange[k] === 1) return k;
  }
  return -1;
}

/** Fallback when no order qualifies: the smallest σ_k (an upper bound on the noise). */
function smallest(levels: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (const l of levels) if (Number.isFinite(l) && l < min) min = l;
  return Number.isFinite(min) ? min : 0;
}
