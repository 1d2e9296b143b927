/**
 * Shared construction of the cross-entropy oracles: one program per width for −Σₖ yₖ log sₖ with the
 * targets y as per-row constants, averaged over rows (as the kernels' `crossEntropy` is a mean).
 */
import { cachedProgram } from '../cache.js';
import { type RowwiseOracle, rowwiseOracle } from '../rowwise.js';
import { crossEntropyFormula, logitNames, targetNames } from './formulas.js';

/** The oracle for `rows` rows of `n` logits with target rows `targets` (rows·n, row-major). */
export function crossEntropyOracle(
  fn: string,
  n: number,
  targets: Float64Array,
  what: string,
): RowwiseOracle {
  const program = cachedProgram(fn, {
    expressions: [crossEntropyFormula(n)],
    variables: logitNames(n),
    parameters: targetNames(n),
  });
  const rows = targets.length / n;
  return rowwiseOracle({
    fn,
    description: `mathjs derivative of mean cross-entropy (${what}), ${rows}×${n}, at max-shifted logits`,
    program,
    transform: 'shift',
    layout: 'mean',
    rows,
    parameters: targets,
  });
}
