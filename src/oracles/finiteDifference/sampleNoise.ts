/**
 * Samples f on a short, finely spaced line through x and turns the samples into a noise level per
 * component (ECnoise, see `noise.ts`). The spacing is tiny (2⁻³⁰ in float64) so that curvature is
 * invisible in the higher differences, but at least 4 ulps of the coarsest coordinate; components
 * that do not move at all are sampled again at wider spacings (Moré & Wild's remedy for "h too small").
 */

import type { DType } from '../../types.js';
import type { Evaluator } from './estimateLine.js';
import { toGrid, ulpOf } from './grid.js';
import { NOISE_HALF_WIDTH, noiseAndFlatness } from './noise.js';
import { type FiniteDifferenceSettings, MIN_STEP_ULPS } from './settings.js';

/** Noise estimate and its cost. */
export interface NoiseEstimate {
  /** σ per output component (≥ unit roundoff × |f(x)|). */
  readonly sigma: Float64Array;
  readonly evaluations: number;
}

/**
 * Estimates the noise of f around x along `direction` (entries ±1 recommended). The rounding floor is
 * one unit roundoff of |f(x)| in `floorDtype`: the precision f returns (a float64 loss computed from
 * float32 parameters has float64 rounding, whatever grid its inputs live on).
 * Non-finite samples fall back to the rounding floor for that component.
 * @example estimateNoise(f, x, f(x), FINITE_DIFFERENCE_DEFAULTS.float64, rademacher(n, rng))
 */
export function estimateNoise(
  f: Evaluator,
  x: Float64Array,
  fx: Float64Array,
  settings: FiniteDifferenceSettings,
  direction: Float64Array,
  floorDtype: DType = settings.dtype,
): NoiseEstimate {
  const { dtype } = settings;
  let coarsest = 0;
  for (let j = 0; j < x.length; j++) coarsest = Math.max(coarsest, ulpOf(dtype, x[j]!));
  let spacing = Math.max(settings.noiseSpacing, MIN_STEP_ULPS * coarsest);
  let evaluations = 0;
  let sigma: Float64Array | undefined;
  let pending: Uint8Array | undefined;
  // A component that does not move at all is quantised below this spacing (ECnoise's "h too small"):
  // widen the spacing (×2⁸, up to twice) for those components before settling for the rounding floor.
  // Never wider than 1/64 of the largest finite-difference step: beyond that, f's shape is not noise.
  const widest = settings.initialStep * 2 ** -6;
  for (let attempt = 0; attempt < 3 && (attempt === 0 || spacing <= widest); attempt++, spacing *= 2 ** 8) {
    const samples: Float64Array[] = [];
    for (let p = -NOISE_HALF_WIDTH; p <= NOISE_HALF_WIDTH; p++) {
      if (p === 0) {
        samples.push(fx);
        continue;
      }
      const point = new Float64Array(x.length);
      for (let j = 0; j < x.length; j++) point[j] = toGrid(dtype, x[j]! + p * spacing * direction[j]!);
      samples.push(f(point));
      evaluations++;
    }
    const est = noiseAndFlatness(samples, floorDtype, fx);
    if (sigma === undefined || pending === undefined) {
      sigma = est.sigma;
      pending = est.flat;
    } else {
      // Accept a wider spacing's estimate only where ECnoise recognised noise (quantisation steps);
      // a component that merely starts to move smoothly (a saturated output) keeps the rounding floor.
      for (let c = 0; c < fx.length; c++) {
        if (pending[c] !== 1) continue;
        if (est.detected[c] === 1) sigma[c] = est.sigma[c]!;
        pending[c] = est.flat[c]!;
      }
    }
    if (!pending.includes(1)) break;
  }
  return { sigma: sigma!, evaluations };
}
