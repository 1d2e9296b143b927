/** Symbolic gradient of the mean cross-entropy with probability targets, w.r.t. the logits. */
import { GradcheckError } from '../../../errors.js';
import type { NumericArray } from '../../../types.js';
import type { RowwiseOracle } from '../rowwise.js';
import { checkCols, toPoint } from '../validate.js';
import { crossEntropyOracle } from './crossEntropyOracle.js';
import { MAX_SYMBOLIC_COLS } from './limits.js';

/**
 * The symbolic oracle of `crossEntropyWithTargets(logits, targets, cols)` = mean over rows of
 * −Σₖ yₖ log sₖ: the 1×(rows·cols) gradient ((Σy)·s − y)/rows, derived by mathjs and evaluated at
 * max-shifted logits (the loss is shift-invariant for any y, normalised or not). Targets are used
 * exactly as given.
 *
 * @example
 * ```ts
 * const oracle = crossEntropyWithTargetsSymbolic([0.2, 0.8, 0.5, 0.5], 2);
 * oracle.jacobian([1, -1, 0, 3]).values; // length 4
 * ```
 */
export function crossEntropyWithTargetsSymbolic(targets: NumericArray, cols: number): RowwiseOracle {
  const fn = 'crossEntropyWithTargetsSymbolic';
  const n = checkCols(fn, cols, MAX_SYMBOLIC_COLS);
  const y = toPoint(fn, targets, undefined, 'targets');
  if (y.length % n !== 0) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `targets.length must be a multiple of cols (targets.length=${y.length}, cols=${n})`,
      {
        arg: 'targets',
      },
    );
  }
  return crossEntropyOracle(fn, n, y, 'probability targets');
}
