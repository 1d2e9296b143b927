/**
 * softmax and log-softmax of one row, computed in float64, with the special-value conventions of the
 * softmax family (see rowExp.ts for the row classes):
 *   NaN anywhere in the row      → every output NaN (other rows are untouched);
 *   every entry −Infinity        → softmax 0 everywhere, log-softmax −Infinity everywhere;
 *   c entries +Infinity          → those get softmax 1/c (log-softmax −log c), the rest 0 (−Infinity);
 *   an entry −Infinity otherwise → softmax 0, log-softmax −Infinity, the rest as if it were absent.
 */
import type { FloatArray } from '../types.js';
import { nonDominantMass } from './nonDominantMass.js';
import { reciprocal } from './reciprocal.js';
import { FINITE_ROW, INF_ROW, MASKED_ROW, NAN_ROW, restage, rowExp, rowState } from './rowExp.js';
import { writeScaled, writeShifted } from './rowOutputs.js';
import { WORK_CAP } from './workspace.js';

/**
 * s_j = e_j / (1 + T), each within a few ulps of the exact value, for x[xo .. xo+n) into
 * out[oo .. oo+n) (any float arrays; float32 is read exactly and rounded once; `out` may be `x`).
 * A Float32Array `out` gets float32-grade exponentials (rowExp.ts), any other float64-accurate ones.
 */
export function softmaxRow(x: FloatArray, xo: number, out: FloatArray, oo: number, n: number): void {
  const kind = rowExp(x, xo, n, out instanceof Float32Array);
  if (kind !== FINITE_ROW) {
    softmaxSpecialRow(kind, x, xo, out, oo, n);
    return;
  }
  const inv = reciprocal(rowState.sHi, rowState.sLo);
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written
  for (let c = 0; c < n; c += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - c);
    restage(x, xo, n, c, len);
    writeScaled(out, oo + c, len, inv);
  }
}

/**
 * log s_j = (x_j − m) − log1p(T), with T the non-dominant mass summed with full relative accuracy
 * (nonDominantMass.ts) and log1p(T) ≈ log1p(tHi) + tLo/(1 + tHi): the dominant entry, −log1p(T), keeps full
 * relative accuracy however close to 0 it is. Arrays as for softmaxRow.
 */
export function logSoftmaxRow(x: FloatArray, xo: number, out: FloatArray, oo: number, n: number): void {
  const kind = rowExp(x, xo, n, out instanceof Float32Array);
  if (kind !== FINITE_ROW) {
    logSoftmaxSpecialRow(kind, x, xo, out, oo, n);
    return;
  }
  nonDominantMass(x, xo, n);
  const tHi = rowState.tHi;
  const l = Math.log1p(tHi) + rowState.tLo / (1 + tHi);
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written
  for (let c = 0; c < n; c += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - c);
    restage(x, xo, n, c, len);
    writeShifted(out, oo + c, len, rowState.max, l);
  }
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
  // Stryker disable next-line ConditionalExpression: share is only written on an INF_ROW (below), so its value on other rows is never used
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
  // Stryker disable next-line ConditionalExpression: share is only written on an INF_ROW (below: NaN and masked rows take the other branches), so its value on other rows is never used
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
