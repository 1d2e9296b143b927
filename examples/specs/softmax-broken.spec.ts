/**
 * The walk-through's failing example: the same check as softmax.spec.ts, on the diagonal-only VJP
 * of mySoftmaxBroken.ts. `npx gradcheck check examples/specs/softmax-broken.spec.ts` exits 1 and
 * writes an HTML report with a heatmap of the wrong Jacobian entries.
 */
import { DEFAULT_LOGIT_REGIMES, defineCheck, logitBatches } from 'gradcheck';
import { mySoftmax } from './mySoftmax.js';
import { mySoftmaxVjpBroken } from './mySoftmaxBroken.js';

/** Every finite logit regime but ±1e308, where no finite-difference step stays finite. */
const REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

export const mySoftmaxVjpBrokenSpec = defineCheck({
  name: 'my softmax vjp (diagonal only)',
  input: logitBatches({ maxRows: 4, maxCols: 12, regimes: REGIMES }),
  f: ({ x, cols }) => mySoftmax(x, cols),
  vjp: ({ x, cols }, g) => mySoftmaxVjpBroken(x, g, cols),
  options: { numRuns: 100 },
});
