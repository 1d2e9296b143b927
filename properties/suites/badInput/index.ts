/**
 * Malformed input is rejected, never computed on: every kernel throws a GradcheckError with the
 * documented code, naming the function and the argument at fault, with the whole documented message
 * (`fn: arg must … (given …)`, the given value described as `null`, `Array(3)`, `Int32Array(4)`,
 * `DataView`, `7`, `string`…) and `details` object, for any shape. One run draws a shape and checks
 * every kind of malformed call against it.
 */
import { defineProperty, type GradSpec } from 'gradcheck';
import { RUNS } from '../../support/settings.js';
import { mlpOptionRejections } from './createMlp.js';
import { crossEntropyRejections } from './crossEntropy.js';
import { denseRejections } from './dense.js';
import { networkRejections } from './network.js';
import { rejectedAll, shapes } from './rejection.js';
import { rowwiseRejections } from './rowwise.js';

/** Every kernel rejects every kind of malformed call, for any shape. */
export function badInputSpec(): GradSpec {
  return defineProperty({
    name: 'kernels reject malformed input with typed errors',
    input: shapes,
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: (shape) =>
      rejectedAll([
        ...rowwiseRejections(shape),
        ...crossEntropyRejections(shape),
        ...denseRejections(shape),
        ...networkRejections(shape),
        ...mlpOptionRejections(shape),
      ]),
  });
}
