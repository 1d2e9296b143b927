import { expect, test } from 'vitest';
import { Decimal, decimalContext, exactDecimal } from '../kernels/support/api.js';

/** The exact value of a double from its bits, with BigInt arithmetic only (an independent route). */
function exactFromBits(x: number): string {
  const bits = new BigInt64Array(new Float64Array([x]).buffer)[0]!;
  const negative = bits < 0n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let e = exponent - 1075;
  if (exponent === 0) e = -1074;
  else mantissa |= 1n << 52n;
  const value =
    e >= 0
      ? new Decimal((mantissa << BigInt(e)).toString())
      : new Decimal(`${(mantissa * 5n ** BigInt(-e)).toString()}e${e}`);
  return (negative ? value.neg() : value).toFixed();
}

test('exactDecimal converts every digit, unlike new Decimal(x)', () => {
  expect(exactDecimal(0.1).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
  expect(new Decimal(0.1).toString()).toBe('0.1');
  for (const x of [
    0.1,
    -2.5,
    1 / 3,
    700.123,
    1e-5,
    5e-324,
    2 ** -1022,
    Number.MAX_VALUE,
    1e300,
    -1e-300,
    123456789,
  ]) {
    expect(exactDecimal(x).toFixed()).toBe(exactFromBits(x));
  }
});

test('exactDecimal maps NaN and infinities to Decimal NaN and infinities', () => {
  expect(exactDecimal(Number.NaN).isNaN()).toBe(true);
  expect(exactDecimal(Number.NEGATIVE_INFINITY).toString()).toBe('-Infinity');
});

test('decimalContext computes at the requested number of significant digits', () => {
  const D = decimalContext(45);
  expect(new D(1).div(3).toString()).toBe(`0.${'3'.repeat(45)}`);
  expect(decimalContext().precision).toBe(60);
});
