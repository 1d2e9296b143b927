/**
 * The float32 half of the built-in gate in `npm test` (see gate.float64.test.ts).
 */
import { expect, test } from 'vitest';
import { gateTests } from './gateTests.js';
import { builtinSpecs } from './index.js';

gateTests(builtinSpecs.filter((s) => s.dtype === 'float32'));

test('every built-in spec declares its dtype, so the two halves hold the whole gate', () => {
  expect(builtinSpecs.every((s) => s.dtype === 'float64' || s.dtype === 'float32')).toBe(true);
  expect(new Set(builtinSpecs.map((s) => s.name)).size).toBe(builtinSpecs.length);
});
