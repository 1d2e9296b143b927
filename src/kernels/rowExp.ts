/**
 * The shared first half of softmax, log-softmax and cross-entropy on one row of logits: the maximum
 * m, then e_j = exp(x_j − m) with the rounding error of `x_j − m` carried into the exponential
 * (expRow.ts), and the denominator S = Σ_j e_j summed without error: the running sum starts from a
 * bias of 1, so it is ≥ 1 ≥ e_j and Fast2Sum (Dekker 1971) captures each addition's error exactly
 * (the errors are summed apart, as in Ogita, Rump & Oishi, "Accurate sum and dot product", SIAM J.
 * Sci. Comput. 26(6), 2005, Sum2).
 *
 * Log-softmax also needs the non-dominant mass T = S − 1 with full *relative* accuracy even when it
 * is 1e-300 (the dominant entry is −log1p(T)); `nonDominantMass` (nonDominantMass.ts) provides it.
 *
 * Rows are classified first (the special-value conventions of every softmax-family kernel):
 * a NaN anywhere → NAN_ROW; every entry −Infinity → MASKED_ROW; some entry +Infinity → INF_ROW
 * (the +Infinity entries share the mass equally, in the limit); otherwise FINITE_ROW.
 *
 * The row is staged into the workspace (workspace.ts). A row of at most WORK_CAP entries is staged
 * once and stays there, with its exponentials, for the caller's last pass. A wider row is processed
 * in chunks of WORK_CAP: a pass for the maximum, a pass for S, and the caller re-stages each chunk
 * (`restage`) for its own pass, recomputing its exponentials.
 *
 * The exponentials are computed to float64 accuracy (expRow), or to float32 grade (expRowFloat32,
 * relative error below 3e-13, 2.5·10⁻⁶ of a float32 ulp) when every result the caller derives from
 * the row is rounded to float32: the `float32` flag of rowExp, kept in rowState for every restage.
 */
import type { FloatArray } from '../types.js';
import { expRow, expRowFloat32 } from './expRow.js';
import { stageRow, stageRow32, WORK_CAP, WORK_E } from './workspace.js';

export const FINITE_ROW = 0;
export const NAN_ROW = 1;
export const MASKED_ROW = 2;
export const INF_ROW = 3;

const E = WORK_E;

/** What the last `rowExp` call found (module state, so that no object is allocated per row). */
export const rowState = {
  /** max_j x_j (FINITE_ROW only). */
  max: 0,
  /** Whether the row's exponentials are float32 grade (expRowFloat32), as rowExp was told. */
  float32: false,
  /** Number of +Infinity entries (INF_ROW only). */
  infCount: 0,
  /** The denominator S = Σ_j e_j = 1 + T as an unevaluated sum sHi + sLo. */
  sHi: 0,
  sLo: 0,
  /** The biased running sum hi + lo = 1 + Σ e_j (= 2 + T when complete), kept for nonDominantMass. */
  biasHi: 0,
  biasLo: 0,
  /** The second chain of the running sum (odd positions) while it runs: 1 + Σ_{j odd} e_j. */
  biasHi2: 0,
  biasLo2: 0,
  /** T = Σ_{j≠argmax} e_j as tHi + tLo, set by nonDominantMass. */
  tHi: 0,
  tLo: 0,
};

/**
 * Stages x[xo .. xo+n) (n ≤ WORK_CAP) into WORK_X, widening float32, and returns its maximum (NaN if
 * any entry is NaN).
 */
export function stage(x: FloatArray, xo: number, n: number): number {
  return x instanceof Float64Array ? stageRow(x, xo, n) : stageRow32(x, xo, n);
}

/**
 * Classifies row x[xo .. xo+n) and, for a FINITE_ROW, computes m = max_j x_j and S = Σ e_j into
 * rowState. When n ≤ WORK_CAP the row is left in WORK_X and its exponentials e_j = exp(x_j − m)
 * (exactly 1 where x_j = m) in WORK_E; wider rows need `restage`. Returns the row class. Nothing is
 * written outside the workspace, so the caller may write its result over x. `float32`: every result
 * the caller derives from this row is rounded to float32, so the exponentials may be float32 grade
 * (expRowFloat32); otherwise they are float64-accurate (expRow).
 */
export function rowExp(x: FloatArray, xo: number, n: number, float32: boolean): number {
  let m = Number.NEGATIVE_INFINITY;
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk only when n is a multiple of WORK_CAP: stage(…, 0) stages nothing and returns −Infinity, so m is unchanged
  for (let c = 0; c < n; c += WORK_CAP) m = Math.max(m, stage(x, xo + c, Math.min(WORK_CAP, n - c)));
  if (!Number.isFinite(m)) return classifyRow(x, xo, n, m);
  rowState.max = m;
  rowState.float32 = float32;
  rowState.biasHi = 1;
  rowState.biasLo = 0;
  rowState.biasHi2 = 1;
  rowState.biasLo2 = 0;
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged, the exponential pass and biasedSum(0) change nothing
  for (let c = 0; c < n; c += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - c);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: `true` / `n >= WORK_CAP` re-stage a row within WORK_CAP, which the max pass staged already with the same values (`false` / `n <= WORK_CAP` are killed by the wide-row properties)
    if (n > WORK_CAP) stage(x, xo + c, len);
    // Stryker disable next-line ConditionalExpression: `false` gives float32 results from the float64 exponential, within 3e-13 relative of the float32-grade one before the rounding to float32: inside every claim the gate checks (test/kernels/exponentialGrade.test.ts pins the choice; `true` is killed: float64 results lose accuracy)
    if (float32) expRowFloat32(len, m);
    else expRow(len, m);
    biasedSum(len);
  }
  // One biased sum from the two: 1 + Σ e_j = biasHi + (biasHi2 − 1) + biasLo + biasLo2, the first two
  // added with TwoSum (biasHi2 − 1 is exact). The lo parts' own roundings bound the error of
  // hi + lo by n²(n+2)u² in all.
  const h2 = rowState.biasHi2 - 1;
  const hi = rowState.biasHi + h2;
  const bb = hi - rowState.biasHi;
  const lo = rowState.biasLo + rowState.biasLo2 + (rowState.biasHi - (hi - bb) + (h2 - bb));
  rowState.biasHi = hi;
  rowState.biasLo = lo;
  const h1 = hi - 1; // exact: hi ≥ 2 (the bias and e_argmax = 1)
  const sHi = h1 + lo;
  rowState.sHi = sHi;
  rowState.sLo = lo - (sHi - h1);
  return FINITE_ROW;
}

/**
 * For a row wider than WORK_CAP after rowExp: stages the chunk x[xo + c .. xo + c + len) and its
 * exponentials into WORK_X and WORK_E. (Rows within WORK_CAP are still staged: nothing to do.)
 */
export function restage(x: FloatArray, xo: number, n: number, c: number, len: number): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: `false` / `n < WORK_CAP` re-stage a row within WORK_CAP: stage and expRow (the only writers of WORK_X and WORK_E) recompute the same values from the same x and max, and every caller restages before writing its output (`true` / `n > WORK_CAP` are killed by the wide-row properties)
  if (n <= WORK_CAP) return;
  stage(x, xo + c, len);
  // Stryker disable next-line ConditionalExpression: `false` recomputes a wide float32 row's chunks with the float64 exponential, within 3e-13 relative of the float32-grade ones its sum used: inside every claim the gate checks (test/kernels/exponentialGrade.test.ts pins the choice on a wide row; `true` is killed)
  if (rowState.float32) expRowFloat32(len, rowState.max);
  else expRow(len, rowState.max);
}

/** Copies the exponentials e_j of the row of the last FINITE_ROW `rowExp` into out[0 .. n). */
export function exponentialsInto(x: FloatArray, xo: number, n: number, out: Float64Array): void {
  // Stryker disable next-line EqualityOperator: `c <= n` adds an empty chunk (len 0) when n is a multiple of WORK_CAP: nothing staged or written
  for (let c = 0; c < n; c += WORK_CAP) {
    // Stryker disable next-line ArithmeticOperator: `n + c` lengthens only the last chunk of a wide row: its first n − c exponentials are the same (expRow is elementwise) and the extra ones land in out past n, which the only caller (targetRow, a scratch row) never reads
    const len = Math.min(WORK_CAP, n - c);
    restage(x, xo, n, c, len);
    // Stryker disable next-line EqualityOperator: `j <= len` writes out[c + len], which the next chunk overwrites or which lies past n (never read by targetRow)
    for (let j = 0; j < len; j++) out[c + j] = E[j]!;
  }
}

/**
 * Adds WORK_E[0 .. n) (an even number of entries into the row, so that parities agree) to the two
 * biased running sums in rowState: entries at even positions to (biasHi, biasLo), at odd positions
 * to (biasHi2, biasLo2), each in order with Fast2Sum (hi ≥ 1 ≥ e_j). Two chains halve the wait on
 * the addition latency; the split by parity makes the result independent of the chunking.
 */
function biasedSum(n: number): void {
  let hi = rowState.biasHi;
  let lo = rowState.biasLo;
  let hi2 = rowState.biasHi2;
  let lo2 = rowState.biasLo2;
  const n4 = n & ~3;
  let j = 0;
  // Stryker disable next-line ConditionalExpression: skipping the 4-wide body leaves the scalar tail, which adds the same entries to the same chains (by parity) in the same order
  for (; j < n4; j += 4) {
    const e0 = E[j]!;
    const e1 = E[j + 1]!;
    const e2 = E[j + 2]!;
    const e3 = E[j + 3]!;
    let t = hi + e0;
    lo += e0 - (t - hi);
    hi = t;
    let t2 = hi2 + e1;
    lo2 += e1 - (t2 - hi2);
    hi2 = t2;
    t = hi + e2;
    lo += e2 - (t - hi);
    hi = t;
    t2 = hi2 + e3;
    lo2 += e3 - (t2 - hi2);
    hi2 = t2;
  }
  for (; j < n; j++) {
    const ej = E[j]!;
    if ((j & 1) === 0) {
      const t = hi + ej;
      lo += ej - (t - hi);
      hi = t;
    } else {
      const t2 = hi2 + ej;
      lo2 += ej - (t2 - hi2);
      hi2 = t2;
    }
  }
  rowState.biasHi = hi;
  rowState.biasLo = lo;
  rowState.biasHi2 = hi2;
  rowState.biasLo2 = lo2;
}

/**
 * The class of a row whose maximum m (from Math.max, so NaN if any entry is NaN) is not finite;
 * for INF_ROW also counts the +Infinity entries into rowState.infCount.
 */
export function classifyRow(x: FloatArray, xo: number, n: number, m: number): number {
  if (Number.isNaN(m)) return NAN_ROW;
  // Stryker disable next-line ConditionalExpression: `false` makes a fully masked row an INF_ROW with no +Infinity entry, to which softmaxRow.ts (the only reader of the class and infCount) gives the masked results, 0 and −Infinity everywhere (`true` is killed: +Infinity rows become masked)
  if (m === Number.NEGATIVE_INFINITY) return MASKED_ROW;
  let count = 0;
  for (let j = 0; j < n; j++) if (x[xo + j] === m) count++;
  rowState.infCount = count;
  return INF_ROW;
}

/** The first index j with x[xo + j] === m (the argmax, given the row's maximum m), or −1. */
export function indexOfMax(x: FloatArray, xo: number, n: number, m: number): number {
  // Stryker disable next-line EqualityOperator: every caller passes the row's maximum m, one of x[xo .. xo+n), so the search returns before j = n (`!==` is killed)
  for (let j = 0; j < n; j++) if (x[xo + j] === m) return j;
  // Stryker disable next-line UnaryOperator: unreachable (m is one of x[xo .. xo+n))
  return -1;
}
