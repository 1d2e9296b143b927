import { defineCheck, logitBatches } from 'gradcheck';
import { softmax } from '../src/softmax.js';
import { softmaxVjpBroken } from './softmax.broken.js';

export const brokenVjpSpec = defineCheck({
  name: 'consumer softmax vjp (diagonal only)',
  input: logitBatches({ maxRows: 3, maxCols: 8 }),
  f: ({ x, cols }) => softmax(x, cols),
  vjp: ({ x, cols }, g) => softmaxVjpBroken(x, g, cols),
  options: { numRuns: 60 },
});
