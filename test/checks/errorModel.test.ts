import { expect, test } from 'vitest';
import { allowedBound, DEFAULT_KAPPA, ROUNDING_MODEL, roundingBound } from '../../src/checks/errorModel.js';

test('the rounding bound is c·u·magnitude plus the smallest normal, per dtype', () => {
  expect(roundingBound('float64', 1)).toBe(16 * 2 ** -53 + 2 ** -1022);
  expect(roundingBound('float32', 1)).toBe(16 * 2 ** -24 + 2 ** -126);
  expect(ROUNDING_MODEL.float32.unitRoundoff).toBe(2 ** -24);
  expect(allowedBound(DEFAULT_KAPPA, 1e-12, 1e-15)).toBeCloseTo(4 * (1e-12 + 1e-15), 25);
});
