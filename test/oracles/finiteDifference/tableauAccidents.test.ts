import { expect, test } from 'vitest';
import { RichardsonTableau } from '../../../src/oracles/finiteDifference/tableau.js';

/** A tableau fed central differences d at steps 0.5, 0.25, … (noise level sigma). */
function feed(ds: readonly number[], sigma: number): RichardsonTableau {
  const t = new RichardsonTableau(Float64Array.of(sigma));
  ds.forEach((d, l) => {
    const h = 0.5 * 2 ** -l;
    t.addLevel(h, Float64Array.of(d), 1 / h);
  });
  return t;
}

// Central differences of a correct float32 MLP loss (4-3-3 tanh) along parameter 3, whose exact
// derivative is 0.4517986476 (fixtures/regressions/float32-mlp-gradient-false-alarm.json): the
// order-1 extrapolations of the first two step pairs agree by accident (0.451949, 0.451945).
const TANH = [0.3431738, 0.4247555, 0.4451489, 0.4501455];
const TANH_EXACT = 0.4517986476;

test('an accidental agreement of coarse entries does not hide the error: κ = 4 times the estimate covers it', () => {
  const c = feed(TANH, 1.1e-7).choose();
  const error = c.truncation[0]! + c.rounding[0]!;
  // 1.5e-4 off; the estimate is 1.3e-4 (it was 7e-6 before the finest-steps safeguard trusted its
  // references by their next order, so even 4× fell 5× short).
  expect(Math.abs(c.value[0]! - TANH_EXACT)).toBeLessThanOrEqual(4 * error);
  expect(error).toBeGreaterThan(1e-4);
});

// A float32 ReLU network along parameter 25 (fixtures/regressions, seed 3): the steps 0.5 and 0.25
// lie on one side of a kink and agree to 2e-6 on the slope −0.06416; the derivative is −0.0420654.
const KINK = [
  -0.064164127, -0.064161885, -0.074274504, -0.042126572, -0.042080719, -0.042069248, -0.042066379,
];
const KINK_EXACT = -0.04206542298;

test('coarse entries are not regular once finer steps stop converging (a kink), and finer rows give the slope', () => {
  const early = feed(KINK.slice(0, 4), 6e-8 * 1.9).choose();
  expect(early.regular[0]).toBe(0);
  const late = feed(KINK, 6e-8 * 1.9).choose();
  expect(late.regular[0]).toBe(1);
  expect(Math.abs(late.value[0]! - KINK_EXACT)).toBeLessThan(1e-5);
});
