/**
 * Single rows of logits: a logit batch with exactly one row, in the same `{ x, rows, cols }` shape so
 * that vector and batch properties read alike.
 */
import type fc from 'fast-check';
import { GradcheckError } from '../errors.js';
import {
  batchesOf,
  type LogitBatch,
  type LogitBatchesConstraints,
  logitBatchesConstraints,
} from './logitBatches.js';

/** Options of {@link logitVectors}: those of logitBatches without the row counts. */
export type LogitVectorsConstraints = Omit<LogitBatchesConstraints, 'minRows' | 'maxRows'>;

/**
 * One row of logits `{ x, rows: 1, cols, regimes }` (widths 1 to 16 by default), drawn from the same
 * regimes as {@link logitBatches}: moderate, overflow edges, ±1e308, shifts, near-ties, tiny spreads,
 * masks.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logitVectors } from 'gradcheck';
 * fc.sample(logitVectors({ regimes: ['huge'], maxCols: 3 }), 1)[0]?.x; // e.g. Float64Array [1e308, 0.5, -2]
 * ```
 */
export function logitVectors(
  c?: LogitVectorsConstraints & { dtype?: 'float64' },
): fc.Arbitrary<LogitBatch<Float64Array>>;
export function logitVectors(
  c: LogitVectorsConstraints & { dtype: 'float32' },
): fc.Arbitrary<LogitBatch<Float32Array>>;
export function logitVectors(c?: LogitVectorsConstraints): fc.Arbitrary<LogitBatch>;
export function logitVectors(c: LogitVectorsConstraints = {}): fc.Arbitrary<LogitBatch> {
  if (c !== null && typeof c === 'object' && ('minRows' in c || 'maxRows' in c)) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      'logitVectors',
      'constraints must not set minRows/maxRows (use logitBatches)',
      {
        arg: 'constraints',
      },
    );
  }
  return batchesOf({ ...logitBatchesConstraints(c, 'logitVectors'), minRows: 1, maxRows: 1 });
}
