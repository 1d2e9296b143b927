/**
 * softmax and log-softmax of one row, in float64, with the special-value conventions of the
 * softmax family (see rowExp.ts for the row classes):
 *   NaN anywhere in the row      → every output NaN (other rows are untouched);
 *   every entry −Infinity        → softmax 0 everywhere, log-softmax −Infinity everywhere;
 *   c entries +Infinity          → those get softmax 1/c (log-softmax −log c), the rest 0 (−Infinity);
 *   an entry −Infinity otherwise → softmax 0, log-softmax −Infinity, the rest as if it were absent.
 */
import {
  expRow,
  FINITE_ROW,
  INF_ROW,
  indexOfMax,
  MASKED_ROW,
  NAN_ROW,
  nonDominantMass,
  reciprocal,
  rowState,
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
 * log s_j = (x_j − m) − log1p(T), with x_j − m carried as a TwoSum pair and log1p(T) as a
 * double-double (log1p(tHi) + tLo/(1 + tHi)): the dominant entry, −log1p(T), keeps full relative
 * accuracy however close to 0 it is. `e` is a float64 buffer of at least n elements for the exps.
 */
export function logSoftmaxRow(
  x: Float64Array,
  xo: number,
  out: Float64Array,
  oo: number,
  n: number,
  e: Float64Array,
): void {
  const kind = expRow(x, xo, n, e, 0);
  if (kind !== FINITE_ROW) {
    logSoftmaxSpecialRow(kind, x, xo, out, oo, n);
    return;
  }
  nonDominantMass(e, 0, n, indexOfMax(x, xo, n, rowState.max));
  const tHi = rowState.tHi;
  const lHi = Math.log1p(tHi);
  const lLo = rowState.tLo / (1 + tHi);
  const negM = -rowState.max;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    const d = v + negM;
    const bv = d - v;
    const lo = v - (d - bv) + (negM - bv);
    out[oo + j] = d > Number.NEGATIVE_INFINITY ? d - lHi + (lo - lLo) : d;
  }
}

function softmaxSpecialRow(
  kind: number,
  x: Float64Array,
  xo: number,
  out: Float64Array,
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

function logSoftmaxSpecialRow(
  kind: number,
  x: Float64Array,
  xo: number,
  out: Float64Array,
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
