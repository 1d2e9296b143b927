/**
 * Wiring the finite-difference oracle to a check: the dtype's step table with the user's overrides,
 * and the noise level of f (ECnoise along a seeded Rademacher direction, or just the rounding floor).
 */
import type { Evaluator, LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { estimateNoise } from '../oracles/finiteDifference/sampleNoise.js';
import {
  FINITE_DIFFERENCE_DEFAULTS,
  type FiniteDifferenceSettings,
} from '../oracles/finiteDifference/settings.js';
import { type DType, UNIT_ROUNDOFF } from '../types.js';
import { rademacher } from './random.js';
import type { Run } from './run.js';
import type { Subject } from './subject.js';

/** The step table for the subject's grid, with `options.step` / `options.maxLevels` applied. */
export function fdSettings(run: Run, subject: Subject): FiniteDifferenceSettings {
  const base = FINITE_DIFFERENCE_DEFAULTS[subject.grid];
  const maxLevels = run.opts.maxLevels ?? base.maxLevels;
  return {
    ...base,
    initialStep: run.opts.step ?? base.initialStep,
    maxLevels,
    minLevels: Math.min(base.minLevels, maxLevels),
  };
}

/** σ per component of f around x. */
export function noiseSigma(run: Run, subject: Subject, settings: FiniteDifferenceSettings): Float64Array {
  // The rounding floor follows what f returns (float32 arrays round like float32, numbers like
  // float64: a float64 loss of float32 parameters is not float32-noisy), unless the caller says
  // the computation is float32 (a float32 kernel reduced to a number, e.g. ⟨g, f(x)⟩ in a spec).
  const floor: DType = subject.outKind === 'float32' || run.opts.dtype === 'float32' ? 'float32' : 'float64';
  const least = run.opts.noiseFloor;
  if (run.opts.noise === 'rounding') {
    const u = UNIT_ROUNDOFF[floor];
    const subnormal = floor === 'float32' ? 2 ** -149 : 2 ** -1074;
    return subject.fx.map((v) => Math.max(u * Math.abs(v), subnormal, least));
  }
  const direction = rademacher(subject.x.length, run.rng);
  const sigma = estimateNoise(subject.evaluate, subject.x, subject.fx, settings, direction, floor).sigma;
  return least > 0 ? sigma.map((v) => Math.max(v, least)) : sigma;
}

/** A line context for f at the subject's point. */
export function lineContext(
  subject: Subject,
  sigma: Float64Array,
  settings: FiniteDifferenceSettings,
  correct?: LineContext['correct'],
  evaluate: Evaluator = subject.evaluate,
  fx: Float64Array = subject.fx,
): LineContext {
  return correct === undefined
    ? { f: evaluate, x: subject.x, fx, sigma, settings }
    : { f: evaluate, x: subject.x, fx, sigma, settings, correct };
}
