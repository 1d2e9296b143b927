import { expect, test } from 'vitest';
import { NOISE_HALF_WIDTH, noiseFromSamples } from '../../../src/oracles/finiteDifference/noise.js';
import { estimateNoise } from '../../../src/oracles/finiteDifference/sampleNoise.js';
import { FINITE_DIFFERENCE_DEFAULTS } from '../../../src/oracles/finiteDifference/settings.js';
import { prng } from '../../checks/reference.js';

test('ECnoise recovers a known noise level within a small factor', () => {
  const rand = prng(11);
  let within = 0;
  for (let k = 0; k < 50; k++) {
    const level = 1e-9;
    const samples = Array.from({ length: 2 * NOISE_HALF_WIDTH + 1 }, (_, p) =>
      Float64Array.of(Math.sin(0.3 + p * 1e-6) + level * Math.sqrt(3) * (2 * rand() - 1)),
    );
    const sigma = noiseFromSamples(samples, 'float64', samples[NOISE_HALF_WIDTH]!)[0]!;
    if (sigma > level / 4 && sigma < level * 4) within++;
  }
  expect(within).toBeGreaterThanOrEqual(45);
});

test('a function computed exactly has noise at the rounding floor, never zero', () => {
  const fx = Float64Array.of(3);
  const samples = Array.from({ length: 9 }, () => Float64Array.of(3));
  expect(noiseFromSamples(samples, 'float64', fx)[0]).toBe(3 * 2 ** -53);
  expect(noiseFromSamples(samples, 'float32', fx)[0]).toBe(3 * 2 ** -24);
});

test('estimateNoise sees the noise a cancelling computation adds, and not on a clean one', () => {
  const x = Float64Array.of(0.3, -0.2);
  const dir = Float64Array.of(1, -1);
  const settings = FINITE_DIFFERENCE_DEFAULTS.float64;
  const clean = (p: Float64Array) => Float64Array.of(Math.sin(p[0]!) + p[1]!);
  const noisy = (p: Float64Array) => Float64Array.of(Math.sin(p[0]!) + p[1]! + 1e8 - 1e8);
  const c = estimateNoise(clean, x, clean(x), settings, dir);
  const n = estimateNoise(noisy, x, noisy(x), settings, dir);
  expect(c.evaluations).toBe(8);
  expect(c.sigma[0]!).toBeLessThan(1e-15);
  expect(n.sigma[0]!).toBeGreaterThan(1e-10);
});
