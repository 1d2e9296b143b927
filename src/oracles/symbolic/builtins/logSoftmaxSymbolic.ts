/**
 * Symbolic log-softmax Jacobian: mathjs's derivative of xᵢ − log Σⱼ exp(xⱼ), per row, at the
 * max-shifted logits (the Jacobian I − 1 sᵀ is shift-invariant).
 */
import { cachedProgram } from '../cache.js';
import { type RowwiseOracle, rowwiseOracle } from '../rowwise.js';
import { checkCols } from '../validate.js';
import { logitNames, logSoftmaxFormulas } from './formulas.js';
import { MAX_SYMBOLIC_COLS } from './limits.js';

/**
 * The symbolic oracle of `logSoftmax(x, cols)`: block-diagonal Jacobian of rows·cols logits, per-row
 * blocks I − 1 sᵀ (not symmetric), each entry with a rigorous float64 error bound. cols ≤ 128.
 *
 * @example
 * ```ts
 * const oracle = logSoftmaxSymbolic(3);
 * oracle.blocks([0, 1, 2, 5, 5, 5]).values; // two 3×3 blocks, row-major
 * ```
 */
export function logSoftmaxSymbolic(cols: number): RowwiseOracle {
  const fn = 'logSoftmaxSymbolic';
  const n = checkCols(fn, cols, MAX_SYMBOLIC_COLS);
  const program = cachedProgram(fn, { expressions: logSoftmaxFormulas(n), variables: logitNames(n) });
  return rowwiseOracle({
    fn,
    description: `mathjs derivative of log-softmax, ${n} wide, per row at max-shifted logits`,
    program,
    transform: 'shift',
    layout: 'blocks',
  });
}
