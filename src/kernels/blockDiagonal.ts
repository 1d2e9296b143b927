/**
 * Assembles the full Jacobian of a row-wise kernel over a batch from its per-row blocks.
 */
import { GradcheckError } from '../errors.js';
import { allocLike, type KernelOutput } from './arrays.js';
import { floatArray, type KernelInput, positiveInteger } from './validate.js';

/**
 * The (rows·cols) × (rows·cols) block-diagonal matrix, row-major, whose diagonal blocks are the
 * consecutive cols × cols blocks of `blocks` (as returned by softmaxJacobian and friends): the
 * Jacobian of a row-wise kernel seen as one function of the whole flattened batch.
 *
 * @param blocks rows·cols·cols values. @param cols The block size.
 * @returns blocks' array type, length (rows·cols)².
 * @throws GradcheckError `GC_SHAPE_MISMATCH` when blocks.length is not a multiple of cols²,
 *   `GC_TOO_LARGE` past 2^27 entries (1 GiB of float64).
 * @example blockDiagonal(softmaxJacobian(x, 3), 3) // the 6×6 Jacobian of softmax over 2 rows of 3
 */
export function blockDiagonal<T extends KernelInput>(blocks: T, cols: number): KernelOutput<T> {
  const b = floatArray('blockDiagonal', 'blocks', blocks);
  const n = positiveInteger('blockDiagonal', 'cols', cols);
  if (b.length % (n * n) !== 0) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      'blockDiagonal',
      `blocks.length must be a multiple of cols² (blocks.length=${b.length}, cols=${n})`,
      { arg: 'blocks', details: { length: b.length, cols: n } },
    );
  }
  const rows = b.length / (n * n);
  const size = rows * n;
  // Stryker disable next-line EqualityOperator: `>=` differs only at size² = 2^27, which no integer size reaches (2^13.5)
  if (size * size > 2 ** 27) {
    throw new GradcheckError(
      'GC_TOO_LARGE',
      'blockDiagonal',
      `blocks must describe at most 2^27 matrix entries (given ${rows} blocks of ${n}×${n}: ${size}² entries)`,
      { arg: 'blocks', details: { rows, cols: n } },
    );
  }
  const out = allocLike(b, size * size);
  // Stryker disable next-line EqualityOperator: the extra block r = rows only writes past the end of out (size² entries)
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) {
      const dst = (r * n + i) * size + r * n;
      const src = (r * n + i) * n;
      for (let j = 0; j < n; j++) out[dst + j] = b[src + j]!;
    }
  }
  return out as KernelOutput<T>;
}
