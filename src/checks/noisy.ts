/**
 * The `noise` reason of `oracle-unreliable`: when f's estimated noise is far above rounding (over 1024
 * unit roundoffs of |f|, or 1024 subnormal spacings) and the oracle's error is a visible fraction (2⁻¹⁰ ≈ 0.1 %) of the value's
 * scale, the comparison could not tell a right derivative from a wrong one, so it is not made. A noisy
 * or jumping f is reported instead of silently passing under a huge bound.
 */
import type { DType } from '../types.js';
import { UNIT_ROUNDOFF } from '../types.js';

/** Status code (next to the oracle's SMOOTH/KINK/DISCONTINUITY/NO_STEP) for a noise-swamped value. */
export const NOISY = 4;

/**
 * @param sigma f's noise level for this value; @param fAbs |f| it belongs to
 * @param error the oracle's error estimate; @param scale the magnitude of the values around it
 */
export function isNoisy(dtype: DType, sigma: number, fAbs: number, error: number, scale: number): boolean {
  const subnormal = dtype === 'float32' ? 2 ** -149 : 2 ** -1074;
  return sigma > 1024 * (UNIT_ROUNDOFF[dtype] * fAbs + subnormal) && error > 2 ** -10 * scale;
}
