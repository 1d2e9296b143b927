/**
 * The built-in gate in `npm test`: every float64 spec of `npx gradcheck` as one vitest test named
 * exactly like the spec (stable names, no seed), run through gradcheck/vitest's `testSpecs`. The
 * float32 half runs in gate.float32.test.ts, so that vitest can run the halves on two workers.
 */
import { testSpecs } from 'gradcheck/vitest';
import { builtinSpecs } from './index.js';

testSpecs(builtinSpecs.filter((s) => s.dtype === 'float64'));
