/**
 * The non-dominant mass T = S − 1 = Σ_{j≠argmax} e_j of a softmax row with full *relative* accuracy,
 * even when it is 1e-300: log-softmax's dominant entry is −log1p(T), and the cross-entropy of a
 * confident label is log1p(T).
 */
import type { FloatArray } from '../types.js';
import { restage, rowState } from './rowExp.js';
import { WORK_CAP, WORK_E } from './workspace.js';

const E = WORK_E;

/**
 * T = S − 1 = Σ_{j≠a} e_j with full relative accuracy, into rowState.tHi/tLo, after a FINITE_ROW
 * `rowExp` of the same row (a = an argmax, whose e_a is exactly 1; ties count as e_j = 1). From the
 * biased sum when its error bound n²(n+2)u² is below 2^−60·T; otherwise the exponentials but one 1
 * are summed again with TwoSum (Ogita, Rump & Oishi 2005, Sum2), so that T = 1e-300 keeps its digits.
 */
export function nonDominantMass(x: FloatArray, xo: number, n: number): void {
  const h2 = rowState.biasHi - 2; // exact
  const lo = rowState.biasLo;
  const tHi = h2 + lo;
  const bb = tHi - h2;
  rowState.tHi = tHi;
  rowState.tLo = h2 - (tHi - bb) + (lo - bb); // TwoSum(h2, lo)
  if (!(tHi >= n * n * (n + 2) * 2 ** -46)) sumNonDominant(x, xo, n);
}

/** The rare branch of nonDominantMass: T summed again from the exponentials but one 1. */
function sumNonDominant(x: FloatArray, xo: number, n: number): void {
  let s = 0;
  let c = 0;
  // Skip one entry equal to 1 (the first; any other e_j = 1 is also part of T: an entry within
  // half an ulp of the maximum rounds to 1 too, and then T ≥ 1 is far from this branch).
  let skip = 1;
  for (let k = 0; k < n; k += WORK_CAP) {
    const len = Math.min(WORK_CAP, n - k);
    restage(x, xo, n, k, len);
    for (let j = 0; j < len; j++) {
      const ej = E[j]!;
      if (ej === skip) {
        skip = Number.NaN;
        continue;
      }
      const t = s + ej;
      const bt = t - s;
      c += s - (t - bt) + (ej - bt);
      s = t;
    }
  }
  const tHi = s + c;
  rowState.tHi = tHi;
  rowState.tLo = c - (tHi - s);
}
