/**
 * softmax and log-softmax of one row, in float64, with the special-value conventions of the
 * softmax family (see rowExp.ts for the row classes):
 *   NaN anywhere in the row      → every output NaN (other rows are untouched);
 *   every entry −Infinity        → softmax 0 everywhere, log-softmax −Infinity everywhere;
 *   c entries +Infinity          → those get softmax 1/c (log-softmax −log c), the rest 0 (−Infinity);
 *   an entry −Infinity otherwise → softmax 0, log-softmax −Infinity, the rest as if it were absent.
 */
import type { FloatArray } from '../types.js';
import { reciprocal } from './reciprocal.js';
import {
  expRow,
  FINITE_ROW,
  INF_ROW,
  MASKED_ROW,
  NAN_ROW,
  nonDominantMass,
  rowState,
  sumExpRow,
} from './rowExp.js';

/** s_j = e_j / (1 + T), each within a few ulps of the exact value (Float64Array in and out). */
export function softmaxRow(x: Float64Array, xo: number, out: Float64Array, oo: number, n: number): void {
  const kind = expRow(x, xo, n, out, oo);
  if (kind !== FINITE_ROW) {
    softmaxSpecialRow(kind, x, xo, out, oo, n);
    return;
  }
  const inv = reciprocal(rowState.sHi, rowState.sLo);
  for (let j = 0; j < n; j++) out[oo + j]! *= inv;
}

/**
 * log s_j = (x_j − m) − log1p(T), with T the non-dominant mass summed with full relative accuracy
 * (rowExp.ts) and log1p(T) ≈ log1p(tHi) + tLo/(1 + tHi): the dominant entry, −log1p(T), keeps full
 * relative accuracy however close to 0 it is.
 */
export function logSoftmaxRow(x: Float64Array, xo: number, out: Float64Array, oo: number, n: number): void {
  const kind = sumExpRow(x, xo, n);
  if (kind !== FINITE_ROW) {
    logSoftmaxSpecialRow(kind, x, xo, out, oo, n);
    return;
  }
  nonDominantMass(x, xo, n);
  const tHi = rowState.tHi;
  const l = Math.log1p(tHi) + rowState.tLo / (1 + tHi);
  const m = rowState.max;
  // (x_j − m) ≤ 0 and −l ≤ 0 have the same sign: no cancellation, the two roundings and l's own
  // error stay within about 2 ulps of the result (−Infinity stays −Infinity, never NaN).
  for (let j = 0; j < n; j++) out[oo + j] = x[xo + j]! - m - l;
}

/** The conventions of softmax on NaN, all-masked and +Infinity rows (any float array types). */
export function softmaxSpecialRow(
  kind: number,
  x: FloatArray,
  xo: number,
  out: FloatArray,
  oo: number,
  n: number,
) {
  const share = kind === INF_ROW ? 1 / rowState.infCount : 0;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    out[oo + j] =
      kind === NAN_ROW ? Number.NaN : kind === INF_ROW && v === Number.POSITIVE_INFINITY ? share : 0;
  }
}

/** The conventions of log-softmax on NaN, all-masked and +Infinity rows (any float array types). */
export function logSoftmaxSpecialRow(
  kind: number,
  x: FloatArray,
  xo: number,
  out: FloatArray,
  oo: number,
  n: number,
) {
  const share = kind === INF_ROW ? -Math.log(rowState.infCount) : Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    out[oo + j] =
      kind === NAN_ROW
        ? Number.NaN
        : kind === MASKED_ROW || v !== Number.POSITIVE_INFINITY
          ? Number.NEGATIVE_INFINITY
          : share;
  }
}
