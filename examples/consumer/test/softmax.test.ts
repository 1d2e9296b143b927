import { checkProperty, testSpecs } from 'gradcheck/vitest';
import { describe, expect, test } from 'vitest';
import * as specs from '../specs/softmax.spec.js';
import { softmax, softmaxJacobian, softmaxVjp } from '../src/softmax.js';

describe('softmax derivatives at chosen points', () => {
  test('the Jacobian matches finite differences', () => {
    expect((x: Float64Array) => softmax(x, 3)).toMatchJacobian(softmaxJacobian, [1, 2, 3]);
  });

  test('the VJP matches, also with logits near the exp overflow edge', () => {
    const f = (x: Float64Array) => softmax(x, 4);
    expect(f).toMatchVjp((x, g) => softmaxVjp(x, g, 4), [0.5, -1, 2, 0]);
    expect(f).toMatchVjp((x, g) => softmaxVjp(x, g, 4), [700, 709, -3, 705]);
  });

  test('a VJP that keeps only the diagonal of the Jacobian does not match', () => {
    const diagonalOnly = (x: Float64Array, g: Float64Array) =>
      softmax(x, 3).map((s, i) => g[i]! * s * (1 - s));
    expect((x: Float64Array) => softmax(x, 3)).not.toMatchVjp(diagonalOnly, [1, 2, 3]);
  });
});

// One vitest test per exported spec, named after the spec.
testSpecs(specs, { numRuns: 30 });

// Or one at a time, with its own options.
describe('one spec', () => {
  checkProperty(specs.softmaxVjpSpec, { numRuns: 20, seed: 7 });
});
