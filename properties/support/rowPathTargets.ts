/**
 * Inputs and 40-digit references for the cross-entropy row paths: any finite targets (not only
 * probability rows: the gradient (s·Σy − y)/rows is documented exact for any), and confident rows,
 * whose dominant logit stands 4 to 700 above every other one so that the non-dominant mass T (the
 * loss of a label on the dominant class, log1p(T), and its gradient −T/S) is tiny but not zero.
 */
import fc from 'fast-check';
import {
  type Decimal,
  type DType,
  type FloatArray,
  type LogitBatch,
  labels,
  logitBatches,
  ulp,
  withFields,
} from 'gradcheck';
import { KERNEL_ULPS, SAFETY, U64 } from './bounds.js';
import { ALL_REGIMES } from './settings.js';
import { withSpecialRows } from './specialRows.js';

/**
 * Targets for a batch: multiples of 1/64 in [−2, 2], zero one time in three (so that masked logits
 * with a zero target occur), in the batch's dtype; in a row of three (sparse), every entry but the
 * dominant class's is zero (its gradient is then y_a·(s_a − 1), all of whose digits count). Any sum
 * is exact in float64 and in float32.
 */
export function anyTargets(b: LogitBatch<FloatArray>, dtype: DType): fc.Arbitrary<FloatArray> {
  const entry = fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: -128, max: 128 }).map((k) => k / 64), weight: 2 },
  );
  const n = b.rows * b.cols;
  const sparse = fc.array(fc.nat({ max: 2 }), { minLength: b.rows, maxLength: b.rows });
  return fc.tuple(fc.array(entry, { minLength: n, maxLength: n }), sparse).map(([ys, kinds]) => {
    for (let r = 0; r < b.rows; r++) {
      const a = argmaxOf(b.x, r, b.cols);
      if (kinds[r] === 0) for (let j = 0; j < b.cols; j++) if (j !== a) ys[r * b.cols + j] = 0;
    }
    return dtype === 'float32' ? Float32Array.from(ys) : Float64Array.from(ys);
  });
}

/**
 * Confident rows: at a random position the dominant logit v (within ±1001, a full mantissa), every
 * other entry v − gap with a gap of 4 to 40 or 20 to 700 (multiples of 1/16, exact in float32 too),
 * so that T may be anywhere from 0.06 down to 1e-304; or −Infinity; or a near tie, a gap below 2^-14
 * (T then approaches cols − 1, where the low part of S = 1 + T weighs several ulps of log S).
 */
export function confidentBatches(
  dtype: DType,
  maxRows: number,
  maxCols: number,
): fc.Arbitrary<LogitBatch<FloatArray>> {
  const gap = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 64 }).map((k) => k / 2 ** 20), weight: 1 },
    { arbitrary: fc.integer({ min: 4 * 16, max: 40 * 16 }).map((k) => k / 16), weight: 2 },
    { arbitrary: fc.integer({ min: 20 * 16, max: 700 * 16 }).map((k) => k / 16), weight: 2 },
    { arbitrary: fc.constant(Number.POSITIVE_INFINITY), weight: 1 },
  );
  const row = fc.record({
    // k/8 plus a fraction with a full mantissa: x_j − v is then rarely exact (the kernels carry its
    // rounding error into the exponential).
    top: fc
      .tuple(fc.integer({ min: -8000, max: 8000 }), fc.maxSafeNat())
      .map(([k, f]) => k / 8 + (f % 2 ** 52) / 2 ** 52),
    at: fc.nat(),
    gaps: fc.array(gap, { minLength: maxCols - 1, maxLength: maxCols - 1 }),
  });
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 2, max: maxCols }))
    .chain(([rows, cols]) =>
      fc.array(row, { minLength: rows, maxLength: rows }).map((drawn) => {
        const x = dtype === 'float32' ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
        drawn.forEach(({ top, at, gaps }, r) => {
          const p = at % cols;
          for (let j = 0, k = 0; j < cols; j++) x[r * cols + j] = j === p ? top : top - gaps[k++]!;
        });
        return { x, rows, cols, regimes: drawn.map(() => 'overflow' as const) };
      }),
    );
}

/** The first index of the largest entry of row r (the kernels' dominant class), or −1 if none. */
export function argmaxOf(x: ArrayLike<number>, r: number, cols: number): number {
  let a = -1;
  for (let j = 0; j < cols; j++) if (a < 0 || x[r * cols + j]! > x[r * cols + a]!) a = j;
  return x[r * cols + a]! > Number.NEGATIVE_INFINITY ? a : -1;
}

/**
 * |v − exact| over its allowed error, for a gradient entry formed from a softmax value (4 ulps)
 * and exact targets: KERNEL_ULPS ulps of the exact entry plus SAFETY·(2·KERNEL_ULPS + 2)·u of
 * `magnitude`, the sizes of the terms the kernel subtracts (4 ulps of a softmax value are 8u relative,
 * the product and the difference round once each; a float32 result rounds once more, within the
 * ulps). A NaN reference asks for NaN (ratio 0), and a NaN value fails (ratio Infinity).
 */
export function gradientRatio(v: number, exact: Decimal, magnitude: number, dtype: DType): number {
  if (exact.isNaN()) return Number.isNaN(v) ? 0 : Number.POSITIVE_INFINITY;
  if (Number.isNaN(v)) return Number.POSITIVE_INFINITY;
  const e = exact.toNumber();
  const allowed = KERNEL_ULPS * ulp(e, dtype) + SAFETY * (2 * KERNEL_ULPS + 2) * U64 * magnitude;
  const diff = exact.minus(v).abs().toNumber();
  return diff === 0 ? 0 : diff / allowed;
}

/** Small batches: a 40-digit softmax per run (~0.3 ms per exponential). */
const ROWS = 2;
const COLS = 4;
/** Confident rows up to 6 wide: near ties of 6 make S up to 6, its low part up to 2^-51. */
const CONFIDENT_COLS = 6;

/**
 * The inputs of crossEntropyRowPathsSpec: confident rows or small batches of every regime with
 * special rows planted; labels on the dominant class half the time; any finite targets.
 */
export const rowPathInput = (dtype: DType) =>
  withFields(
    fc.oneof(
      confidentBatches(dtype, ROWS, CONFIDENT_COLS),
      withSpecialRows(logitBatches({ maxRows: ROWS, maxCols: COLS, dtype, regimes: ALL_REGIMES })),
    ),
    (b) => ({
      // Half the rows put their label on the dominant class (the first largest logit).
      y: fc
        .tuple(labels(b), fc.array(fc.boolean(), { minLength: b.rows, maxLength: b.rows }))
        .map(([ls, top]) =>
          ls.map((l, r) => {
            const a = argmaxOf(b.x, r, b.cols);
            return top[r] && a >= 0 ? a : l;
          }),
        ),
      t: anyTargets(b, dtype),
    }),
  );
