import { expect, test } from 'vitest';
import { MAX_COLUMN, RichardsonTableau } from '../../../src/oracles/finiteDifference/tableau.js';

function central(f: (t: number) => number, h: number): Float64Array {
  return Float64Array.of((f(h) - f(-h)) / (2 * h));
}

test('Richardson extrapolation of central differences reaches near machine precision on smooth functions', () => {
  const f = (t: number) => Math.sin(1 + t) * Math.exp(0.3 * t);
  const exact = Math.cos(1) + 0.3 * Math.sin(1);
  const tab = new RichardsonTableau(Float64Array.of(2 ** -53));
  for (let k = 0; k < 6; k++) tab.addLevel(0.25 * 2 ** -k, central(f, 0.25 * 2 ** -k), 1 / (0.25 * 2 ** -k));
  const c = tab.choose();
  expect(Math.abs(c.value[0]! - exact)).toBeLessThan(1e-13);
  // The error estimate is honest: the true error is inside it.
  expect(Math.abs(c.value[0]! - exact)).toBeLessThanOrEqual(c.truncation[0]! + c.rounding[0]!);
});

test('a plain central difference (no extrapolation) is far less accurate: the tableau matters', () => {
  const f = (t: number) => Math.sin(1 + t) * Math.exp(0.3 * t);
  const exact = Math.cos(1) + 0.3 * Math.sin(1);
  const plain = central(f, 0.25 * 2 ** -5)[0]!;
  expect(Math.abs(plain - exact)).toBeGreaterThan(1e-6);
});

test('error estimates stay honest over many random analytic functions', () => {
  let worst = 0;
  for (let k = 0; k < 200; k++) {
    const a = 0.5 + (k % 7) * 0.4;
    const b = ((k * 37) % 11) / 5 - 1;
    const f = (t: number) => Math.exp(a * Math.sin(t + b)) / (2 + Math.cos(a * t));
    const d = (t: number) => {
      const e = Math.exp(a * Math.sin(t + b));
      const den = 2 + Math.cos(a * t);
      return (e * a * Math.cos(t + b) * den + e * a * Math.sin(a * t)) / (den * den);
    };
    const tab = new RichardsonTableau(Float64Array.of(2 ** -52 * Math.abs(f(0))));
    for (let l = 0; l < 7; l++)
      tab.addLevel(0.25 * 2 ** -l, central(f, 0.25 * 2 ** -l), 1 / (0.25 * 2 ** -l));
    const c = tab.choose();
    worst = Math.max(worst, Math.abs(c.value[0]! - d(0)) / (c.truncation[0]! + c.rounding[0]!));
  }
  expect(worst).toBeLessThanOrEqual(1);
});

test('an estimate that agrees by accident at large steps is not trusted over the finest steps', () => {
  // Values that happen to line up at the coarse levels, then settle elsewhere at the fine ones.
  const seq = [0.5, 0.5, 0.5, 0.7, 0.7, 0.7];
  const tab = new RichardsonTableau(Float64Array.of(0));
  seq.forEach((v, l) => {
    tab.addLevel(2 ** -l, Float64Array.of(v), 2 ** l);
  });
  const c = tab.choose();
  expect(Math.abs(c.value[0]! - 0.7)).toBeLessThanOrEqual(c.truncation[0]! + c.rounding[0]!);
});

test('columns stop at the highest useful order', () => {
  const tab = new RichardsonTableau(Float64Array.of(0));
  for (let l = 0; l < MAX_COLUMN + 5; l++) tab.addLevel(2 ** -l, Float64Array.of(1), 2 ** l);
  expect(tab.levels).toBe(MAX_COLUMN + 5);
  expect(tab.choose().value[0]).toBe(1);
});
