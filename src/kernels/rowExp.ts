/**
 * The shared first half of softmax, log-softmax and cross-entropy on one row of logits: the maximum
 * m, then e_j = exp(x_j − m) with the rounding error of `x_j − m` carried into the exponential
 * (TwoSum, Knuth TAOCP vol. 2 §4.2.2), and the denominator S = Σ_j e_j summed without error:
 * the running sum starts from a bias of 1, so it is ≥ 1 ≥ e_j and Fast2Sum (Dekker 1971) captures
 * each addition's error exactly (the errors are summed apart, as in Ogita, Rump & Oishi, "Accurate
 * sum and dot product", SIAM J. Sci. Comput. 26(6), 2005, Sum2).
 *
 * Log-softmax also needs the non-dominant mass T = S − 1 with full *relative* accuracy even when it
 * is 1e-300 (the dominant entry is −log1p(T)); `nonDominantMass` provides it.
 *
 * Rows are classified first (the special-value conventions of every softmax-family kernel):
 * a NaN anywhere → NAN_ROW; every entry −Infinity → MASKED_ROW; some entry +Infinity → INF_ROW
 * (the +Infinity entries share the mass equally, in the limit); otherwise FINITE_ROW.
 */
import type { FloatArray } from '../types.js';
import { expNonPositive } from './exp.js';

export const FINITE_ROW = 0;
export const NAN_ROW = 1;
export const MASKED_ROW = 2;
export const INF_ROW = 3;

/** What the last `expRow` call found (module state, so that no object is allocated per row). */
export const rowState = {
  /** max_j x_j (FINITE_ROW only). */
  max: 0,
  /** The first index of the maximum (set by expRowDot). */
  argmax: 0,
  /** Σ_j e_j·(w_j − w_a) (set by expRowDot). */
  dot: 0,
  /** Number of +Infinity entries (INF_ROW only). */
  infCount: 0,
  /** The denominator S = Σ_j e_j = 1 + T as an unevaluated sum sHi + sLo. */
  sHi: 0,
  sLo: 0,
  /** The biased running sum hi + lo = 2 + T, kept for nonDominantMass. */
  biasHi: 0,
  biasLo: 0,
  /** T = Σ_{j≠argmax} e_j as tHi + tLo, set by nonDominantMass. */
  tHi: 0,
  tLo: 0,
};

/**
 * Classifies row x[xo .. xo+n) and, for a FINITE_ROW, writes e_j = exp(x_j − max) to e[eo + j]
 * (e_j = 1 exactly where x_j is the maximum) and S = Σ e_j to rowState. Returns the row class.
 */
export function expRow(x: Float64Array, xo: number, n: number, e: Float64Array, eo: number): number {
  const m = rowMax(x, xo, n);
  if (!Number.isFinite(m)) return classifyRow(x, xo, n, m);
  rowState.max = m;
  let hi = 1;
  let lo = 0;
  const negM = -m;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    // TwoSum: d + dLo = v − m exactly (dLo is NaN only when d is −Infinity, where exp gives 0).
    const d = v + negM;
    const bv = d - v;
    const ej = expNonPositive(d, v - (d - bv) + (negM - bv));
    e[eo + j] = ej;
    // Fast2Sum (hi ≥ 1 ≥ ej): t + err = hi + ej exactly.
    const t = hi + ej;
    lo += ej - (t - hi);
    hi = t;
  }
  finishSum(hi, lo);
  return FINITE_ROW;
}

/** As expRow without storing the exponentials (log-softmax and the loss need only their sum). */
export function sumExpRow(x: Float64Array, xo: number, n: number): number {
  const m = rowMax(x, xo, n);
  if (!Number.isFinite(m)) return classifyRow(x, xo, n, m);
  rowState.max = m;
  let hi = 1;
  let lo = 0;
  const negM = -m;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    const d = v + negM;
    const bv = d - v;
    const ej = expNonPositive(d, v - (d - bv) + (negM - bv));
    const t = hi + ej;
    lo += ej - (t - hi);
    hi = t;
  }
  finishSum(hi, lo);
  return FINITE_ROW;
}

/**
 * As expRow, also accumulating D = Σ_j e_j·(w_j − w_a) into rowState.dot, for a vector w at
 * w[wo .. wo+n) and the row's argmax a (found first): the fused pass of the softmax VJP/JVP, whose
 * result is s_j((w_j − w_a) − D/S). Non-finite rows are only classified (the caller falls back).
 */
export function expRowDot(
  x: Float64Array,
  xo: number,
  n: number,
  e: Float64Array,
  w: FloatArray,
  wo: number,
): number {
  const m = rowMax(x, xo, n);
  if (!Number.isFinite(m)) return classifyRow(x, xo, n, m);
  rowState.max = m;
  const a = indexOfMax(x, xo, n, m);
  rowState.argmax = a;
  const wa = w[wo + a]!;
  let hi = 1;
  let lo = 0;
  let dot = 0;
  const negM = -m;
  for (let j = 0; j < n; j++) {
    const v = x[xo + j]!;
    const d = v + negM;
    const bv = d - v;
    const ej = expNonPositive(d, v - (d - bv) + (negM - bv));
    e[j] = ej;
    dot += ej * (w[wo + j]! - wa);
    const t = hi + ej;
    lo += ej - (t - hi);
    hi = t;
  }
  rowState.dot = dot;
  finishSum(hi, lo);
  return FINITE_ROW;
}

/**
 * max_j x_j, NaN if any entry is NaN. Math.max propagates NaN and compiles to a branch-free
 * instruction (a compare-and-branch loop is several times slower in V8 on random data).
 */
function rowMax(x: Float64Array, xo: number, n: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, x[xo + j]!);
  return m;
}

/** Stores S from the biased running sum hi + lo = 2 + T (the bias and e_argmax = 1). */
function finishSum(hi: number, lo: number): void {
  // lo's own roundings bound the error of hi + lo by n²(n+2)u² in all.
  rowState.biasHi = hi;
  rowState.biasLo = lo;
  const h1 = hi - 1; // exact: hi ≥ 2
  const sHi = h1 + lo;
  rowState.sHi = sHi;
  rowState.sLo = lo - (sHi - h1);
}

/**
 * The class of a row whose maximum m (from Math.max, so NaN if any entry is NaN) is not finite;
 * for INF_ROW also counts the +Infinity entries into rowState.infCount.
 */
export function classifyRow(x: FloatArray, xo: number, n: number, m: number): number {
  if (Number.isNaN(m)) return NAN_ROW;
  if (m === Number.NEGATIVE_INFINITY) return MASKED_ROW;
  let count = 0;
  for (let j = 0; j < n; j++) if (x[xo + j] === m) count++;
  rowState.infCount = count;
  return INF_ROW;
}

/** The first index j with x[xo + j] === m (the argmax, given the row's maximum m). */
export function indexOfMax(x: FloatArray, xo: number, n: number, m: number): number {
  for (let j = 0; j < n; j++) if (x[xo + j] === m) return j;
  return -1;
}

/**
 * T = S − 1 = Σ_{j≠a} e_j with full relative accuracy, into rowState.tHi/tLo, after a FINITE_ROW
 * `expRow`/`sumExpRow` of the same row (a = an argmax; ties count as e_j = 1). From the biased sum when its error bound
 * n²(n+2)u² is below 2^−60·T; otherwise the exponentials are computed again and summed with TwoSum
 * (Ogita, Rump & Oishi 2005, Sum2), so that T = 1e-300 keeps its digits.
 */
export function nonDominantMass(x: Float64Array, xo: number, n: number): void {
  const h2 = rowState.biasHi - 2; // exact
  const lo = rowState.biasLo;
  let tHi = h2 + lo;
  const bb = tHi - h2;
  let tLo = h2 - (tHi - bb) + (lo - bb); // TwoSum(h2, lo)
  if (!(tHi >= n * n * (n + 2) * 2 ** -46)) {
    const negM = -rowState.max;
    const a = indexOfMax(x, xo, n, rowState.max);
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (j === a) continue;
      const v = x[xo + j]!;
      const d = v + negM;
      const bv = d - v;
      const ej = expNonPositive(d, v - (d - bv) + (negM - bv));
      const t = s + ej;
      const bt = t - s;
      c += s - (t - bt) + (ej - bt);
      s = t;
    }
    tHi = s + c;
    tLo = c - (tHi - s);
  }
  rowState.tHi = tHi;
  rowState.tLo = tLo;
}
