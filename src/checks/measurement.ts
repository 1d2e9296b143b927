/**
 * Turning an oracle line estimate and the matching analytic values into a Measurement with per-value
 * bounds from the error model: allowed = κ·(oracle error + c·u·(analytic magnitude + |oracle| + |f|)).
 */
import type { LineEstimate } from '../oracles/finiteDifference/estimateLine.js';
import { allowedBound, roundingBound } from './errorModel.js';
import { isNoisy, NOISY } from './noisy.js';
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

/**
 * Measurement straight from a line estimate of f (components = outputs of f), with components whose
 * error is swamped by f's noise marked NOISY (scale: the larger of |Dᵢ| and the largest |D|).
 */
export function lineMeasurement(
  run: Run,
  est: LineEstimate,
  analytic: Float64Array,
  magnitude: Float64Array,
  fAbs: Float64Array,
  sigma: Float64Array,
): Measurement {
  let top = 0;
  for (const d of est.value) if (Math.abs(d) > top) top = Math.abs(d);
  const status = est.status.map((s, c) =>
    s === 0 && isNoisy(run.dtype, sigma[c]!, fAbs[c]!, est.error[c]!, Math.max(Math.abs(est.value[c]!), top))
      ? NOISY
      : s,
  );
  return toMeasurement(run, analytic, magnitude, est.value, est.error, status, fAbs, est.bestStep);
}
