/**
 * Turning an oracle line estimate and the matching analytic values into a Measurement with per-value
 * bounds from the error model: allowed = κ·(oracle error + c·u·(analytic magnitude + |oracle| + |f|)).
 */
import type { LineEstimate } from '../oracles/finiteDifference/estimateLine.js';
import { allowedBound, roundingBound } from './errorModel.js';
import type { Measurement } from './projector.js';
import type { Run } from './run.js';

/**
 * @param magnitude per value, the magnitudes its analytic computation involved (e.g. Σⱼ|Jᵢⱼvⱼ|)
 * @param fAbs per value, |f| of the output it belongs to (or Σ|wᵢfᵢ| for a projection)
 */
export function toMeasurement(
  run: Run,
  analytic: Float64Array,
  magnitude: Float64Array,
  oracle: Float64Array,
  oracleError: Float64Array,
  status: Uint8Array,
  fAbs: Float64Array,
  bestStep: number,
): Measurement {
  const allowed = analytic.map((_, c) =>
    allowedBound(
      run.opts.kappa,
      oracleError[c]!,
      roundingBound(run.dtype, magnitude[c]! + Math.abs(oracle[c]!) + fAbs[c]!),
    ),
  );
  return { analytic, oracle, oracleError, allowed, status, bestStep };
}

/** Measurement straight from a line estimate of f (components = outputs of f). */
export function lineMeasurement(
  run: Run,
  est: LineEstimate,
  analytic: Float64Array,
  magnitude: Float64Array,
  fAbs: Float64Array,
): Measurement {
  return toMeasurement(run, analytic, magnitude, est.value, est.error, est.status, fAbs, est.bestStep);
}
