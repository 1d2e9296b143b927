import { expect, test } from 'vitest';
import { EXP_PARTS, expForFloat32, expNonPositive, expPlus } from '../../src/kernels/exp.js';
import { EXP2_TABLE } from '../../src/kernels/expTable.js';
import { mulberry32 } from '../../src/kernels/random.js';
import { decimalContext, exactDecimal } from '../../src/oracles/preciseDecimal.js';
import { ulpError } from '../../src/oracles/preciseUlp.js';
import { expReference, expUlpError, scale } from './support/doubleDouble.js';

const D = decimalContext(50);

test('every table pair is 2^(j/2048)·(1 + c0) split into the double nearest 2^(j/2048) and the nearest remainder', () => {
  const R = D.ln(2).div(4096);
  const c0 = R.pow(4).div(-192);
  for (let j = 0; j < 2048; j++) {
    const exact = D.pow(2, new D(j).div(2048));
    const hi = EXP2_TABLE[2 * j]!;
    const lo = EXP2_TABLE[2 * j + 1]!;
    expect(hi).toBe(exact.toNumber());
    expect(lo).toBe(exact.times(c0.plus(1)).minus(exactDecimal(hi)).toNumber());
  }
  expect(EXP2_TABLE.length).toBe(4096);
});

test('the reduction constants are ln2/2048 split exactly, 2048/ln2 and c2 = 1/2 + R²/24 to the nearest double', () => {
  const { cHi, cLo, invC, c2, cFull, invC256 } = EXP_PARTS;
  const ln2 = D.ln(2);
  expect(
    exactDecimal(cHi)
      .times(2 ** 40)
      .isInteger(),
  ).toBe(true);
  expect(Math.abs(cHi * 2 ** 40)).toBeLessThan(2 ** 29); // k·cHi exact for |k| < 2^24
  expect(cLo).toBe(ln2.div(2048).minus(exactDecimal(cHi)).toNumber());
  expect(invC).toBe(D.div(2048, ln2).toNumber());
  expect(c2).toBe(ln2.div(4096).pow(2).div(24).plus(0.5).toNumber());
  expect(cFull).toBe(ln2.div(256).toNumber());
  expect(invC256).toBe(D.div(256, ln2).toNumber());
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

test('expPlus is within 0.54 ulp of exp(d + lo) over 300,000 points of the normal range', () => {
  const u = mulberry32(1);
  let worst = 0;
  for (let i = 0; i < 300_000; i++) {
    const d = (u() - 0.5) * 1416; // ±708
    const lo = (u() - 0.5) * 2 * 2 ** -52 * Math.abs(d);
    worst = Math.max(worst, expUlpError(expPlus(d, lo), d, lo));
  }
  expect(worst).toBeLessThan(0.54);
});

test('expNonPositive is within 0.54 ulp for normal results and 1 ulp for subnormal ones', () => {
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
  expect(normal).toBeLessThan(0.54);
  expect(subnormal).toBeLessThanOrEqual(1);
});

test('the economisation is needed: the plain Taylor polynomial (c2 = 1/2, c0 = 0) exceeds 0.54 ulp', () => {
  const { table, scaled, twoM64, invC, shifter, cHi, cLo } = EXP_PARTS;
  const D60 = decimalContext(60);
  const c0 = D60.ln(2).div(4096).pow(4).div(-192);
  const taylor = (d: number) => {
    const kf = d * invC + shifter - shifter;
    const k = kf | 0;
    const r = d - kf * cHi - kf * cLo;
    const i = (k & 2047) << 1;
    const th = table[i]!;
    // the table's low part without c0: hi + lo − hi·c0 (to well under an ulp of the result)
    const lo = table[i + 1]! - c0.times(exactDecimal(th)).toNumber();
    return (th + (lo + th * (r + r * r * (0.5 + r * (1 / 6))))) * scaled[(k >> 11) + 1099]! * twoM64;
  };
  const u = mulberry32(2);
  let plain = 0;
  let kept = 0;
  for (let i = 0; i < 50_000; i++) {
    const d = -u() * 708;
    plain = Math.max(plain, expUlpError(taylor(d), d, 0));
    kept = Math.max(kept, expUlpError(expNonPositive(d, 0), d, 0));
  }
  expect(plain).toBeGreaterThan(0.54);
  expect(kept).toBeLessThan(0.54);
});

test('the low part is really used: dropping it costs hundreds of ulps at d = −700', () => {
  const d = -700.0000000000001;
  const lo = 5e-14;
  expect(expUlpError(expPlus(d, lo), d, lo)).toBeLessThan(0.54);
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
  expect(worst).toBeLessThan(0.54);
});

test('edges: NaN, infinities, overflow and underflow thresholds', () => {
  expect(expPlus(Number.NaN, 0)).toBeNaN();
  expect(expPlus(Number.POSITIVE_INFINITY, 0)).toBe(Number.POSITIVE_INFINITY);
  expect(expPlus(Number.NEGATIVE_INFINITY, Number.NaN)).toBe(0);
  expect(expNonPositive(Number.NEGATIVE_INFINITY, Number.NaN)).toBe(0);
  expect(expUlpError(expPlus(709.782712893384, 0), 709.782712893384, 0)).toBeLessThan(0.54);
  expect(expPlus(709.79, 0)).toBe(Number.POSITIVE_INFINITY);
  expect(expPlus(709.5, 0)).toBe(scale(expReference(709.5, 0)[0], expReference(709.5, 0)[2]));
  expect(expNonPositive(-745.1, 0)).toBe(5e-324);
  expect(expNonPositive(-746, 0)).toBe(0);
  expect(expPlus(0, 0)).toBe(1);
  expect(expNonPositive(0, 0)).toBe(1);
});

/** Worst |e/exp(d) − 1| over 400,000 points of (−708, 0], half of them in (−5, 0] where softmax mass lives. */
function worstRelative(exp: (d: number) => number): number {
  const u = mulberry32(4);
  let worst = 0;
  for (let i = 0; i < 400_000; i++) {
    const d = i % 2 === 0 ? -u() * 708 : -u() * 5;
    worst = Math.max(worst, Math.abs(exp(d) / expPlus(d, 0) - 1)); // expPlus: 0.54 ulp, 1.2e-16 relative
  }
  return worst;
}

test('expForFloat32 is within 3e-13 relative of exp(d) on (−708, 0]: 2.5e-6 of a float32 ulp', () => {
  expect(worstRelative(expForFloat32)).toBeLessThan(3e-13);
});

test('the 3e-13 bound tells a degree-2 polynomial (truncation r³/6 ≈ 4e-10) from the degree-3 one', () => {
  const { tableHi256, scaled, twoM64, invC256, shifter, cFull } = EXP_PARTS;
  const degree2 = (d: number) => {
    const kf = d * invC256 + shifter - shifter;
    const k = kf | 0;
    const r = d - kf * cFull;
    const th = tableHi256[k & 255]!;
    return (th + th * (r + r * r * 0.5)) * scaled[(k >> 8) + 1099]! * twoM64;
  };
  expect(worstRelative(degree2)).toBeGreaterThan(1e-10);
});

test('expForFloat32 edges: 1 at 0, subnormal results within 3e-13 relative plus an ulp, 0 below −745.2 and at −Infinity', () => {
  expect(expForFloat32(0)).toBe(1);
  expect(expForFloat32(-0)).toBe(1);
  expect(expForFloat32(-1e308)).toBe(0);
  expect(expForFloat32(-746)).toBe(0);
  expect(expForFloat32(Number.NEGATIVE_INFINITY)).toBe(0);
  expect(expForFloat32(-745.1)).toBe(5e-324);
  const u = mulberry32(6);
  for (let i = 0; i < 20_000; i++) {
    const d = -708.4 - u() * 36.7; // subnormal results
    const e = expNonPositive(d, 0); // within 1 subnormal ulp (5e-324) of exp(d)
    expect(Math.abs(expForFloat32(d) - e)).toBeLessThanOrEqual(3e-13 * e + 1e-323);
  }
});
