import { expect, test } from 'vitest';
import { createRng, gaussian, tangent } from '../../src/checks/random.js';

test('the same seed gives the same stream; different seeds differ', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xs = Array.from({ length: 5 }, () => a.next());
  expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
  expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
  expect(createRng(-7).next()).not.toBe(createRng(7).next());
});

test('tangents are never of one sign throughout (the constant direction hides shift-invariant Jacobians)', () => {
  const rng = createRng(1);
  for (let k = 0; k < 500; k++) {
    const v = tangent('rademacher', 2, rng);
    expect(v[0]! * v[1]!).toBe(-1);
  }
});

test('gaussian tangents are multiples of 1/16 and never zero', () => {
  const v = gaussian(10_000, createRng(5));
  expect(v.every((t) => t !== 0 && Number.isInteger(t * 16))).toBe(true);
  const mean = v.reduce((s, t) => s + t, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, t) => s + t * t, 0) / v.length);
  expect(Math.abs(mean)).toBeLessThan(0.05);
  expect(Math.abs(sd - 1)).toBeLessThan(0.05);
});
