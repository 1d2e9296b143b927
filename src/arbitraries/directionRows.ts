/**
 * Rows of tangents and cotangents, one kind per row, all on small dyadic grids so that sums are exact
 * and counterexamples read well. Internal: `tangents` and `cotangents` are the public faces.
 */
import fc from 'fast-check';
import type { DType, FloatArray } from '../types.js';
import { readShape, type Shape } from './shape.js';
import { typedRows } from './typedRows.js';
import { checkKeys, choiceListOption, choiceOption } from './validate.js';

/**
 * - `random`: entries k/16, |k| ≤ 64 (in [−4, 4]); sums are rarely 1;
 * - `one-hot`: a single 1;
 * - `sum-to-one`: non-negative multiples of 1/64 summing exactly to 1 (stars and bars);
 * - `sum-to-zero`: multiples of 1/8 summing exactly to 0;
 * - `rademacher`: entries ±1.
 */
export type DirectionKind = 'random' | 'one-hot' | 'sum-to-one' | 'sum-to-zero' | 'rademacher';

/** Every kind, in shrinking preference order. */
export const DIRECTION_KINDS: readonly DirectionKind[] = [
  'random',
  'one-hot',
  'sum-to-one',
  'sum-to-zero',
  'rademacher',
];

/** Options of `tangents` and `cotangents`. */
export interface DirectionConstraints {
  /** Kinds each row is drawn from (default all five: three of them rarely or never sum to 1). */
  readonly kinds?: readonly DirectionKind[];
  /** `'float64'` → Float64Array (default), `'float32'` → Float32Array. */
  readonly dtype?: DType;
}

function exactly<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T[]> {
  return fc.array(arb, { minLength: n, maxLength: n });
}

/** One row of `cols` entries of `kind`. */
export function directionRow(kind: DirectionKind, cols: number): fc.Arbitrary<number[]> {
  switch (kind) {
    case 'random':
      return exactly(fc.integer({ min: -64, max: 64 }), cols).map((ks) => ks.map((k) => k / 16));
    case 'one-hot':
      return fc.nat({ max: cols - 1 }).map((i) => Array.from({ length: cols }, (_, j) => (j === i ? 1 : 0)));
    case 'sum-to-one':
      // Sorted cut points c in [0, 64] split 64/64 into cols parts: exact in any float type.
      return exactly(fc.nat({ max: 64 }), cols - 1).map((cuts) => {
        const c = [0, ...cuts.sort((a, b) => a - b), 64];
        return Array.from({ length: cols }, (_, j) => (c[j + 1]! - c[j]!) / 64);
      });
    case 'sum-to-zero':
      return exactly(fc.integer({ min: -32, max: 32 }), cols - 1).map((ks) => {
        const last = -ks.reduce((a, b) => a + b, 0);
        return [...ks, last].map((k) => k / 8);
      });
    case 'rademacher':
      return exactly(fc.boolean(), cols).map((bs) => bs.map((b) => (b ? -1 : 1)));
  }
}

/** Builds the arbitrary behind `tangents` / `cotangents` after validating shape and constraints. */
export function directionArrays(
  fn: string,
  shape: Shape,
  c: DirectionConstraints = {},
): fc.Arbitrary<FloatArray> {
  const { rows, cols } = readShape(fn, shape);
  checkKeys(fn, 'constraints', c, ['kinds', 'dtype']);
  const kinds = choiceListOption(fn, 'constraints.kinds', c.kinds, DIRECTION_KINDS, DIRECTION_KINDS);
  const dtype = choiceOption(fn, 'constraints.dtype', c.dtype, 'float64', ['float64', 'float32']);
  const row = fc.oneof({ withCrossShrink: true }, ...kinds.map((k) => directionRow(k, cols)));
  return exactly(row, rows).map((drawn) => typedRows(drawn, cols, dtype));
}
