import { expect, test } from 'vitest';
import { placeStep } from '../../../src/oracles/finiteDifference/place.js';
import { prng } from '../../checks/reference.js';

test('float32 points are representable and their steps exact, even at logits near 1000', () => {
  const rand = prng(3);
  for (let k = 0; k < 2000; k++) {
    const x = Math.fround((rand() * 2 - 1) * 1024);
    const h = 2 ** -Math.floor(rand() * 10);
    const s = placeStep('float32', x, h);
    expect(Math.fround(s.high)).toBe(s.high);
    expect(Math.fround(s.low)).toBe(s.low);
    expect(s.high - x).toBe(s.plus);
    expect(x - s.low).toBe(s.minus);
    expect(s.plus).toBeGreaterThan(0);
    expect(Math.abs(s.plus - h)).toBeLessThanOrEqual(2 * 2 ** -14 * 2 ** 10);
  }
});

test('steps are symmetric whenever one rounded side can be mirrored exactly', () => {
  const rand = prng(4);
  let symmetric = 0;
  for (let k = 0; k < 2000; k++) {
    const x = Math.fround(rand() * 100 - 50);
    const s = placeStep('float32', x, 0.1);
    if (s.plus === s.minus) symmetric++;
  }
  expect(symmetric).toBe(2000);
});

test('float64 steps near a power of two are mirrored from the side that rounds', () => {
  // 1024 − 2⁻⁴³ is odd on the grid of [512, 1024): x + 0.25 lands on the coarser grid above 1024.
  const x = 1024 - 2 ** -43;
  const s = placeStep('float64', x, 0.25);
  expect(s.plus).toBe(s.minus);
  expect(x + s.plus).toBe(s.high);
  expect(x - s.minus).toBe(s.low);
});
