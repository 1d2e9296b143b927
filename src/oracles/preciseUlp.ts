/**
 * Distances in units in the last place (ulps), the measure of the kernels' accuracy. For float32 the
 * unit is a float32 ulp (2^−23 relative, subnormals down to 2^−149), for float64 a float64 ulp.
 */
import type { Decimal } from 'decimal.js';
import { GradcheckError } from '../errors.js';
import type { DType } from '../types.js';
import { exactDecimal } from './preciseDecimal.js';

const FORMAT = {
  float64: { mantissa: 52, minUlp: 2 ** -1074, max: Number.MAX_VALUE },
  float32: { mantissa: 23, minUlp: 2 ** -149, max: 3.4028234663852886e38 },
} as const;

function format(fn: string, dtype: unknown) {
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `dtype must be 'float64' or 'float32' (given ${String(dtype)})`,
      {
        arg: 'dtype',
      },
    );
  }
  return FORMAT[dtype];
}

/** 2^⌊log2 a⌋ for a positive finite a (exact, including subnormal a). */
function binade(a: number): number {
  if (a >= 2 ** 1023) return 2 ** 1023; // Math.log2 rounds up to 1024 near the largest double
  let b = 2 ** Math.floor(Math.log2(a));
  if (b > a) b /= 2;
  else if (b * 2 <= a) b *= 2;
  return b;
}

/**
 * The ulp of `v` in `dtype`: the gap between the two representable numbers around |v| (the gap above
 * at a power of two). Infinite v gets the ulp of the largest finite number; NaN gives NaN.
 *
 * @example ulp(1) // 2.220446049250313e-16
 * @example ulp(1, 'float32') // 1.1920928955078125e-7
 */
export function ulp(v: number, dtype: DType = 'float64'): number {
  const f = format('ulp', dtype);
  if (Number.isNaN(v)) return Number.NaN;
  const a = Math.min(Math.abs(v), f.max);
  if (a === 0) return f.minUlp;
  return Math.max(binade(a) * 2 ** -f.mantissa, f.minUlp);
}

/**
 * How many representable `dtype` numbers lie between a and b (0 when equal, 1 for neighbours),
 * counting +0 and −0 as one number. a and b are first rounded to `dtype`. NaN anywhere gives
 * Infinity unless both are NaN (0); an infinity counts as the number after the largest finite one.
 *
 * @example ulpDistance(1, 1 + 2 ** -52) // 1
 * @example ulpDistance(1, 1 + 2 ** -52, 'float32') // 0 (both round to 1 in float32)
 */
export function ulpDistance(a: number, b: number, dtype: DType = 'float64'): number {
  format('ulpDistance', dtype);
  if (Number.isNaN(a) || Number.isNaN(b))
    return Number.isNaN(a) && Number.isNaN(b) ? 0 : Number.POSITIVE_INFINITY;
  const d = ordinal(a, dtype) - ordinal(b, dtype);
  return Number(d < 0n ? -d : d);
}

const f64 = new Float64Array(1);
const f64Bits = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Bits = new Int32Array(f32.buffer);

/** A monotone integer index of the representable numbers: consecutive numbers differ by 1. */
function ordinal(v: number, dtype: DType): bigint {
  if (dtype === 'float32') {
    f32[0] = v;
    const bits = f32Bits[0]!;
    return BigInt(bits < 0 ? -(bits & 0x7fffffff) : bits);
  }
  f64[0] = v;
  const bits = f64Bits[0]!;
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

const thresholds = new Map<DType, Decimal>();

/** The smallest magnitude that rounds to infinity in `dtype`: max + ulp(max)/2. */
function overflowThreshold(dtype: DType): Decimal {
  let t = thresholds.get(dtype);
  if (t === undefined) {
    const f = FORMAT[dtype];
    t = exactDecimal(f.max).plus(exactDecimal(binade(f.max) * 2 ** -f.mantissa).div(2));
    thresholds.set(dtype, t);
  }
  return t;
}

/**
 * The error of `value` against an exact `reference`, in ulps of the reference in `dtype`:
 * |value − reference| / ulp(reference) (fractional; 0.5 means correctly rounded at worst).
 * A reference beyond the largest finite number counts as correctly rounded to an infinity of its
 * sign; equal infinities or two NaNs give 0; any other mismatch of special values gives Infinity.
 *
 * @example ulpError(0.1, exactDecimal(0.1)) // 0
 */
export function ulpError(value: number, reference: Decimal, dtype: DType = 'float64'): number {
  const f = format('ulpError', dtype);
  if (reference.isNaN() || Number.isNaN(value))
    return reference.isNaN() && Number.isNaN(value) ? 0 : Number.POSITIVE_INFINITY;
  const overflow = overflowThreshold(dtype);
  const refInfinite = !reference.isFinite() || reference.abs().gte(overflow);
  if (refInfinite || !Number.isFinite(value)) {
    return refInfinite && !Number.isFinite(value) && reference.isNegative() === value < 0
      ? 0
      : Number.POSITIVE_INFINITY;
  }
  const r = reference.abs();
  let b = r.isZero() ? 0 : binade(Math.min(r.toNumber(), f.max));
  if (b > 0 && exactDecimal(b).gt(r)) b /= 2;
  const unit = Math.max(b * 2 ** -f.mantissa, f.minUlp);
  return exactDecimal(value).minus(reference).abs().div(exactDecimal(unit)).toNumber();
}
