/**
 * Symbolic softmax Jacobian: mathjs's derivative of sᵢ = exp(xᵢ)/Σⱼ exp(xⱼ), per row, evaluated at the
 * max-shifted logits (softmax is shift-invariant, so is its Jacobian diag(s) − s sᵀ).
 */
import { cachedProgram } from '../cache.js';
import { type RowwiseOracle, rowwiseOracle } from '../rowwise.js';
import { checkCols } from '../validate.js';
import { logitNames, softmaxFormulas } from './formulas.js';
import { MAX_SYMBOLIC_COLS } from './limits.js';

/**
 * The symbolic oracle of `softmax(x, cols)`: for x of rows·cols logits, the block-diagonal
 * (rows·cols)² Jacobian (`jacobian`) or its rows blocks of cols×cols (`blocks`), each entry with a
 * rigorous float64 error bound. cols ≤ 128; the program is built once per width (≈ 1.5 s at 64).
 *
 * @example
 * ```ts
 * const oracle = softmaxSymbolic(4);
 * const { values, error } = oracle.jacobian([1, 2, 3, 4]); // 4×4 = diag(s) − s sᵀ
 * checkJacobian((x) => softmax(x, 4), (x) => softmaxJacobian(x, 4), x, { oracle });
 * ```
 */
export function softmaxSymbolic(cols: number): RowwiseOracle {
  const fn = 'softmaxSymbolic';
  const n = checkCols(fn, cols, MAX_SYMBOLIC_COLS);
  const program = cachedProgram(fn, { expressions: softmaxFormulas(n), variables: logitNames(n) });
  return rowwiseOracle({
    fn,
    description: `mathjs derivative of softmax, ${n} wide, per row at max-shifted logits`,
    program,
    transform: 'shift',
    layout: 'blocks',
  });
}
