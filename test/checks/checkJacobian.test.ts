import { expect, test } from 'vitest';
import { checkJacobian } from '../../src/checks/checkJacobian.js';
import type { JacobianOracle } from '../../src/oracles/types.js';
import { perturbEntry, prng, softmax, softmaxJacobian, uniform } from './reference.js';

test('full mode flags a 1e-8 relative error in one random softmax Jacobian entry in every trial (n 2..12, logits ±3)', () => {
  const rand = prng(101);
  for (let trial = 0; trial < 40; trial++) {
    const n = 2 + (trial % 11);
    const x = uniform(rand, n, 3);
    const k = Math.floor(rand() * n * n);
    const f = (z: Float64Array) => softmax(z, n);
    const bad = checkJacobian(f, (z: Float64Array) => perturbEntry(softmaxJacobian(z, n), k, 1e-8), x, {
      seed: trial,
    });
    expect(bad.verdict).toBe('mismatch');
    if (bad.verdict === 'mismatch') expect(bad.located).toContainEqual([Math.floor(k / n), k % n]);
    expect(checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, n), x, { seed: trial }).ok).toBe(true);
  }
});

test('fast mode flags a 1e-6 relative error in one entry in every trial and locates it', () => {
  const rand = prng(102);
  for (let trial = 0; trial < 30; trial++) {
    const n = 2 + (trial % 11);
    const x = uniform(rand, n, 3);
    const k = Math.floor(rand() * n * n);
    const f = (z: Float64Array) => softmax(z, n);
    const bad = checkJacobian(f, (z: Float64Array) => perturbEntry(softmaxJacobian(z, n), k, 1e-6), x, {
      mode: 'fast',
      seed: trial,
    });
    expect(bad.verdict).toBe('mismatch');
    if (bad.verdict === 'mismatch') expect(bad.located).toContainEqual([Math.floor(k / n), k % n]);
    const good = checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, n), x, {
      mode: 'fast',
      seed: trial,
    });
    expect(good.ok).toBe(true);
    // Cost independent of n: probes × ladder, no per-input work.
    expect(good.evaluations.function).toBeLessThan(60);
  }
});

test('batched rows: block-diagonal Jacobians pass, and an error in another row block is found', () => {
  const rows = 3;
  const cols = 4;
  const x = uniform(prng(103), rows * cols, 3);
  const f = (z: Float64Array) => softmax(z, cols);
  expect(checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, cols), x).ok).toBe(true);
  const k = 7 * rows * cols + 5; // row block 1: entry (7, 5)
  const r = checkJacobian(f, (z: Float64Array) => perturbEntry(softmaxJacobian(z, cols), k, 1e-7), x);
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located).toEqual([[7, 5]]);
});

test('float32 kernels get float32 bounds: correct ones pass, a float32-sized error is still caught', () => {
  const rand = prng(104);
  for (let trial = 0; trial < 10; trial++) {
    const n = 3 + (trial % 5);
    const x = Float32Array.from(uniform(rand, n, 1000));
    const f = (z: Float32Array) => softmax(z, n);
    const J = (z: Float32Array) => softmaxJacobian(z, n);
    const r = checkJacobian(f, J, x, { seed: trial });
    expect(r.dtype).toBe('float32');
    expect(r.ok).toBe(true);
  }
  const x = Float32Array.of(0.5, -1, 2);
  const bad = checkJacobian(
    (z: Float32Array) => softmax(z, 3),
    (z: Float32Array) => perturbEntry(softmaxJacobian(z, 3), 4, 1e-2),
    x,
  );
  expect(bad.verdict).toBe('mismatch');
});

test('dtype is inferred from f(x) even when x is a plain array, and x is moved onto the float32 grid', () => {
  const seen: number[] = [];
  const f = (z: number[]) => {
    seen.push(z[0]!);
    return Float32Array.from(z, (v) => v * v);
  };
  const r = checkJacobian(f, (z: number[]) => [[2 * z[0]!]], [0.1]);
  expect(r.dtype).toBe('float32');
  expect(r.ok).toBe(true);
  expect(seen.slice(1).every((v) => Math.fround(v) === v)).toBe(true);
});

test('an oracle can replace finite differences; its error estimate feeds the error model', () => {
  let calls = 0;
  const exact: JacobianOracle = {
    kind: 'symbolic',
    description: 'closed form diag(s) − s sᵀ',
    jacobian(x) {
      calls++;
      const J = softmaxJacobian(x, x.length);
      return {
        rows: x.length,
        cols: x.length,
        values: Float64Array.from(J),
        error: Float64Array.from(J, (v) => 4e-16 * Math.abs(v) + 1e-300),
      };
    },
  };
  const x = Float64Array.of(0.3, -0.7, 1.1);
  const f = (z: Float64Array) => softmax(z, 3);
  const r = checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, 3), x, { oracle: exact });
  expect(r).toMatchObject({ ok: true, oracle: 'symbolic', mode: 'full' });
  expect(calls).toBe(1);
  expect(r.evaluations.function).toBe(2);
  const bad = checkJacobian(f, (z: Float64Array) => perturbEntry(softmaxJacobian(z, 3), 2, 1e-12), x, {
    oracle: exact,
  });
  expect(bad.verdict).toBe('mismatch');
  // A dense oracle is always compared in full, even when fast mode is asked for.
  expect(
    checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, 3), x, { oracle: exact, mode: 'fast' }).mode,
  ).toBe('full');
});

test('the result is filled honestly: sizes, counts, entries worst first, bounded by maxEntries', () => {
  const n = 6;
  const x = uniform(prng(105), n, 2);
  const r = checkJacobian(
    (z: Float64Array) => softmax(z, n),
    (z: Float64Array) => softmaxJacobian(z, n),
    x,
    {
      maxEntries: 5,
    },
  );
  expect(r).toMatchObject({ kind: 'jacobian', inputSize: 6, outputSize: 6, compared: 36 });
  expect(r.entries).toHaveLength(5);
  const sev = r.entries.map((e) => e.absDiff / e.allowed);
  expect([...sev].sort((a, b) => b - a)).toEqual(sev);
  for (const e of r.entries) {
    expect(e.margin).toBeCloseTo(e.allowed - e.absDiff, 20);
    expect(e.allowed).toBeGreaterThanOrEqual(4 * e.oracleError);
  }
  expect(r.evaluations.derivative).toBe(2);
  expect(r.evaluations.function).toBeGreaterThan(2 * n);
  expect(r.durationMs).toBeGreaterThanOrEqual(0);
});
