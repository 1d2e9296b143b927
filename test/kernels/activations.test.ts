import { describe, expect, test } from 'vitest';
import {
  decimalContext,
  exactDecimal,
  isGradcheckError,
  relu,
  reluGrad,
  sigmoid,
  sigmoidGrad,
  tanh,
  tanhGrad,
  ulpError,
} from './support/api.js';
import { centralColumn } from './support/numeric.js';

const D = decimalContext(40);
const points = [-40, -5, -1.5, -0.25, 0.1, 0.75, 3, 19.5, 30];

describe.each([
  ['sigmoid', sigmoid, sigmoidGrad],
  ['tanh', tanh, tanhGrad],
  ['relu', relu, reluGrad],
] as const)('%s', (_name, f, grad) => {
  test('the derivative matches central differences away from kinks', () => {
    for (const v of points) {
      const [fd] = centralColumn((z) => f(z), Float64Array.of(v), 0, 1e-6 * Math.max(1, Math.abs(v)));
      expect(Math.abs(grad(Float64Array.of(v))[0]! - fd!)).toBeLessThan(1e-8);
    }
  });

  test('keeps the array type, accepts number[], rejects other arrays', () => {
    expect(f(new Float32Array([1, 2]))).toBeInstanceOf(Float32Array);
    expect(grad([1, 2])).toBeInstanceOf(Float64Array);
    try {
      f(new Uint8Array(2) as unknown as Float64Array);
      expect.unreachable();
    } catch (e) {
      expect(isGradcheckError(e, 'GC_INVALID_ARGUMENT')).toBe(true);
    }
  });

  test('NaN propagates, infinities saturate', () => {
    expect(f([Number.NaN])[0]).toBeNaN();
    expect(grad([Number.NaN])[0]).toBeNaN();
    expect(Number.isFinite(grad([Number.NEGATIVE_INFINITY])[0]!)).toBe(true);
  });
});

test('sigmoid and its derivative keep relative accuracy in both tails', () => {
  for (const v of [-700, -40, -1, 0, 2, 36, 700]) {
    const e = D.exp(exactDecimal(-v));
    const s = new D(1).div(e.plus(1));
    expect(ulpError(sigmoid([v])[0]!, s)).toBeLessThanOrEqual(2);
    // σ(v)(1 − σ(v)) = e/(1 + e)² with e = exp(−v): no cancellation in the reference either.
    expect(ulpError(sigmoidGrad([v])[0]!, e.div(e.plus(1).pow(2)))).toBeLessThanOrEqual(4);
  }
});

test('tanh′ = sech² stays accurate where 1 − tanh² has no digits left', () => {
  for (const v of [0, 0.5, -3, 19, 30, -300]) {
    const c = D.exp(exactDecimal(v))
      .plus(D.exp(exactDecimal(-v)))
      .div(2);
    expect(ulpError(tanhGrad([v])[0]!, new D(1).div(c.times(c)))).toBeLessThanOrEqual(4);
  }
  expect(tanhGrad([30])[0]).toBeGreaterThan(0);
});

test('relu: max(0, x) and the documented derivative relu′(0) = 0', () => {
  expect(Array.from(relu([-2, -0, 0, 3]))).toEqual([0, 0, 0, 3]);
  expect(Array.from(reluGrad([-2, 0, 1e-300, 3]))).toEqual([0, 0, 1, 1]);
});
