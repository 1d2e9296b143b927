import { expect, test } from 'vitest';
import { checkJvp } from '../../src/checks/checkJvp.js';
import { logSoftmax, logSoftmaxJvp, prng, softmax, softmaxJvp, uniform } from './reference.js';

test('full and fast mode pass correct JVPs, including logits near ±1000', () => {
  const rand = prng(301);
  for (let trial = 0; trial < 12; trial++) {
    const n = 2 + (trial % 9);
    const x = uniform(rand, n, trial % 2 === 0 ? 3 : 1000);
    for (const mode of ['full', 'fast'] as const) {
      expect(
        checkJvp(
          (z: Float64Array) => softmax(z, n),
          (z: Float64Array, t: Float64Array) => softmaxJvp(z, t, n),
          x,
          { mode, seed: trial },
        ).ok,
      ).toBe(true);
      expect(
        checkJvp(
          (z: Float64Array) => logSoftmax(z, n),
          (z: Float64Array, t: Float64Array) => logSoftmaxJvp(z, t, n),
          x,
          { mode, seed: trial },
        ).ok,
      ).toBe(true);
    }
  }
});

test('a JVP that forgets to subtract ⟨s, t⟩ is caught and its wrong entries located', () => {
  const x = Float64Array.of(0.4, -0.2, 1.5);
  const f = (z: Float64Array) => logSoftmax(z, 3);
  const bug = (_z: Float64Array, t: Float64Array) => Float64Array.from(t);
  const full = checkJvp(f, bug, x);
  expect(full.verdict).toBe('mismatch');
  if (full.verdict === 'mismatch') expect(full.located).toHaveLength(9);
  const fast = checkJvp(f, bug, x, { mode: 'fast' });
  expect(fast.verdict).toBe('mismatch');
  if (fast.verdict === 'mismatch') expect(fast.located.length).toBeGreaterThan(0);
});

test('fast mode costs a bounded number of evaluations of f, whatever the number of inputs', () => {
  const cost = (n: number) => {
    const x = uniform(prng(n), n, 2);
    const r = checkJvp(
      (z: Float64Array) => z.map(Math.sin),
      (z: Float64Array, t: Float64Array) => z.map((v, i) => Math.cos(v) * t[i]!),
      x,
      { mode: 'fast' },
    );
    expect(r.ok).toBe(true);
    return r.evaluations.function;
  };
  // f(x) twice, 8 for the noise level, then at most 2 probes × 20 levels × 2 points.
  for (const n of [10, 300, 5000]) expect(cost(n)).toBeLessThanOrEqual(2 + 8 + 2 * 20 * 2);
});
