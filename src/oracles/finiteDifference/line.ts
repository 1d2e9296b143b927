/**
 * One level of a finite-difference line: the two evaluation points at nominal step t along a coordinate
 * or a direction, the difference quotient and its rounding weight, and (for directions) the part of the
 * realised displacement that differs from t·v by more than rounding, to be corrected as J·δ.
 */
import type { DType } from '../../types.js';
import { UNIT_ROUNDOFF } from '../../types.js';
import { placeStep } from './place.js';

/** A line through x: one coordinate axis, or a direction vector (length n). */
export type Line =
  | { readonly kind: 'coordinate'; readonly index: number }
  | { readonly kind: 'direction'; readonly v: Float64Array };

/** The points of one level and how to turn f at them into a difference quotient. */
export interface LevelPoints {
  readonly high: Float64Array;
  readonly low: Float64Array;
  /** Neville variable: the effective step whose square the truncation error is a series in. */
  readonly step: number;
  /** Weights of f(high), f(low), f(x) in the derivative estimate. */
  readonly wHigh: number;
  readonly wLow: number;
  readonly wCenter: number;
  /** Half-width used to scale the curvature sample a(h). */
  readonly halfWidth: number;
  /** Realised direction minus nominal direction on coordinates where it matters (divided by t), or undefined. */
  readonly delta: Float64Array | undefined;
}

/** Places the points of one level (nominal step t) of `line` through x. */
export function levelPoints(dtype: DType, x: Float64Array, line: Line, t: number): LevelPoints {
  return line.kind === 'coordinate'
    ? coordinatePoints(dtype, x, line.index, t)
    : directionPoints(dtype, x, line.v, t);
}

function coordinatePoints(dtype: DType, x: Float64Array, j: number, t: number): LevelPoints {
  const s = placeStep(dtype, x[j]!, t);
  const high = Float64Array.from(x);
  const low = Float64Array.from(x);
  high[j] = s.high;
  low[j] = s.low;
  const p = s.plus;
  const q = s.minus;
  if (p === q) {
    return {
      high,
      low,
      step: p,
      wHigh: 1 / (2 * p),
      wLow: -1 / (2 * p),
      wCenter: 0,
      halfWidth: p,
      delta: undefined,
    };
  }
  // Non-uniform three-point formula: exact for quadratics, error (p·q/6)·f‴.
  const den = p * q * (p + q);
  return {
    high,
    low,
    step: Math.sqrt(p * q),
    wHigh: (q * q) / den,
    wLow: -(p * p) / den,
    wCenter: (p * p - q * q) / den,
    halfWidth: (p + q) / 2,
    delta: undefined,
  };
}

function directionPoints(dtype: DType, x: Float64Array, v: Float64Array, t: number): LevelPoints {
  const u = UNIT_ROUNDOFF[dtype];
  const n = x.length;
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  let delta: Float64Array | undefined;
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    const vj = v[j]!;
    if (vj === 0) {
      high[j] = xj;
      low[j] = xj;
      continue;
    }
    const d = t * vj;
    const s = placeStep(dtype, xj, d);
    const tol = 4 * u * Math.abs(d);
    let realised: number;
    if (s.plus === s.minus) {
      high[j] = s.high;
      low[j] = s.low;
      realised = s.plus;
    } else if (Math.abs(s.plus - d) <= tol && Math.abs(s.minus - d) <= tol) {
      high[j] = s.high;
      low[j] = s.low;
      realised = d;
    } else {
      // No symmetric pair and a lopsided one: leave this coordinate still and correct for it.
      high[j] = xj;
      low[j] = xj;
      realised = 0;
    }
    if (Math.abs(realised - d) > tol) {
      delta ??= new Float64Array(n);
      delta[j] = (realised - d) / t;
    }
  }
  return { high, low, step: t, wHigh: 1 / (2 * t), wLow: -1 / (2 * t), wCenter: 0, halfWidth: t, delta };
}
