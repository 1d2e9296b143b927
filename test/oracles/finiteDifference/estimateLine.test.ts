import { expect, test } from 'vitest';
import {
  estimateLine,
  type LineContext,
  SMOOTH,
} from '../../../src/oracles/finiteDifference/estimateLine.js';
import { estimateNoise } from '../../../src/oracles/finiteDifference/sampleNoise.js';
import { FINITE_DIFFERENCE_DEFAULTS } from '../../../src/oracles/finiteDifference/settings.js';
import { prng, softmax, softmaxJacobian, uniform } from '../../checks/reference.js';

function context(
  f: (p: Float64Array) => Float64Array,
  x: Float64Array,
  dtype: 'float64' | 'float32',
): LineContext {
  const settings = FINITE_DIFFERENCE_DEFAULTS[dtype];
  const fx = f(x);
  const dir = x.map((_, i) => (i % 2 === 0 ? 1 : -1));
  return { f, x, fx, sigma: estimateNoise(f, x, fx, settings, dir).sigma, settings };
}

test('softmax Jacobian columns: errors far below 1e-10 of each entry, and inside their own estimates', () => {
  const rand = prng(21);
  let worstHonesty = 0;
  let worstRelative = 0;
  for (let trial = 0; trial < 40; trial++) {
    const n = 2 + (trial % 11);
    const x = uniform(rand, n, 3);
    const f = (p: Float64Array) => softmax(p, n);
    const ctx = context(f, x, 'float64');
    const J = softmaxJacobian(x, n);
    const s = f(x);
    for (let j = 0; j < n; j++) {
      const col = estimateLine(ctx, { kind: 'coordinate', index: j });
      for (let i = 0; i < n; i++) {
        expect(col.status[i]).toBe(SMOOTH);
        const exact = J[i * n + j]!;
        // The closed form itself is computed in float64: allow its rounding (a few ulps of sᵢ).
        const err = Math.abs(col.value[i]! - exact) - 4 * 2 ** -53 * s[i]!;
        worstHonesty = Math.max(worstHonesty, err / col.error[i]!);
        worstRelative = Math.max(worstRelative, col.error[i]! / Math.abs(exact));
      }
    }
  }
  expect(worstHonesty).toBeLessThanOrEqual(1);
  expect(worstRelative).toBeLessThan(1e-9);
});

test('float32 points at logits near ±1000 give derivatives to float32 accuracy, steps computed exactly', () => {
  const rand = prng(22);
  for (let trial = 0; trial < 20; trial++) {
    const n = 2 + (trial % 6);
    const x = Float64Array.from(uniform(rand, n, 1000), Math.fround);
    const f = (p: Float64Array) => Float64Array.from(softmax(Float32Array.from(p), n));
    const ctx = context(f, x, 'float32');
    // The float32 function's own derivative: probabilities below 2⁻¹⁴⁹ are 0 in float32.
    const J = softmaxJacobian(Float32Array.from(x), n);
    for (let j = 0; j < n; j++) {
      const col = estimateLine(ctx, { kind: 'coordinate', index: j });
      for (let i = 0; i < n; i++) {
        expect(Math.abs(col.value[i]! - J[i * n + j]!)).toBeLessThanOrEqual(
          col.error[i]! + 1e-7 * Math.abs(f(x)[i]!),
        );
        expect(col.error[i]!).toBeLessThan(1e-3 * Math.max(Math.abs(f(x)[i]!), 1e-30));
      }
    }
  }
});

test('a directional derivative equals J·v within its estimate', () => {
  const rand = prng(23);
  for (let trial = 0; trial < 20; trial++) {
    const n = 3 + (trial % 8);
    const x = uniform(rand, n, 3);
    const f = (p: Float64Array) => softmax(p, n);
    const v = Float64Array.from({ length: n }, () => (rand() < 0.5 ? -1 : 1));
    const est = estimateLine(context(f, x, 'float64'), { kind: 'direction', v });
    const J = softmaxJacobian(x, n);
    for (let i = 0; i < n; i++) {
      let jv = 0;
      for (let j = 0; j < n; j++) jv += J[i * n + j]! * v[j]!;
      expect(Math.abs(est.value[i]! - jv)).toBeLessThanOrEqual(est.error[i]! + 1e-15);
    }
  }
});

test('float32 points that cannot be placed exactly (just below 1024) are corrected, by J·δ or by coordinate differences', () => {
  const n = 4;
  // Odd float32 mantissas just below a power of two: x + t lands on the coarser grid above 1024.
  const x = Float64Array.from([1024 - 2 ** -14, 1024 - 3 * 2 ** -14, 1000.5, 999.25], Math.fround);
  const f = (p: Float64Array) => Float64Array.from(softmax(Float32Array.from(p), n));
  const v = Float64Array.of(1, 1, -1, 1);
  const J = softmaxJacobian(x, n);
  const jv = (d: Float64Array) =>
    Float64Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += J[i * n + j]! * d[j]!;
      return sum;
    });
  const exact = jv(v);
  const ctx = context(f, x, 'float32');
  const byColumns = estimateLine(ctx, { kind: 'direction', v });
  const byAnalytic = estimateLine({ ...ctx, correct: jv }, { kind: 'direction', v });
  const ignored = estimateLine({ ...ctx, correct: 'ignore' }, { kind: 'direction', v });
  expect(byColumns.needsCorrection).toBe(true);
  for (let i = 0; i < n; i++) {
    expect(Math.abs(byColumns.value[i]! - exact[i]!)).toBeLessThanOrEqual(byColumns.error[i]! + 1e-7);
    expect(Math.abs(byAnalytic.value[i]! - exact[i]!)).toBeLessThanOrEqual(byAnalytic.error[i]! + 1e-7);
  }
  // Without the correction the realised direction is off and the estimate is visibly worse.
  const worst = (e: { value: Float64Array }) => Math.max(...exact.map((t, i) => Math.abs(e.value[i]! - t)));
  expect(worst(ignored)).toBeGreaterThan(10 * worst(byAnalytic));
  expect(byColumns.evaluations).toBeGreaterThan(byAnalytic.evaluations);
});

test('steps adapt to sharp functions: softmax of 40·x still converges', () => {
  const n = 5;
  const x = Float64Array.of(0.1, -0.2, 0.05, 0.3, -0.4);
  const f = (p: Float64Array) =>
    softmax(
      p.map((t) => 40 * t),
      n,
    );
  const J = softmaxJacobian(
    x.map((t) => 40 * t),
    n,
  ).map((t) => 40 * t);
  const ctx = context(f, x, 'float64');
  for (let j = 0; j < n; j++) {
    const col = estimateLine(ctx, { kind: 'coordinate', index: j });
    for (let i = 0; i < n; i++) {
      expect(col.status[i]).toBe(SMOOTH);
      expect(Math.abs(col.value[i]! - J[i * n + j]!)).toBeLessThanOrEqual(col.error[i]! + 1e-14);
    }
  }
});

test('a function that is non-finite at large steps uses the small ones', () => {
  const f = (p: Float64Array) => Float64Array.of(Math.log(p[0]!));
  const x = Float64Array.of(0.01);
  const est = estimateLine(context(f, x, 'float64'), { kind: 'coordinate', index: 0 });
  expect(est.status[0]).toBe(SMOOTH);
  expect(Math.abs(est.value[0]! - 100)).toBeLessThan(1e-6);
});
