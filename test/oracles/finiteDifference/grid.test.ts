import { expect, test } from 'vitest';
import { sumIsExact, toGrid, ulpOf } from '../../../src/oracles/finiteDifference/grid.js';

test('ulpOf gives the spacing of the grid at a value, per dtype', () => {
  expect(ulpOf('float64', 1)).toBe(2 ** -52);
  expect(ulpOf('float64', 1000)).toBe(2 ** (9 - 52));
  expect(ulpOf('float32', 1000)).toBe(2 ** (9 - 23));
  expect(ulpOf('float32', -3)).toBe(2 ** (1 - 23));
  expect(ulpOf('float64', 0)).toBe(2 ** -1074);
  expect(ulpOf('float32', 1e-40)).toBe(2 ** -149);
});

test('a value plus its ulp is the next grid point', () => {
  for (const v of [1, 3.7, 1000.25, 1e-5, 123456.789]) {
    const f32 = Math.fround(v);
    expect(Math.fround(f32 + ulpOf('float32', f32))).toBeGreaterThan(f32);
    expect(Math.fround(f32 + ulpOf('float32', f32) / 4)).toBe(f32);
    expect(v + ulpOf('float64', v)).toBeGreaterThan(v);
    expect(v + ulpOf('float64', v) / 4).toBe(v);
  }
});

test('toGrid rounds to float32 only for float32', () => {
  expect(toGrid('float32', 0.1)).toBe(Math.fround(0.1));
  expect(toGrid('float64', 0.1)).toBe(0.1);
});

test('sumIsExact tells exact sums from rounded ones', () => {
  expect(sumIsExact('float64', 1, 2 ** -52)).toBe(true);
  expect(sumIsExact('float64', 1, 2 ** -54)).toBe(false);
  expect(sumIsExact('float64', 0.1, 0.2)).toBe(false);
  expect(sumIsExact('float32', 1000, 2 ** -14)).toBe(true);
  expect(sumIsExact('float32', 1000, 2 ** -16)).toBe(false);
  expect(sumIsExact('float64', Number.MAX_VALUE, Number.MAX_VALUE)).toBe(false);
});
