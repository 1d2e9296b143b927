/**
 * Exact conversion of IEEE doubles to decimal.js, the base of the high-precision references.
 *
 * `new Decimal(0.1)` goes through the shortest round-trip string "0.1", which is not the double's
 * value (0.1000000000000000055511151231257827…). A reference computed from it differs from the
 * kernel's input by up to half an ulp, which is exactly the size of error we want to measure.
 * Here every finite double x = m·2^e (m an integer below 2^53) is converted digit for digit.
 */
import { Decimal } from 'decimal.js';

/** Decimal.js constructor used for exact conversions: enough digits for any double (≤ 767). */
const Exact = Decimal.clone({ precision: 1100, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });

/**
 * The exact value of a double (or float32 value, which is a double too) as a Decimal.
 * NaN and ±Infinity map to Decimal NaN and ±Infinity.
 *
 * @example exactDecimal(0.1).toString() // '0.1000000000000000055511151231257827021181583404541015625'
 */
export function exactDecimal(x: number): Decimal {
  if (!Number.isFinite(x) || Number.isInteger(x)) {
    return Number.isFinite(x) && Math.abs(x) > Number.MAX_SAFE_INTEGER
      ? new Exact(BigInt(x).toString())
      : new Exact(x);
  }
  // Fast path: V8 prints exact digits, so when they run out before 100 (trailing zeros) the string is exact.
  const digits = x.toPrecision(100);
  if (digits.split('e')[0]!.endsWith('0')) return new Exact(digits);
  // x = m · 2^e with m an integer, |m| < 2^53, and e < 0.
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2; // exact: scaling by two never rounds (m stays far from overflow here)
    e -= 1;
  }
  // m·2^e = m·5^(−e) / 10^(−e): an integer product (BigInt, exact) and a decimal shift.
  return new Exact(`${(BigInt(m) * 5n ** BigInt(-e)).toString()}e${e}`);
}

/**
 * A decimal.js constructor computing with `digits` significant digits (default 60), round half even.
 *
 * @example const D = decimalContext(60); D.exp(exactDecimal(-700))
 */
export function decimalContext(digits = 60): typeof Decimal {
  return Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });
}

export { Decimal };
