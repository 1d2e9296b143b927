/**
 * Midpoint–radius arithmetic in float64 (Rump, "Fast and parallel interval arithmetic", BIT 1999),
 * i.e. Higham's running error analysis ("Accuracy and Stability of Numerical Algorithms", §3.3)
 * made rigorous for inputs that are themselves uncertain: every value carries an absolute radius r
 * such that the exact result lies in [v − r, v + r].
 *
 * Rounding model: |fl(a ∘ b) − a ∘ b| ≤ u·|fl(a ∘ b)| + η for ∘ ∈ {+, −, ×, ÷} and √ (IEEE 754
 * round to nearest, u = 2⁻⁵³, η = 2⁻¹⁰⁷⁴ covers gradual underflow). Radii are computed in float64
 * too; `outward` inflates them by 2⁻⁵⁰ relative (> the few roundings each formula makes) plus η.
 *
 * Each operation writes `val[i]` and `rad[i]` from the children at indices `a` and `b`.
 */

/** Unit roundoff of float64. */
export const U = 2 ** -53;
/** Smallest subnormal: absolute rounding error allowance near underflow. */
export const TINY = 2 ** -1074;
const INFLATE = 1 + 2 ** -50;

/** Rounds a radius outward; a NaN radius (∞·0 in a bound) becomes +∞, never a silent pass. */
export function outward(r: number): number {
  const o = r * INFLATE + TINY;
  return Number.isNaN(o) ? Number.POSITIVE_INFINITY : o;
}

/** a + b: radius ra + rb + u|v|. */
export function add(val: Float64Array, rad: Float64Array, i: number, a: number, b: number): void {
  const v = val[a]! + val[b]!;
  val[i] = v;
  rad[i] = outward(rad[a]! + rad[b]! + U * Math.abs(v));
}

/** a − b: radius ra + rb + u|v|. */
export function sub(val: Float64Array, rad: Float64Array, i: number, a: number, b: number): void {
  const v = val[a]! - val[b]!;
  val[i] = v;
  rad[i] = outward(rad[a]! + rad[b]! + U * Math.abs(v));
}

/** a·b: radius |a|rb + |b|ra + ra·rb + u|v| + η (exact bound of the product of two intervals). */
export function mul(val: Float64Array, rad: Float64Array, i: number, a: number, b: number): void {
  const va = val[a]!;
  const vb = val[b]!;
  const ra = rad[a]!;
  const rb = rad[b]!;
  const v = va * vb;
  val[i] = v;
  rad[i] = outward(Math.abs(va) * rb + Math.abs(vb) * ra + ra * rb + U * Math.abs(v) + TINY);
}

/**
 * a / b: for rb < |b|, |a/b − ã/b̃| ≤ (|a/b|·rb + ra) / (|b| − rb); +∞ when the divisor's interval
 * contains 0. |a/b| is bounded by |v|(1 + 2u) + η and the denominator rounded down by (1 − 2u),
 * a form that cannot underflow for tiny b.
 */
export function div(val: Float64Array, rad: Float64Array, i: number, a: number, b: number): void {
  const vb = val[b]!;
  const rb = rad[b]!;
  const v = val[a]! / vb;
  val[i] = v;
  const ab = Math.abs(vb);
  if (!(rb < ab)) {
    rad[i] = Number.POSITIVE_INFINITY;
    return;
  }
  const q = Math.abs(v) * (1 + 2 * U) + TINY;
  rad[i] = outward((q * rb + rad[a]!) / ((ab - rb) * (1 - 2 * U)) + U * Math.abs(v) + TINY);
}

/** −a: exact. */
export function neg(val: Float64Array, rad: Float64Array, i: number, a: number): void {
  val[i] = -val[a]!;
  rad[i] = rad[a]!;
}

/** |a|: exact, and 1-Lipschitz, so the radius carries over. */
export function abs(val: Float64Array, rad: Float64Array, i: number, a: number): void {
  val[i] = Math.abs(val[a]!);
  rad[i] = rad[a]!;
}
