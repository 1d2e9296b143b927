/**
 * Softmax cross-entropy of one row of logits, in float64: the loss −log s_label (or −Σ y_j log s_j
 * for probability targets) and optionally its gradient (s − y)/rows, computed through the stable
 * log-softmax of rowExp.ts. With a label, the gradient entry s_label − 1 is computed as −(1 − s_label)
 * = −T/S when the label is the dominant class, so it keeps its digits when s_label is within an ulp of 1.
 */
import type { FloatArray } from '../types.js';
import { expForFloat32, expShifted } from './exp.js';
import { nonDominantMass } from './nonDominantMass.js';
import { reciprocal } from './reciprocal.js';
import { exponentialsInto, FINITE_ROW, indexOfMax, restage, rowExp, rowState } from './rowExp.js';
import { rowLoss } from './rowLoss.js';
import { writeScaled } from './rowOutputs.js';
import { logSoftmaxRow, softmaxRow } from './softmaxRow.js';
import { WORK_CAP } from './workspace.js';

/**
 * −log softmax(x)[label] for row x[xo .. xo+n); when `grad` is not null also writes
 * (softmax(x) − onehot(label)) / rows to grad[go .. go+n) (any float arrays; a float32 gradient is
 * rounded once; `grad` may be `x`).
 */
export function labelRow(
  x: FloatArray,
  xo: number,
  n: number,
  label: number,
  grad: FloatArray | null,
  go: number,
  rows: number,
): number {
  const xl = x[xo + label]!;
  rowLoss.half = Number.NaN;
  // A float32 gradient takes float32-grade exponentials (rowExp.ts); the loss then has their 3e-13
  // relative error too, which crossEntropyGrad, the only caller passing one, discards.
  const float32 = grad instanceof Float32Array;
  const kind = rowExp(x, xo, n, float32);
  if (kind !== FINITE_ROW) return specialLabelRow(x, xo, n, label, grad, go, rows);
  // The label is a dominant class exactly when its logit is the maximum; only then can the loss be
  // tiny (log1p(T) with T ≪ 1) and need T with full relative accuracy. Otherwise T ≥ e_label and the
  // loss ≥ ~0.3, so the biased sum's absolute error (≤ n³u²) is far below an ulp.
  const m = rowState.max;
  const dominant = xl === m;
  if (dominant) nonDominantMass(x, xo, n);
  else {
    rowState.tHi = rowState.sHi - 1; // exact: sHi ≥ 1 + e_label
    rowState.tLo = rowState.sLo;
  }
  const tHi = rowState.tHi;
  const tLo = rowState.tLo;
  // −log s_l = log1p(T) + (m − x_l): two nonnegative terms, no cancellation (+Infinity when masked).
  const l = Math.log1p(tHi) + tLo / (1 + tHi);
  const loss = l + (m - xl);
  // m − x_l beyond the largest double (logits ±1e308): the caller adds two finite halves (rowLoss.ts).
  if (loss === Number.POSITIVE_INFINITY && xl > Number.NEGATIVE_INFINITY)
    rowLoss.half = l / 2 + (m / 2 - xl / 2);
  if (grad !== null) {
    const inv = reciprocal(rowState.sHi, rowState.sLo);
    const scale = inv / rows;
    // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written
    for (let c = 0; c < n; c += WORK_CAP) {
      const len = Math.min(WORK_CAP, n - c);
      restage(x, xo, n, c, len);
      writeScaled(grad, go + c, len, scale);
    }
    // s_l − 1 = −T/S when the label is dominant (1 − s_l would lose its digits when s_l ≈ 1);
    // otherwise e_l·(1/S) − 1, with e_l as the row's exponential pass computes it (expRow.ts).
    grad[go + label] = dominant
      ? (0 - (tHi + tLo)) * scale
      : ((float32 ? expForFloat32(xl - m) : expShifted(xl, m)) * inv - 1) / rows;
  }
  return loss;
}

/**
 * NaN, all-masked and +Infinity rows: the conventions of softmax/logSoftmax, applied directly; the
 * gradient, if wanted, goes to grad[go ..] after every read of x (grad may be x).
 */
function specialLabelRow(
  x: FloatArray,
  xo: number,
  n: number,
  label: number,
  grad: FloatArray | null,
  go: number,
  rows: number,
): number {
  const tmp = new Float64Array(n);
  logSoftmaxRow(x, xo, tmp, 0, n);
  const loss = -tmp[label]!;
  if (grad !== null) {
    softmaxRow(x, xo, tmp, 0, n);
    for (let j = 0; j < n; j++) grad[go + j] = (tmp[j]! - (j === label ? 1 : 0)) / rows;
  }
  return loss;
}

/**
 * −Σ_j y_j log softmax(x)_j for row x[xo .. xo+n) and targets y[yo .. yo+n) (terms with y_j = 0 are
 * skipped, so a masked logit with zero target costs nothing); when `grad` is not null also writes
 * (s·Σ_j y_j − y) / rows, the exact gradient for any targets ((s − y)/rows when y sums to 1).
 * The dominant entry a uses s_a·Y − y_a = (Σ_{k≠a} y_k − y_a·T)/S, so that a one-hot target on a
 * confident class keeps the digits of s_a − 1. `tmp` is a float64 buffer of ≥ n elements.
 */
export function targetRow(
  x: Float64Array,
  xo: number,
  n: number,
  y: ArrayLike<number>,
  yo: number,
  tmp: Float64Array,
  grad: Float64Array | null,
  go: number,
  rows: number,
): number {
  rowLoss.half = Number.NaN;
  const kind = rowExp(x, xo, n, false);
  if (kind !== FINITE_ROW) return specialTargetRow(x, xo, n, y, yo, tmp, grad, go, rows);
  nonDominantMass(x, xo, n);
  exponentialsInto(x, xo, n, tmp);
  const m = rowState.max;
  const a = indexOfMax(x, xo, n, m);
  const tHi = rowState.tHi;
  const t = tHi + rowState.tLo;
  const l = Math.log1p(tHi) + rowState.tLo / (1 + tHi);
  let loss = 0;
  let ySum = 0;
  let yRest = 0;
  for (let j = 0; j < n; j++) {
    const yj = y[yo + j]!;
    ySum += yj;
    if (j !== a) yRest += yj;
    // log s_j = (x_j − m) − l, as in logSoftmaxRow.
    if (yj !== 0) loss -= yj * (x[xo + j]! - m - l);
  }
  if (!Number.isFinite(loss)) halveTargetLoss(x, xo, n, y, yo, m, l);
  if (grad !== null) {
    const inv = reciprocal(rowState.sHi, rowState.sLo);
    for (let j = 0; j < n; j++) grad[go + j] = (tmp[j]! * inv * ySum - y[yo + j]!) / rows;
    grad[go + a] = ((yRest - y[yo + a]! * t) * inv) / rows;
  }
  return loss;
}

/**
 * A finite row whose target loss overflowed (x_j − m beyond the largest double for logits ±1e308):
 * half of it, −Σ_j y_j·((x_j/2 − m/2) − l/2), into rowLoss.half when that is finite (rowLoss.ts).
 */
function halveTargetLoss(
  x: Float64Array,
  xo: number,
  n: number,
  y: ArrayLike<number>,
  yo: number,
  m: number,
  l: number,
): void {
  let half = 0;
  for (let j = 0; j < n; j++) {
    const yj = y[yo + j]!;
    if (yj !== 0) half -= yj * (x[xo + j]! / 2 - m / 2 - l / 2);
  }
  if (Number.isFinite(half)) rowLoss.half = half;
}

/** NaN, all-masked and +Infinity rows: log-softmax and softmax conventions applied directly. */
function specialTargetRow(
  x: Float64Array,
  xo: number,
  n: number,
  y: ArrayLike<number>,
  yo: number,
  tmp: Float64Array,
  grad: Float64Array | null,
  go: number,
  rows: number,
): number {
  logSoftmaxRow(x, xo, tmp, 0, n);
  let loss = 0;
  let ySum = 0;
  for (let j = 0; j < n; j++) {
    const yj = y[yo + j]!;
    ySum += yj;
    if (yj !== 0) loss -= yj * tmp[j]!;
  }
  if (grad !== null) {
    softmaxRow(x, xo, tmp, 0, n);
    for (let j = 0; j < n; j++) grad[go + j] = (tmp[j]! * ySum - y[yo + j]!) / rows;
  }
  return loss;
}
