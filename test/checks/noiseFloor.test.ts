import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkGradient } from '../../src/checks/checkGradient.js';
import { defineCheck, type FloatArray, runProperty } from '../../src/index.js';
import { softmax } from '../../src/kernels/softmax.js';
import { softmaxVjp } from '../../src/kernels/softmaxDerivatives.js';

// ⟨g, softmax(x)⟩ on rows [1e6, 1e6 + 5.25] and [0, −4.5] with g = [1, −1, 1, 1]: the value, 0.0104,
// is what is left of terms near 1 (s₀ − s₁ + 1), so its roundings are ~1e-16 while |f| suggests 1e-18.
// Found by the gate with --seed 11 --runs 500 (fixtures/regressions/shifted-vjp-false-alarm-1e6.json).
const x = Float64Array.from([1e6, 1e6 + 5.25, 0, -4.5]);
const g = Float64Array.from([1, -1, 1, 1]);
const f = (z: Float64Array) => {
  const s = softmax(z, 2);
  let a = 0;
  for (let i = 0; i < 4; i++) a += g[i]! * s[i]!;
  return a;
};
const grad = (z: Float64Array) => softmaxVjp(z, g, 2);
const terms = Array.from(softmax(x, 2)).reduce((a, s, i) => a + Math.abs(g[i]! * s), 0);
const options = { seed: 1061055400, mode: 'full' } as const;

test('without a noise floor the cancelling sum defeats the noise estimate: the correct gradient is not vouched for', () => {
  // A mismatch (1.2× the bound) before the Richardson confirmation rule, oracle-unreliable since.
  const r = checkGradient(f, grad, x, options);
  expect(r.ok).toBe(false);
  expect(['mismatch', 'oracle-unreliable']).toContain(r.verdict);
});

test('noiseFloor = u·Σ|terms| lets the correct gradient pass, and a 1e-6 relative error is still caught', () => {
  const floored = { ...options, noiseFloor: 2 ** -53 * terms };
  const ok = checkGradient(f, grad, x, floored);
  expect(ok.ok, ok.message).toBe(true);
  const wrong = (z: Float64Array) => softmaxVjp(z, g, 2).map((v, i) => (i === 0 ? v * (1 + 1e-6) : v));
  const bad = checkGradient(f, wrong, x, floored);
  expect(bad.verdict).toBe('mismatch');
  expect(bad.entries[0]!.index).toEqual([0]);
});

test('the floor of a VJP along a cotangent does not pre-empt the checker: an f that throws is still GC_FUNCTION_THREW', async () => {
  const spec = defineCheck({
    name: 'vjp along a cotangent, f throws',
    input: fc.constant({ x: Float64Array.of(1, 2), cols: 2 }),
    point: 'x',
    f: () => {
      throw new Error('boom');
    },
    vjp: ({ x }: { x: Float64Array }, v: FloatArray) => softmaxVjp(x, v, 2),
    cotangent: () => Float64Array.of(1, 0),
    options: { numRuns: 1 },
  });
  const r = await runProperty(spec);
  expect(r.status).toBe('error');
  expect(r.error).toMatchObject({ code: 'GC_FUNCTION_THREW' });
  expect(r.error?.message).toMatch(/^checkGradient: f must return without throwing \(it threw "Error: boom"/);
});
