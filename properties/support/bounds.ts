/**
 * Allowed errors of the gate's invariants, each derived from a stated accuracy (ulps) and a stated
 * factor, never guessed. Notation: u_d is the unit roundoff of the kernel's dtype (2⁻⁵³, 2⁻²⁴),
 * ulp_d(v) the spacing of dtype numbers at v (`ulp` from gradcheck, subnormals included), u the
 * float64 unit roundoff of the gate's own arithmetic (sums and products are done in float64).
 *
 * - The kernels claim softmax and log-softmax within KERNEL_ULPS = 4 ulps of the exact value
 *   (DESIGN.md, measured by the golden files); float32 kernels compute in float64 and round once.
 * - A Jacobian entry combines at most two such values and one product or difference whose operands do
 *   not cancel (s_i·s_j, s_i·(1 − s_i) with s_i ≤ ½, the complement Σ_{k≠a} s_k for the largest s_a):
 *   4 + 4 + ½ + ½ ≤ JACOBIAN_ULPS = 10 ulps of the entry.
 * - Recursive summation of n terms in float64 adds at most (n − 1)·u·Σ|terms| (Higham, Accuracy and
 *   Stability of Numerical Algorithms, 2nd ed., §4.2), a dot product n·u·Σ|aᵢbᵢ| (§3.1).
 * - Every first-order bound is multiplied by SAFETY = 2, which covers the second-order terms (all
 *   below n·u² relative) and an ulp taken at a computed value instead of the exact one (at most one
 *   binade off, a factor 2).
 */
import { type DType, ulp } from 'gradcheck';

/** The kernels' documented accuracy for softmax and log-softmax, in ulps of the exact result. */
export const KERNEL_ULPS = 4;
/** Accuracy of a Jacobian entry of softmax or log-softmax, in ulps of the entry (see above). */
export const JACOBIAN_ULPS = 10;
/** Factor applied to every first-order bound. */
export const SAFETY = 2;
/** Unit roundoff of float64, the gate's own arithmetic. */
export const U64 = 2 ** -53;

/**
 * The allowed error of Σ values when each value is within `ulps` ulps (in `dtype`) of an exact value
 * whose sum is known: SAFETY·(Σ ulps·ulp_d(vᵢ) + (n − 1)·u·Σ|vᵢ|).
 *
 * @example sumBound([0.5, 0.5], 'float64', 4) // 2·(4·2⁻⁵³ + 4·2⁻⁵³ + 2⁻⁵³)
 */
export function sumBound(values: ArrayLike<number>, dtype: DType, ulps: number): number {
  let own = 0;
  let magnitude = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    own += ulps * ulp(v, dtype);
    magnitude += Math.abs(v);
  }
  return SAFETY * (own + (values.length - 1) * U64 * magnitude);
}

/**
 * The allowed error of one value within `ulps` ulps of its exact value, plus `magnitude`·`relative`
 * for an error carried in from elsewhere: SAFETY·(ulps·ulp_d(v) + relative·magnitude).
 *
 * @example valueBound(0.25, 'float32', 4) // 2·4·2⁻²⁵
 */
export function valueBound(v: number, dtype: DType, ulps: number, relative = 0, magnitude = 0): number {
  return SAFETY * (ulps * ulp(v, dtype) + relative * magnitude);
}

/** Σ|vᵢ| in float64 (the magnitudes that rounding bounds scale with). */
export function absSum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.abs(values[i]!);
  return s;
}

/** Σ vᵢ in float64, left to right (what sumBound's summation term accounts for). */
export function plainSum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}
