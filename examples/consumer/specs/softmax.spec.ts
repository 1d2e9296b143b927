// Specs for `npx gradcheck check specs/softmax.spec.ts`: every exported defineCheck is run.
import { DEFAULT_LOGIT_REGIMES, defineCheck, logitBatches, logitVectors } from 'gradcheck';
import { softmax, softmaxJacobian, softmaxVjp } from '../src/softmax.js';

/** Every finite logit regime but ±1e308, where no finite-difference step stays finite. */
const REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

/** The VJP over batches of rows, logits from moderate to beyond the exp overflow edge. */
export const softmaxVjpSpec = defineCheck({
  name: 'consumer softmax vjp',
  input: logitBatches({ maxRows: 3, maxCols: 8, regimes: REGIMES }),
  f: ({ x, cols }) => softmax(x, cols),
  vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols),
  options: { numRuns: 60 },
});

/** The Jacobian of one row. */
export const softmaxJacobianSpec = defineCheck({
  name: 'consumer softmax jacobian',
  input: logitVectors({ maxCols: 8, regimes: REGIMES }),
  f: ({ x, cols }) => softmax(x, cols),
  jacobian: ({ x }) => softmaxJacobian(x),
  options: { numRuns: 60 },
});
