import { expect, test } from 'vitest';
import { checkGradient } from '../../src/checks/checkGradient.js';
import { checkJacobian } from '../../src/checks/checkJacobian.js';
import { checkVjp } from '../../src/checks/checkVjp.js';
import { DEFAULT_SEED } from '../../src/checks/options.js';
import type { JacobianOracle } from '../../src/oracles/types.js';
import { softmax, softmaxJacobian, softmaxVjp } from './reference.js';

const x = Float64Array.of(0.5, -1.2, 2.0, 0.1);
const n = 4;
const f = (z: Float64Array) => softmax(z, n);
const J = (z: Float64Array) => softmaxJacobian(z, n);

test('mismatch: the classic softmax backward that uses x where s belongs is caught and located; the correct twin passes', () => {
  const wrong = (z: Float64Array) => {
    const out = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) out[i * n + j] = z[i]! * ((i === j ? 1 : 0) - z[j]!);
    return out;
  };
  const bad = checkJacobian(f, wrong, x);
  expect(bad.verdict).toBe('mismatch');
  expect(bad.ok).toBe(false);
  if (bad.verdict !== 'mismatch') return;
  expect(bad.located.length).toBe(16);
  expect(bad.matrix?.rows).toBe(4);
  expect(bad.entries[0]!.margin).toBeLessThan(0);
  expect(bad.message).toContain('J[');
  expect(bad.message).toContain('seed 42');
  const good = checkJacobian(f, J, x);
  expect(good.verdict).toBe('pass');
  expect(good.ok).toBe(true);
  expect(good.compared).toBe(16);
  expect(good.entries.every((e) => e.absDiff <= e.allowed)).toBe(true);
});

test('non-finite: NaN or ±Infinity from f, the derivative or the oracle never passes', () => {
  const nanF = checkJacobian(
    (z: Float64Array) => Float64Array.of(z[0]!, Number.NaN),
    () => [[1], [0]],
    [1],
  );
  expect(nanF).toMatchObject({ verdict: 'non-finite', source: 'function', index: [1], ok: false });
  const nanJ = checkJacobian(
    f,
    (z: Float64Array) => {
      const out = J(z);
      out[6] = Number.NaN;
      return out;
    },
    x,
  );
  expect(nanJ).toMatchObject({ verdict: 'non-finite', source: 'derivative', index: [1, 2] });
  expect(Number.isNaN((nanJ as { value: number }).value)).toBe(true);
  const infG = checkGradient(
    (z: Float64Array) => z[0]!,
    () => [Number.POSITIVE_INFINITY],
    [1],
  );
  expect(infG).toMatchObject({
    verdict: 'non-finite',
    source: 'derivative',
    index: [0],
    value: Number.POSITIVE_INFINITY,
  });
  const oracle: JacobianOracle = {
    kind: 'symbolic',
    description: 'broken',
    jacobian: () => ({ rows: 1, cols: 1, values: Float64Array.of(Number.NaN), error: Float64Array.of(0) }),
  };
  const nanO = checkJacobian(
    (z: Float64Array) => z,
    () => [[1]],
    [1],
    { oracle },
  );
  expect(nanO).toMatchObject({ verdict: 'non-finite', source: 'oracle', oracle: 'symbolic' });
});

test('an oracle without a finite error bound makes the entry unreliable, not non-finite; negative bounds are rejected', () => {
  const unbounded: JacobianOracle = {
    kind: 'symbolic',
    description: 'overflowing bound',
    jacobian: () => ({
      rows: 1,
      cols: 2,
      values: Float64Array.of(1, 0),
      error: Float64Array.of(0, Number.POSITIVE_INFINITY),
    }),
  };
  const r = checkJacobian(
    (z: Float64Array) => [z[0]!],
    () => [[1, 0]],
    [1, 2],
    { oracle: unbounded },
  );
  expect(r).toMatchObject({ verdict: 'oracle-unreliable', reason: 'noise', coordinates: [1] });
  expect(r.message).toContain('no finite error bound');
  const negative: JacobianOracle = {
    ...unbounded,
    jacobian: () => ({ rows: 1, cols: 2, values: Float64Array.of(1, 0), error: Float64Array.of(0, -1) }),
  };
  expect(() =>
    checkJacobian(
      (z: Float64Array) => [z[0]!],
      () => [[1, 0]],
      [1, 2],
      { oracle: negative },
    ),
  ).toThrow(/error bounds ≥ 0/);
});

test('oracle-unreliable: a kink or a jump at x is reported as such, never as a mismatch; smooth twins pass', () => {
  const relu = (z: Float64Array) => z.map((v) => Math.max(0, v));
  const reluJ = (z: Float64Array) => [
    [z[0]! > 0 ? 1 : 0, 0],
    [0, z[1]! > 0 ? 1 : 0],
  ];
  const kink = checkJacobian(relu, reluJ, [0, 1]);
  expect(kink).toMatchObject({ verdict: 'oracle-unreliable', reason: 'kink', coordinates: [0] });
  expect(checkJacobian(relu, reluJ, [0.5, 1]).verdict).toBe('pass');
  const step = (z: Float64Array) => z[0]! + (z[1]! >= 0 ? 1 : 0);
  const jump = checkGradient(step, () => [1, 0], [0.3, 0]);
  expect(jump).toMatchObject({ verdict: 'oracle-unreliable', reason: 'discontinuity', coordinates: [1] });
  expect(checkGradient(step, () => [1, 0], [0.3, 0.5]).verdict).toBe('pass');
});

test('oracle-unreliable (noise): a noisy f is reported instead of passing under a huge bound', () => {
  let state = 1;
  const noisy = (z: Float64Array) => {
    // A deterministic hash of the input standing in for measurement noise of relative size 1e-3.
    state = Math.sin(z[0]! * 12345.678 + z[1]! * 98765.4321) * 43758.5453;
    return z[0]! ** 2 + z[1]! + 1e-3 * (state - Math.floor(state));
  };
  const r = checkGradient(noisy, (z: Float64Array) => [2 * z[0]!, 1], [0.7, 0.2]);
  expect(r).toMatchObject({ verdict: 'oracle-unreliable', reason: 'noise' });
});

test('a real bug elsewhere outranks a kink', () => {
  const f2 = (z: Float64Array) => Math.max(0, z[0]!) + z[1]! ** 2;
  const r = checkGradient(f2, (z: Float64Array) => [0, 2 * z[1]! * 1.001], [0, 1]);
  expect(r.verdict).toBe('mismatch');
});

test('nondeterministic: f or the derivative returning different values for the same input', () => {
  let calls = 0;
  const jittery = (z: Float64Array) => z.map((v) => v + (calls++ % 2) * 1e-15);
  expect(checkJacobian(jittery, () => [[1]], [1])).toMatchObject({
    verdict: 'nondeterministic',
    source: 'function',
  });
  let k = 0;
  const drifting = (z: Float64Array) => {
    k++;
    return Float64Array.of(2 * z[0]! + k * 1e-12);
  };
  expect(checkGradient((z: Float64Array) => z[0]! ** 2, drifting, [1])).toMatchObject({
    verdict: 'nondeterministic',
    source: 'derivative',
  });
  expect(
    checkGradient(
      (z: Float64Array) => z[0]! ** 2,
      (z: Float64Array) => [2 * z[0]!],
      [1],
    ).verdict,
  ).toBe('pass');
});

test('argument-mutated: a function writing into x is caught with the position and values; every call gets its own copy', () => {
  const seen = new Set<string>();
  const mutating = (z: Float64Array) => {
    seen.add(z.constructor.name);
    const out = softmax(z, n);
    z[2] = 0;
    return out;
  };
  const r = checkJacobian(mutating, J, x);
  expect(r).toMatchObject({ verdict: 'argument-mutated', source: 'function', index: 2, before: 2, after: 0 });
  expect([...seen]).toEqual(['Float64Array']);
  expect(x[2]).toBe(2);
  const vjpMutating = (z: Float64Array, g: Float64Array) => {
    const out = softmaxVjp(z, g, n);
    z.fill(1);
    return out;
  };
  expect(checkVjp(f, vjpMutating, x)).toMatchObject({
    verdict: 'argument-mutated',
    source: 'derivative',
    index: 0,
  });
  const arrays: unknown[] = [];
  checkGradient(
    (z: number[]) => {
      arrays.push(z);
      return z[0]! ** 2;
    },
    (z: number[]) => [2 * z[0]!],
    [3],
  );
  expect(arrays.every((a) => Array.isArray(a))).toBe(true);
  expect(new Set(arrays).size).toBe(arrays.length);
});

test('reproducible: the seed is reported and replays the same result; another seed draws other probes', () => {
  const a = checkVjp(f, (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, n), x, { mode: 'fast' });
  const b = checkVjp(f, (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, n), x, { mode: 'fast' });
  const c = checkVjp(f, (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, n), x, {
    mode: 'fast',
    seed: 7,
  });
  expect(a.seed).toBe(DEFAULT_SEED);
  expect(c.seed).toBe(7);
  expect(b.entries).toEqual(a.entries);
  expect(b.evaluations).toEqual(a.evaluations);
  expect(c.entries.map((e) => e.analytic)).not.toEqual(a.entries.map((e) => e.analytic));
});

test("noise: 'rounding' skips the noise estimate (8 fewer evaluations) and still passes correct code", () => {
  const estimated = checkJacobian(f, J, x);
  const rounding = checkJacobian(f, J, x, { noise: 'rounding' });
  expect(rounding.ok).toBe(true);
  expect(rounding.evaluations.function).toBeLessThan(estimated.evaluations.function);
});

test('messages name the check, the worst entry, the failing probe and how to replay', () => {
  const r = checkVjp(f, (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, n).map((v) => v * 1.01), x, {
    mode: 'fast',
    seed: 9,
  });
  expect(r.message).toMatch(
    /^checkVjp \(fast mode, 2 rademacher probes, float64, finite-difference oracle, seed 9\)/,
  );
  expect(r.message).toContain('Failing check: ⟨w');
  expect(r.message).toContain("Replay with { seed: 9, mode: 'fast' }");
  expect(r.message).toMatch(/Cost: \d+ evaluations of f and \d+ of the derivative/);
});
