/**
 * A complete spec module: `npx gradcheck check examples/specs/softmax.spec.ts` runs every spec it
 * exports. Each `defineCheck` names a property, a generator of inputs, the function and ONE
 * derivative (jacobian, vjp, jvp, gradient or backprop); callbacks receive the generated input with
 * its point `x` replaced by the checker's own copy.
 */
import { DEFAULT_LOGIT_REGIMES, defineCheck, logitBatches, logitVectors } from 'gradcheck';
import { mySoftmax, mySoftmaxVjp } from './mySoftmax.js';

/** Every finite logit regime but ±1e308, where no finite-difference step stays finite. */
const REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

/** VJP over batches of 1–4 rows, 1–12 wide, logits from moderate to beyond the exp overflow edge. */
export const mySoftmaxVjpSpec = defineCheck({
  name: 'my softmax vjp',
  input: logitBatches({ maxRows: 4, maxCols: 12, regimes: REGIMES }),
  f: ({ x, cols }) => mySoftmax(x, cols),
  vjp: ({ x, cols }, g) => mySoftmaxVjp(x, g, cols),
  options: { numRuns: 100 },
});

/** The same VJP in fast mode (random projections, cost independent of the width) on wide rows. */
export const mySoftmaxVjpWideSpec = defineCheck({
  name: 'my softmax vjp, wide rows, fast mode',
  input: logitVectors({ minCols: 100, maxCols: 400, regimes: ['moderate', 'overflow', 'shifted'] }),
  f: ({ x, cols }) => mySoftmax(x, cols),
  vjp: ({ x, cols }, g) => mySoftmaxVjp(x, g, cols),
  options: { numRuns: 20, mode: 'fast' },
});
