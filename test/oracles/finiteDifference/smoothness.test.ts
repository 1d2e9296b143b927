import { expect, test } from 'vitest';
import { estimateLine, KINK, NO_STEP, SMOOTH } from '../../../src/oracles/finiteDifference/estimateLine.js';
import { FINITE_DIFFERENCE_DEFAULTS } from '../../../src/oracles/finiteDifference/settings.js';
import { DISCONTINUITY } from '../../../src/oracles/finiteDifference/smoothness.js';

function statusAt(f: (x: number) => number, x: number): number {
  const g = (p: Float64Array) => Float64Array.of(f(p[0]!));
  const fx = g(Float64Array.of(x));
  const ctx = {
    f: g,
    x: Float64Array.of(x),
    fx,
    sigma: Float64Array.of(2 ** -53 * Math.abs(fx[0]!)),
    settings: FINITE_DIFFERENCE_DEFAULTS.float64,
  };
  return estimateLine(ctx, { kind: 'coordinate', index: 0 }).status[0]!;
}

test('a kink at the point is reported as such (ReLU at 0, |x|, a tie in a max)', () => {
  expect(statusAt((x) => Math.max(0, x), 0)).toBe(KINK);
  expect(statusAt((x) => Math.abs(x - 0.5), 0.5)).toBe(KINK);
  expect(statusAt((x) => Math.max(x, 1 - x), 0.5)).toBe(KINK);
});

test('a jump at the point is reported as a discontinuity', () => {
  expect(statusAt((x) => (x >= 0 ? 1 + x : x), 0)).toBe(DISCONTINUITY);
});

test('smooth functions, even at an inflection or with steep curvature, are not flagged', () => {
  expect(statusAt((x) => x ** 3, 0)).toBe(SMOOTH);
  expect(statusAt(Math.sin, 0)).toBe(SMOOTH);
  expect(statusAt((x) => Math.exp(40 * x), 0.1)).toBe(SMOOTH);
  expect(statusAt((x) => Math.max(0, x), 0.3)).toBe(SMOOTH);
});

test('a kink just beside the point is stepped over by smaller steps, not flagged', () => {
  expect(statusAt((x) => Math.max(0, x), 0.003)).toBe(SMOOTH);
  expect(statusAt((x) => Math.max(0, x), -0.003)).toBe(SMOOTH);
});

test('a function undefined on one side has no usable step', () => {
  expect(statusAt(Math.sqrt, 0)).toBe(NO_STEP);
});
