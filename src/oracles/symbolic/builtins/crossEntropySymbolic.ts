/** Symbolic gradient of the mean cross-entropy with integer labels, w.r.t. the logits. */
import { GradcheckError } from '../../../errors.js';
import type { RowwiseOracle } from '../rowwise.js';
import { checkCols } from '../validate.js';
import { crossEntropyOracle } from './crossEntropyOracle.js';
import { MAX_SYMBOLIC_COLS } from './limits.js';

/**
 * The symbolic oracle of `crossEntropy(logits, labels, cols)` = mean over rows of −log s_label: its
 * Jacobian in the logits is the 1×(rows·cols) gradient (s − onehot)/rows, from mathjs's derivative of
 * −Σₖ yₖ (xₖ − log Σⱼ exp(xⱼ)) with y the one-hot label, at max-shifted logits.
 *
 * @example
 * ```ts
 * const oracle = crossEntropySymbolic([2, 0], 3); // two rows of 3 logits
 * checkGradient((z) => crossEntropy(z, [2, 0], 3), (z) => crossEntropyGrad(z, [2, 0], 3), z, { oracle });
 * ```
 */
export function crossEntropySymbolic(labels: Int32Array | readonly number[], cols: number): RowwiseOracle {
  const fn = 'crossEntropySymbolic';
  const n = checkCols(fn, cols, MAX_SYMBOLIC_COLS);
  if (!(labels instanceof Int32Array) && !Array.isArray(labels)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `labels must be an Int32Array or number[] (given ${typeof labels})`,
      {
        arg: 'labels',
      },
    );
  }
  if (labels.length === 0) {
    throw new GradcheckError('GC_EMPTY_INPUT', fn, 'labels must hold at least one label (given length 0)', {
      arg: 'labels',
    });
  }
  const targets = new Float64Array(labels.length * n);
  for (let r = 0; r < labels.length; r++) {
    const c = labels[r];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= n) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        fn,
        `labels[${r}] must be an integer in [0, ${n}) (given ${String(c)})`,
        {
          arg: `labels[${r}]`,
        },
      );
    }
    targets[r * n + c] = 1;
  }
  return crossEntropyOracle(fn, n, targets, 'labels');
}
