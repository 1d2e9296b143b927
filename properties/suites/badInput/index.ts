/**
 * Malformed input is rejected, never computed on: every kernel throws a GradcheckError with the
 * documented code, naming the function and the argument at fault (`fn: arg must … (given …)`), for
 * any shape. One run draws a shape and checks every kind of malformed call against it.
 */
import { defineProperty, type GradSpec } from 'gradcheck';
import { allOf } from '../../support/rows.js';
import { RUNS } from '../../support/settings.js';
import { crossEntropyRejections } from './crossEntropy.js';
import { networkRejections } from './network.js';
import { rejected, shapes } from './rejection.js';
import { rowwiseRejections } from './rowwise.js';

/** Every kernel rejects every kind of malformed call, for any shape. */
export function badInputSpec(): GradSpec {
  return defineProperty({
    name: 'kernels reject malformed input with typed errors',
    input: shapes,
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: (shape) =>
      allOf(
        ...[...rowwiseRejections(shape), ...crossEntropyRejections(shape), ...networkRejections(shape)].map(
          (r) => () => rejected(r),
        ),
      ),
  });
}
