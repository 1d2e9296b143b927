/**
 * Max-shift of one row of logits. Softmax, log-softmax and cross-entropy are invariant under
 * x ↦ x − c·1, so their Jacobians are too: J(x) = J(x − max(x)·1). At the shifted point every
 * exp(dⱼ) ≤ 1 cannot overflow and the row sum is ≥ 1. The rounding of each difference is carried
 * exactly (Knuth's TwoSum: d + t = xⱼ − m) into the input radius |t|, so the shift costs no rigour.
 */

/** Writes the shifted row into `d` and the exact rounding of each difference into `radius`. */
export function maxShift(
  x: Float64Array,
  offset: number,
  n: number,
  d: Float64Array,
  radius: Float64Array,
): void {
  let m = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) m = Math.max(m, x[offset + j]!);
  for (let j = 0; j < n; j++) {
    const a = x[offset + j]!;
    const s = a - m;
    if (!Number.isFinite(s)) {
      // a − m < −1.8e308: exp of it is 0 in any precision we evaluate; keep the nearest double.
      d[j] = -Number.MAX_VALUE;
      radius[j] = 0;
      continue;
    }
    const bb = s - a;
    const t = a - (s - bb) + (-m - bb);
    d[j] = s;
    radius[j] = Math.abs(t);
  }
}
