import { expect, test } from 'vitest';
import { expNonPositive, expPlus } from '../../src/kernels/exp.js';
import { EXP2_TABLE } from '../../src/kernels/expTable.js';
import { mulberry32 } from '../../src/kernels/random.js';
import { decimalContext, exactDecimal } from '../../src/oracles/preciseDecimal.js';
import { ulpError } from '../../src/oracles/preciseUlp.js';
import { expReference, expUlpError, scale } from './support/doubleDouble.js';

const D = decimalContext(50);

test('every table pair is 2^(j/256) split into its nearest double and the nearest remainder', () => {
  for (let j = 0; j < 256; j++) {
    const exact = D.pow(2, new D(j).div(256));
    const hi = EXP2_TABLE[2 * j]!;
    const lo = EXP2_TABLE[2 * j + 1]!;
    expect(hi).toBe(exact.toNumber());
    expect(lo).toBe(exact.minus(exactDecimal(hi)).toNumber());
  }
});

test('the double-double reference agrees with decimal.js to 1e-27 relative', () => {
  const u = mulberry32(11);
  for (let i = 0; i < 60; i++) {
    const x = (u() - 0.5) * 1400;
    const lo = (u() - 0.5) * 1e-13;
    const [h, l, k] = expReference(x, lo);
    const exact = D.exp(exactDecimal(x).plus(exactDecimal(lo)));
    const ref = exactDecimal(h).plus(exactDecimal(l)).times(new D(2).pow(k));
    expect(ref.minus(exact).div(exact).abs().toNumber()).toBeLessThan(1e-27);
  }
});

test('expPlus is within 0.53 ulp of exp(d + lo) over 300,000 points of the normal range', () => {
  const u = mulberry32(1);
  let worst = 0;
  for (let i = 0; i < 300_000; i++) {
    const d = (u() - 0.5) * 1416; // ±708
    const lo = (u() - 0.5) * 2 * 2 ** -52 * Math.abs(d);
    worst = Math.max(worst, expUlpError(expPlus(d, lo), d, lo));
  }
  expect(worst).toBeLessThan(0.53);
});

test('expNonPositive is within 0.53 ulp for normal results and 1 ulp for subnormal ones', () => {
  const u = mulberry32(2);
  let normal = 0;
  let subnormal = 0;
  for (let i = 0; i < 200_000; i++) {
    const d = i % 4 === 0 ? -708 - u() * 37.2 : -u() * 708;
    const lo = (u() - 0.5) * 2 * 2 ** -52 * Math.abs(d);
    const e = expUlpError(expNonPositive(d, lo), d, lo);
    if (d > -708.39) normal = Math.max(normal, e);
    else subnormal = Math.max(subnormal, e);
  }
  expect(normal).toBeLessThan(0.53);
  expect(subnormal).toBeLessThanOrEqual(1);
});

test('the low part is really used: dropping it costs hundreds of ulps at d = −700', () => {
  const d = -700.0000000000001;
  const lo = 5e-14;
  expect(expUlpError(expPlus(d, lo), d, lo)).toBeLessThan(0.53);
  expect(expUlpError(expPlus(d, 0), d, lo)).toBeGreaterThan(30);
});

test('a sample of 500 points agrees with decimal.js at 40 digits', () => {
  const D40 = decimalContext(40);
  const u = mulberry32(3);
  let worst = 0;
  for (let i = 0; i < 500; i++) {
    const d = (u() - 0.5) * 1400;
    const exact = D40.exp(exactDecimal(d));
    worst = Math.max(worst, ulpError(expPlus(d, 0), exact));
  }
  expect(worst).toBeLessThan(0.53);
});

test('edges: NaN, infinities, overflow and underflow thresholds', () => {
  expect(expPlus(Number.NaN, 0)).toBeNaN();
  expect(expPlus(Number.POSITIVE_INFINITY, 0)).toBe(Number.POSITIVE_INFINITY);
  expect(expPlus(Number.NEGATIVE_INFINITY, Number.NaN)).toBe(0);
  expect(expNonPositive(Number.NEGATIVE_INFINITY, Number.NaN)).toBe(0);
  expect(expUlpError(expPlus(709.782712893384, 0), 709.782712893384, 0)).toBeLessThan(0.53);
  expect(expPlus(709.79, 0)).toBe(Number.POSITIVE_INFINITY);
  expect(expPlus(709.5, 0)).toBe(scale(expReference(709.5, 0)[0], expReference(709.5, 0)[2]));
  expect(expNonPositive(-745.1, 0)).toBe(5e-324);
  expect(expNonPositive(-746, 0)).toBe(0);
  expect(expPlus(0, 0)).toBe(1);
  expect(expNonPositive(0, 0)).toBe(1);
});
