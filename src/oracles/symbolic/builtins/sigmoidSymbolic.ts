/** Symbolic derivative of the logistic sigmoid, elementwise. */
import type { RowwiseOracle } from '../rowwise.js';
import { elementwiseOracle } from './elementwise.js';

/**
 * The symbolic oracle of `sigmoid(x)`: mathjs's derivative of 1/(1 + exp(−x)), i.e. σ(1 − σ), on the
 * diagonal of an n×n Jacobian. σ′ is even (σ(−x) = 1 − σ(x)), so it is evaluated at |x|, where
 * exp(−|x|) ≤ 1 cannot overflow: exact for every finite x, ±1000 included.
 *
 * @example
 * ```ts
 * sigmoidSymbolic().blocks([0, 2, -2]).values; // [0.25, 0.1049…, 0.1049…]
 * ```
 */
export function sigmoidSymbolic(): RowwiseOracle {
  return elementwiseOracle(
    'sigmoidSymbolic',
    '1 / (1 + exp(-x0))',
    'mathjs derivative of sigmoid 1/(1 + exp(-x)), elementwise at |x|',
    'even',
  );
}
