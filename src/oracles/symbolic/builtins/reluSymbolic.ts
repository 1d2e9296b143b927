/** Symbolic derivative of ReLU, elementwise, with an explicit choice at the kink. */
import { GradcheckError } from '../../../errors.js';
import type { RowwiseOracle } from '../rowwise.js';
import { elementwiseOracle } from './elementwise.js';

/** What the oracle reports at x = 0, where ReLU has no derivative. */
export interface ReluSymbolicOptions {
  /**
   * A number (default 0, the reference kernels' convention relu′(0) = 0): exactly that value with
   * error 0, so a kernel with another convention fails at 0. `'subgradient'`: 0.5 ± 0.5, the whole
   * subdifferential [0, 1]; any convention in it passes — and, since checkers allow κ·error, so do
   * values up to 0.5·(κ − 1) outside it (κ = 4: [−1.5, 2.5]).
   */
  readonly atZero?: 'subgradient' | number;
}

/**
 * The symbolic oracle of `relu(x)`: mathjs has no derivative of max(0, x), so ReLU is written
 * (x + abs(x))/2, whose derivative (1 + abs(x)/x)/2 is exactly 0 or 1 away from 0. At x = 0 (the
 * quotient is 0/0 there) the oracle reports `options.atZero`: by default the kernels' relu′(0) = 0.
 *
 * @example
 * ```ts
 * reluSymbolic().blocks([-1, 0, 2]).values;                      // [0, 0, 1]
 * reluSymbolic({ atZero: 'subgradient' }).blocks([0]).error;     // [0.5]: value 0.5 ± 0.5
 * ```
 */
export function reluSymbolic(options: ReluSymbolicOptions = {}): RowwiseOracle {
  const fn = 'reluSymbolic';
  const at = options.atZero ?? 0;
  if (at !== 'subgradient' && !(typeof at === 'number' && Number.isFinite(at))) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `options.atZero must be 'subgradient' or a finite number (given ${String(at)})`,
      { arg: 'options.atZero' },
    );
  }
  const kink = at === 'subgradient' ? { at: 0, value: 0.5, error: 0.5 } : { at: 0, value: at, error: 0 };
  const what = at === 'subgradient' ? 'the subdifferential [0, 1]' : String(at);
  return elementwiseOracle(
    fn,
    '(x0 + abs(x0)) / 2',
    `mathjs derivative of relu (x + abs(x))/2, elementwise; ${what} at 0`,
    'none',
    kink,
  );
}
