/**
 * Errors in ulps against decimal references, fast where the verdict is clear: `ulpError` expands a
 * double exactly (hundreds of digits for a subnormal), so it is only called near the limit.
 */
import {
  type CheckResult,
  checkInvariant,
  type Decimal,
  type DType,
  type InvariantOptions,
  ulpDistance,
  ulpError,
} from 'gradcheck';

/**
 * |v − exact| in ulps of exact (in `dtype`), measured exactly unless the verdict against `limit` is
 * clear: v within limit − 1 representable numbers of the correctly rounded reference is within
 * limit − ½ ulps (the reference's own rounding at 40 digits is far below an ulp), so that distance is
 * returned as is.
 *
 * @example ulpsFrom(0.1, new Decimal('0.1'), 'float64', 4) // 0
 */
export function ulpsFrom(v: number, exact: Decimal, dtype: DType, limit: number): number {
  const d = ulpDistance(v, exact.toNumber(), dtype);
  return d <= limit - 1 ? d : ulpError(v, exact, dtype);
}

/**
 * Every value within `limit` ulps (in `dtype`) of its reference: the errors by `ulpsFrom`, checked
 * against 0 with `limit` allowed, so that the worst entry is located and reported.
 */
export function withinUlps(
  values: ArrayLike<number>,
  exact: readonly Decimal[],
  dtype: DType,
  limit: number,
  options: InvariantOptions,
): CheckResult {
  const errors = Array.from(values, (v, i) => ulpsFrom(v, exact[i]!, dtype, limit));
  return checkInvariant(errors, 0, limit, options);
}
