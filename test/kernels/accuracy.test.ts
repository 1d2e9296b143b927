import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  type DType,
  logSoftmax,
  mulberry32,
  preciseLogSoftmax,
  preciseSoftmax,
  softmax,
  ulpError,
} from './support/api.js';
import { naiveLogSoftmax, naiveSoftmax } from './support/numeric.js';

/** One row of logits of a given kind, built from a seed (fast-check's doubles are mostly tiny). */
function logits(kind: string, cols: number, seed: number): number[] {
  const u = mulberry32(seed);
  const x = Array.from({ length: cols }, () => 0);
  for (let j = 0; j < cols; j++) {
    if (kind === 'spread-700') x[j] = (u() - 0.5) * 1400;
    else if (kind === 'moderate') x[j] = (u() - 0.5) * 20;
    else if (kind === 'dominant') x[j] = j === 0 ? 0 : -650 - u() * 60;
    else if (kind === 'shift-1e6') x[j] = 1e6 + Math.floor(u() * 64) / 16;
    else if (kind === 'ties') x[j] = Math.floor(u() * 3);
    else x[j] = -Math.abs((u() - 0.5) * 1490); // 'subnormal': probabilities down to e^-745
  }
  return x;
}

const rowArbitrary = fc.record({
  kind: fc.constantFrom('spread-700', 'moderate', 'dominant', 'shift-1e6', 'ties', 'subnormal'),
  cols: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 2, max: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(257, 1000) },
  ),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** Worst ulp error of softmax and logSoftmax on one row against the 60-digit decimal.js reference. */
function worstOnRow(x: number[], cols: number, dtype: DType, impl = { softmax, logSoftmax }): number {
  const xs = dtype === 'float32' ? Float32Array.from(x) : Float64Array.from(x);
  const s = impl.softmax(xs, cols);
  const ls = impl.logSoftmax(xs, cols);
  const rs = preciseSoftmax(xs, cols);
  const rl = preciseLogSoftmax(xs, cols);
  let worst = 0;
  for (let j = 0; j < cols; j++)
    worst = Math.max(worst, ulpError(s[j]!, rs[j]!, dtype), ulpError(ls[j]!, rl[j]!, dtype));
  return worst;
}

test.each(['float64', 'float32'] as const)(
  'softmax and logSoftmax stay within 4 ulps of decimal.js on random rows 2 to 1000 wide (%s)',
  (dtype) => {
    fc.assert(
      fc.property(rowArbitrary, ({ kind, cols, seed }) => {
        expect(worstOnRow(logits(kind, cols, seed), cols, dtype)).toBeLessThanOrEqual(4);
      }),
      { seed: dtype === 'float64' ? 20240601 : 20240602, numRuns: dtype === 'float64' ? 20 : 10 },
    );
  },
);

test('the same measurement catches the textbook softmax and log-softmax', () => {
  // The check must be able to fail: the max-shifted Math.exp softmax loses hundreds of ulps on a
  // ±700 spread (x − max rounds), and x − m − log Σ has no correct digit for a dominant entry.
  const naive = { softmax: naiveSoftmax, logSoftmax: naiveLogSoftmax } as unknown as {
    softmax: typeof softmax;
    logSoftmax: typeof logSoftmax;
  };
  expect(worstOnRow(logits('spread-700', 12, 7), 12, 'float64', naive)).toBeGreaterThan(20);
  expect(worstOnRow(logits('dominant', 6, 8), 6, 'float64', naive)).toBeGreaterThan(1e6);
});
