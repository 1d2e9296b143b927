/**
 * Batches of logit rows (row-major typed arrays with their shape), each row in a regime drawn from the
 * requested ones. Built from integer arbitraries and `map` (see logitRegimes.ts), so a failing batch
 * shrinks toward one narrow row of small grid values in the first listed regime.
 */
import fc from 'fast-check';
import type { DType, FloatArray } from '../types.js';
import { listOf } from './listOf.js';
import { DEFAULT_LOGIT_REGIMES, LOGIT_REGIMES, type LogitRegime, logitRow } from './logitRegimes.js';
import { typedRows } from './typedRows.js';
import {
  boolOption,
  checkKeys,
  checkOrder,
  choiceListOption,
  choiceOption,
  intOption,
  numberOption,
} from './validate.js';

/** Options of {@link logitBatches}. Every field is optional; see {@link logitBatchesConstraints}. */
export interface LogitBatchesConstraints {
  /** Rows per batch (default 1 to 4). */
  readonly minRows?: number;
  readonly maxRows?: number;
  /** Row width, shared by the rows of a batch (default 1 to 16; at most 4096). */
  readonly minCols?: number;
  readonly maxCols?: number;
  /** Regimes each row is drawn from (default every finite regime; add `'masked'` for `-Infinity`). */
  readonly regimes?: readonly LogitRegime[];
  /** Magnitude of moderate values: grid k/8 within ±range (default 10). */
  readonly range?: number;
  /** `'float64'` → Float64Array (default), `'float32'` → Float32Array with float32 overflow edges. */
  readonly dtype?: DType;
  /** Let the `masked` regime produce fully masked rows (one masked row in four); default false. */
  readonly fullyMaskedRows?: boolean;
}

/** A generated batch: `x` is row-major `rows × cols`; `regimes[r]` says how row r was built. */
export interface LogitBatch<A extends FloatArray = FloatArray> {
  readonly x: A;
  readonly rows: number;
  readonly cols: number;
  readonly regimes: readonly LogitRegime[];
}

/** The constraints with every default filled in, validated (GC_INVALID_OPTION names the bad field). */
export type ResolvedLogitBatchesConstraints = Required<LogitBatchesConstraints>;

const KEYS = ['minRows', 'maxRows', 'minCols', 'maxCols', 'regimes', 'range', 'dtype', 'fullyMaskedRows'];
const MAX_WIDTH = 4096;

/**
 * Fills the defaults of {@link LogitBatchesConstraints} and validates them eagerly.
 *
 * @example
 * ```ts
 * logitBatchesConstraints({ maxCols: 3 }).regimes; // ['moderate', 'overflow', 'huge', …]
 * ```
 */
export function logitBatchesConstraints(
  c: LogitBatchesConstraints = {},
  fn = 'logitBatches',
): ResolvedLogitBatchesConstraints {
  checkKeys(fn, 'constraints', c, KEYS);
  const minRows = intOption(fn, 'constraints.minRows', c.minRows, 1, 1, MAX_WIDTH);
  const maxRows = intOption(fn, 'constraints.maxRows', c.maxRows, Math.max(4, minRows), 1, MAX_WIDTH);
  const minCols = intOption(fn, 'constraints.minCols', c.minCols, 1, 1, MAX_WIDTH);
  const maxCols = intOption(fn, 'constraints.maxCols', c.maxCols, Math.max(16, minCols), 1, MAX_WIDTH);
  checkOrder(fn, 'constraints.minRows', minRows, 'constraints.maxRows', maxRows);
  checkOrder(fn, 'constraints.minCols', minCols, 'constraints.maxCols', maxCols);
  return {
    minRows,
    maxRows,
    minCols,
    maxCols,
    regimes: choiceListOption(fn, 'constraints.regimes', c.regimes, DEFAULT_LOGIT_REGIMES, LOGIT_REGIMES),
    range: numberOption(fn, 'constraints.range', c.range, 10, 0, 1e6, true),
    dtype: choiceOption(fn, 'constraints.dtype', c.dtype, 'float64', ['float64', 'float32']),
    fullyMaskedRows: boolOption(fn, 'constraints.fullyMaskedRows', c.fullyMaskedRows, false),
  };
}

/**
 * Batches of logits `{ x, rows, cols, regimes }`, x row-major. Each row is drawn from one of the
 * requested regimes (moderate, at/beyond the exp overflow edges, ±1e308, large common shifts,
 * near-ties, tiny spreads, `-Infinity` masks); widths 1…4096. float32 batches hold Float32Arrays and
 * aim at the float32 edges.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { logitBatches, softmax } from 'gradcheck';
 * fc.assert(fc.property(logitBatches({ regimes: ['overflow'], maxCols: 8 }), ({ x, cols }) =>
 *   softmax(x, cols).every(Number.isFinite)));
 * ```
 */
export function logitBatches(
  c?: LogitBatchesConstraints & { dtype?: 'float64' },
): fc.Arbitrary<LogitBatch<Float64Array>>;
export function logitBatches(
  c: LogitBatchesConstraints & { dtype: 'float32' },
): fc.Arbitrary<LogitBatch<Float32Array>>;
export function logitBatches(c?: LogitBatchesConstraints): fc.Arbitrary<LogitBatch>;
export function logitBatches(c: LogitBatchesConstraints = {}): fc.Arbitrary<LogitBatch> {
  return batchesOf(logitBatchesConstraints(c));
}

/**
 * The arbitrary for resolved constraints (shared with logitVectors). Rows are drawn independently, each
 * with its own entry list; the first row's length is the batch width and the other rows are fitted to
 * it. No `chain`: shrinking removes rows, narrows the batch and simplifies values independently.
 */
export function batchesOf(r: ResolvedLogitBatchesConstraints): fc.Arbitrary<LogitBatch> {
  const settings = { ...r, fullyMasked: r.fullyMaskedRows };
  const row = fc.oneof({ withCrossShrink: true }, ...r.regimes.map((regime) => logitRow(regime, settings)));
  return listOf(row, r.minRows, r.maxRows).map((drawn) => {
    const cols = drawn[0]!.width;
    const x = typedRows(
      drawn.map((d) => d.fit(cols)),
      cols,
      r.dtype,
    );
    return { x, rows: drawn.length, cols, regimes: drawn.map((d) => d.regime) };
  });
}
