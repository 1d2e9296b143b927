import { EXP_OVERFLOW, EXP_UNDERFLOW } from 'gradcheck';
import { expect, test } from 'vitest';

const below = (v: number) => v - 2 ** (Math.floor(Math.log2(Math.abs(v))) - 52);

test('the float64 overflow edge is the first logit whose exp is Infinity', () => {
  expect(Math.exp(EXP_OVERFLOW.float64)).toBe(Number.POSITIVE_INFINITY);
  expect(Number.isFinite(Math.exp(below(EXP_OVERFLOW.float64)))).toBe(true);
});

test('the float64 underflow edge is the largest logit whose exp is 0', () => {
  expect(Math.exp(EXP_UNDERFLOW.float64)).toBe(0);
  expect(Math.exp(EXP_UNDERFLOW.float64 + 2 ** -43)).toBeGreaterThan(0);
});

test('the float32 edges are float32 numbers at which a float32 exp overflows or underflows', () => {
  const f = Math.fround;
  const next = (v: number, dir: number) => f(v + dir * 2 ** (Math.floor(Math.log2(Math.abs(v))) - 23));
  expect(f(EXP_OVERFLOW.float32)).toBe(EXP_OVERFLOW.float32);
  expect(f(Math.exp(EXP_OVERFLOW.float32))).toBe(Number.POSITIVE_INFINITY);
  expect(Number.isFinite(f(Math.exp(next(EXP_OVERFLOW.float32, -1))))).toBe(true);
  expect(f(EXP_UNDERFLOW.float32)).toBe(EXP_UNDERFLOW.float32);
  expect(f(Math.exp(EXP_UNDERFLOW.float32))).toBe(0);
  expect(f(Math.exp(next(EXP_UNDERFLOW.float32, 1)))).toBeGreaterThan(0);
});
