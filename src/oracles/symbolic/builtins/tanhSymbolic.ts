/** Symbolic derivative of tanh, elementwise. */
import type { RowwiseOracle } from '../rowwise.js';
import { elementwiseOracle } from './elementwise.js';

/**
 * The symbolic oracle of `tanh(x)`: mathjs's derivative sech(x)², on the diagonal of an n×n
 * Jacobian; evaluated at |x| (it is even), where 1/cosh underflows gracefully to 0 past |x| ≈ 710.
 *
 * @example
 * ```ts
 * tanhSymbolic().blocks([0, 1]).values; // [1, 0.41997…]
 * ```
 */
export function tanhSymbolic(): RowwiseOracle {
  return elementwiseOracle('tanhSymbolic', 'tanh(x0)', 'mathjs derivative of tanh, elementwise', 'even');
}
