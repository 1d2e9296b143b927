/**
 * The built-in gate in `npm test`: every float64 spec of `npx gradcheck` as one vitest test named
 * exactly like the spec (see gateTests.ts). The float32 half runs in gate.float32.test.ts, so that
 * vitest can run the halves on two workers.
 */
import { gateTests } from './gateTests.js';
import { builtinSpecs } from './index.js';

gateTests(builtinSpecs.filter((s) => s.dtype === 'float64'));
