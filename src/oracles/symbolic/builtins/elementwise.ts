/**
 * Elementwise activations as rowwise programs of width 1: x of any length n gives the n×n diagonal
 * Jacobian (`blocks` gives the n derivatives themselves).
 */
import { cachedProgram } from '../cache.js';
import { type RowwiseConfig, type RowwiseOracle, rowwiseOracle } from '../rowwise.js';

export function elementwiseOracle(
  fn: string,
  formula: string,
  description: string,
  transform: RowwiseConfig['transform'],
  kink?: RowwiseConfig['kink'],
): RowwiseOracle {
  const program = cachedProgram(fn, { expressions: [formula], variables: ['x0'] });
  return rowwiseOracle({ fn, description, program, transform, layout: 'blocks', ...(kink ? { kink } : {}) });
}
