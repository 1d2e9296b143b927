import { expect, test } from 'vitest';
import { checkVjp } from '../../src/checks/checkVjp.js';
import { logSoftmax, logSoftmaxVjp, prng, softmax, softmaxVjp, uniform } from './reference.js';

/** A VJP that reduces with Σg instead of ⟨g, s⟩: right only when the cotangent sums to 1. */
function sumInsteadOfDot(x: Float64Array, g: Float64Array, cols: number): Float64Array {
  const s = softmax(x, cols);
  let sum = 0;
  for (const v of g) sum += v;
  return s.map((si, j) => si * (g[j]! - sum * (1 / cols)));
}

test('full and fast mode pass correct softmax and log-softmax VJPs, batched', () => {
  const rand = prng(201);
  for (let trial = 0; trial < 12; trial++) {
    const cols = 2 + (trial % 6);
    const x = uniform(rand, 2 * cols, 4);
    for (const mode of ['full', 'fast'] as const) {
      expect(
        checkVjp(
          (z: Float64Array) => softmax(z, cols),
          (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, cols),
          x,
          { mode, seed: trial },
        ).ok,
      ).toBe(true);
      expect(
        checkVjp(
          (z: Float64Array) => logSoftmax(z, cols),
          (z: Float64Array, g: Float64Array) => logSoftmaxVjp(z, g, cols),
          x,
          { mode, seed: trial },
        ).ok,
      ).toBe(true);
    }
  }
});

test('a VJP reducing with the wrong sum is caught in both modes, through ⟨w, Jv⟩ = ⟨Jᵀw, v⟩ in fast mode', () => {
  const x = Float64Array.of(0.2, -1.3, 0.8, 2.1);
  const f = (z: Float64Array) => softmax(z, 4);
  const bug = (z: Float64Array, g: Float64Array) => sumInsteadOfDot(z, g, 4);
  const full = checkVjp(f, bug, x);
  expect(full.verdict).toBe('mismatch');
  const fast = checkVjp(f, bug, x, { mode: 'fast' });
  expect(fast.verdict).toBe('mismatch');
  expect(fast.entries.some((e) => e.label.includes('⟨Jᵀw'))).toBe(true);
  expect(fast.message).toMatch(/⟨w\d, J·v\d⟩ vs ⟨Jᵀw\d, v\d⟩/);
});

test('fast mode locates one wrong entry of a VJP by group testing over inputs, then outputs', () => {
  const cols = 40;
  const x = uniform(prng(202), cols, 3);
  const f = (z: Float64Array) => softmax(z, cols);
  // Entry J[7, 23] is off by 1e-5 relative: vjp's component 23 gets g[7]·δ.
  const bug = (z: Float64Array, g: Float64Array) => {
    const out = softmaxVjp(z, g, cols);
    const s = softmax(z, cols);
    out[23] = out[23]! + g[7]! * -s[7]! * s[23]! * 1e-5;
    return out;
  };
  const r = checkVjp(f, bug, x, { mode: 'fast' });
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located).toEqual([[7, 23]]);
});

test('cotangents reach the vjp in the array type f returns', () => {
  const types = new Set<string>();
  const f = (z: Float32Array) => softmax(z, 3);
  const vjp = (z: Float32Array, g: Float32Array) => {
    types.add(g.constructor.name);
    return softmaxVjp(z, g, 3);
  };
  for (const mode of ['full', 'fast'] as const)
    expect(checkVjp(f, vjp, Float32Array.of(1, 2, 3), { mode }).ok).toBe(true);
  expect([...types]).toEqual(['Float32Array']);
});
