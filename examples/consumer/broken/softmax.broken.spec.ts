import { DEFAULT_LOGIT_REGIMES, defineCheck, logitBatches } from 'gradcheck';
import { softmax } from '../src/softmax.js';
import { softmaxVjpBroken } from './softmax.broken.js';

/** Every finite logit regime but ±1e308, where no finite-difference step stays finite. */
const REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

export const brokenVjpSpec = defineCheck({
  name: 'consumer softmax vjp (diagonal only)',
  input: logitBatches({ maxRows: 3, maxCols: 8, regimes: REGIMES }),
  f: ({ x, cols }) => softmax(x, cols),
  vjp: ({ x, cols }, g) => softmaxVjpBroken(x, g, cols),
  options: { numRuns: 60 },
});
