/**
 * Where `exp` leaves the representable range, per dtype, and the unit in the last place. These are the
 * values the overflow regimes of the logit generators aim at.
 */
import type { DType } from '../types.js';

/**
 * The smallest logit whose `exp` overflows to `Infinity` (float64: `Math.exp(709.7827128933841)`,
 * float32: `Math.fround(Math.exp(88.72283935546875))`). A naive softmax returns NaN at or beyond it.
 *
 * @example
 * ```ts
 * Math.exp(EXP_OVERFLOW.float64); // Infinity
 * Math.exp(EXP_OVERFLOW.float64 - 1e-12); // 1.797…e308
 * ```
 */
export const EXP_OVERFLOW: Readonly<Record<DType, number>> = {
  float64: 709.7827128933841,
  float32: 88.72283935546875,
};

/**
 * The largest logit whose `exp` underflows to exactly 0 (float64: `Math.exp(-745.1332191019412) === 0`;
 * float32: `Math.fround(Math.exp(-103.97208404541016)) === 0`).
 *
 * @example
 * ```ts
 * Math.exp(EXP_UNDERFLOW.float64); // 0
 * ```
 */
export const EXP_UNDERFLOW: Readonly<Record<DType, number>> = {
  float64: -745.1332191019412,
  float32: -103.97208404541016,
};

/** Significand bits after the point, per dtype. */
const FRACTION_BITS: Readonly<Record<DType, number>> = { float64: 52, float32: 23 };

/**
 * The spacing of `dtype` numbers at a normal magnitude `a ≥ 1` (an ulp), as a power of two.
 * Internal helper for the near-tie and tiny-spread regimes.
 */
export function ulpAt(a: number, dtype: DType): number {
  let e = Math.floor(Math.log2(a));
  // Math.log2 may round across a power of two: settle the exponent exactly.
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  return 2 ** (e - FRACTION_BITS[dtype]);
}
