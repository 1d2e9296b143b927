/**
 * The `{ rows, cols }` shape that the per-batch arbitraries (cotangents, labels, targets) take, so that
 * a generated logit batch can be passed as is: `cotangents(batch)`. Internal.
 */
import { GradcheckError } from '../errors.js';
import { describe } from './validate.js';

/** A row-major shape. A plain number n means one row of n entries. Extra fields are ignored. */
export type Shape = number | { readonly rows?: number; readonly cols: number };

const MAX_ENTRIES = 1 << 24;

/** Reads and validates a shape (GC_INVALID_ARGUMENT / GC_OUT_OF_RANGE name the call). */
export function readShape(fn: string, shape: Shape): { rows: number; cols: number } {
  const [rows, cols] =
    typeof shape === 'number'
      ? [1, shape]
      : shape !== null && typeof shape === 'object'
        ? [shape.rows ?? 1, shape.cols]
        : [Number.NaN, Number.NaN];
  if (Number.isNaN(rows) && Number.isNaN(cols)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `shape must be a length or { rows, cols } (given ${describe(shape)})`,
      {
        arg: 'shape',
      },
    );
  }
  for (const [name, v] of [
    ['shape.rows', rows],
    ['shape.cols', cols],
  ] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        fn,
        `${name} must be a positive integer (given ${describe(v)})`,
        {
          arg: name,
        },
      );
    }
  }
  if (rows * cols > MAX_ENTRIES) {
    throw new GradcheckError(
      'GC_OUT_OF_RANGE',
      fn,
      `shape must hold at most ${MAX_ENTRIES} entries (rows=${rows}, cols=${cols})`,
      {
        arg: 'shape',
      },
    );
  }
  return { rows, cols };
}
