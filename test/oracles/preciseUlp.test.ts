import { expect, test } from 'vitest';
import {
  Decimal,
  exactDecimal,
  isGradcheckError,
  ulp,
  ulpDistance,
  ulpError,
} from '../kernels/support/api.js';

test('ulp is the gap above |v| in the dtype, subnormals included', () => {
  expect(ulp(1)).toBe(2 ** -52);
  expect(ulp(1.5)).toBe(2 ** -52);
  expect(ulp(-1024)).toBe(2 ** -42);
  expect(ulp(0)).toBe(2 ** -1074);
  expect(ulp(1e-310)).toBe(2 ** -1074);
  expect(ulp(Number.MAX_VALUE)).toBe(2 ** 971);
  expect(ulp(1, 'float32')).toBe(2 ** -23);
  expect(ulp(1e-40, 'float32')).toBe(2 ** -149);
  expect(ulp(Number.NaN)).toBeNaN();
});

test('ulpDistance counts representable numbers between two values', () => {
  expect(ulpDistance(1, 1)).toBe(0);
  expect(ulpDistance(1, 1 + 2 ** -52)).toBe(1);
  expect(ulpDistance(1 - 2 ** -53, 1 + 2 ** -52)).toBe(2);
  expect(ulpDistance(-0, 0)).toBe(0);
  expect(ulpDistance(-(2 ** -1074), 2 ** -1074)).toBe(2);
  expect(ulpDistance(Number.MAX_VALUE, Number.POSITIVE_INFINITY)).toBe(1);
  expect(ulpDistance(1, 1 + 2 ** -23, 'float32')).toBe(1);
  expect(ulpDistance(1, 1 + 2 ** -52, 'float32')).toBe(0);
  expect(ulpDistance(Number.NaN, 1)).toBe(Number.POSITIVE_INFINITY);
  expect(ulpDistance(Number.NaN, Number.NaN)).toBe(0);
  expect(ulpDistance(2 ** 60, 2 ** 60 + 2 ** 8)).toBe(1);
});

test('ulpError measures against exact references, in the dtype’s ulps', () => {
  expect(ulpError(0.1, exactDecimal(0.1))).toBe(0);
  expect(ulpError(0.1, new Decimal('0.1'))).toBeCloseTo(0.4, 1);
  expect(ulpError(1 + 2 ** -52, new Decimal(1))).toBe(1);
  expect(ulpError(1, exactDecimal(1 + 2 ** -23), 'float32')).toBe(1);
  expect(ulpError(Number.NEGATIVE_INFINITY, new Decimal('-2e308'))).toBe(0);
  expect(ulpError(-Number.MAX_VALUE, new Decimal('-2e308'))).toBe(Number.POSITIVE_INFINITY);
  expect(ulpError(Number.NaN, new Decimal(Number.NaN))).toBe(0);
  expect(ulpError(0, new Decimal(Number.NaN))).toBe(Number.POSITIVE_INFINITY);
  expect(ulpError(0, new Decimal('1e-400'))).toBeLessThan(1e-70);
});

test('an unknown dtype is a typed error', () => {
  try {
    ulp(1, 'float16' as 'float32');
    expect.unreachable();
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_OPTION')).toBe(true);
  }
});
