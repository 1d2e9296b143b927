import { testSpecs } from 'gradcheck/vitest';
import { expect, test } from 'vitest';
import { softmax } from '../src/softmax.js';
import { softmaxVjpBroken } from './softmax.broken.js';
import * as specs from './softmax.broken.spec.js';

test('the diagonal-only VJP matches', () => {
  expect((x: Float64Array) => softmax(x, 3)).toMatchVjp((x, g) => softmaxVjpBroken(x, g, 3), [1, 2, 3]);
});

testSpecs(specs);
