/** Symbolic derivative of ReLU, elementwise, with an explicit choice at the kink. */
import { GradcheckError } from '../../../errors.js';
import type { RowwiseOracle } from '../rowwise.js';
import { elementwiseOracle } from './elementwise.js';

/** What the oracle reports at x = 0, where ReLU has no derivative. */
export interface ReluSymbolicOptions {
  /**
   * `'subgradient'` (default): 0.5 ± 0.5, the whole subdifferential [0, 1], so any convention in it
   * passes and values outside fail; a number: exactly that value with error 0 (pin your kernel's
   * convention, e.g. `atZero: 0` for relu′(0) = 0).
   */
  readonly atZero?: 'subgradient' | number;
}

/**
 * The symbolic oracle of `relu(x)`: mathjs has no derivative of max(0, x), so ReLU is written
 * (x + abs(x))/2, whose derivative (1 + abs(x)/x)/2 is exactly 0 or 1 away from 0. At x = 0 the
 * oracle reports `options.atZero` (default: the subdifferential [0, 1] as 0.5 ± 0.5).
 *
 * @example
 * ```ts
 * reluSymbolic().blocks([-1, 0, 2]).values;             // [0, 0.5, 1], error [0, 0.5, 0]
 * reluSymbolic({ atZero: 0 }).blocks([0]).values;        // [0], error [0]
 * ```
 */
export function reluSymbolic(options: ReluSymbolicOptions = {}): RowwiseOracle {
  const fn = 'reluSymbolic';
  const at = options.atZero ?? 'subgradient';
  if (at !== 'subgradient' && !(typeof at === 'number' && Number.isFinite(at))) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `options.atZero must be 'subgradient' or a finite number (given ${String(at)})`,
      {
        arg: 'options.atZero',
      },
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
