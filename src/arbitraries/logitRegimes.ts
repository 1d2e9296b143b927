/**
 * The regimes of logit rows, each built constructively from integer arbitraries and `map` so that
 * shrinking walks toward small, readable rows (grid values k/8, exact edges, `1e308`, `1e6`, ties).
 *
 * Why not `fc.double`: it draws uniformly over the *set* of doubles, so over ±30 about 92% of its
 * values are below 1e-6 in magnitude and the interesting logits (the overflow edges, big shifts) are
 * almost never drawn. Every regime below plants them on purpose.
 */
import fc from 'fast-check';
import type { DType } from '../types.js';
import { ulpAt } from './edges.js';
import { listOf } from './listOf.js';
import { edgeValue, gridValue, hugeValue, moderateValue } from './logitValues.js';

/**
 * What a row of logits looks like:
 * - `moderate`: grid values k/8 within ±range plus a little jitter (multiples of 2⁻¹³);
 * - `overflow`: moderate entries mixed with entries (one in four, at least one per row) at, just
 *   below or beyond the `exp` overflow or underflow edge of the dtype (709.78 / −745.13 in float64,
 *   88.72 / −103.97 in float32), up to 300 past it;
 * - `huge`: moderate entries mixed with entries (one in four, at least one per row) of magnitude
 *   1e308…1.7e308 (float32: 1e38…3.4e38);
 * - `shifted`: a moderate row plus a common shift of ±1e3…±1e12 (float32: ±1e2…±1e5), shrinking to
 *   1e6 (float32: 1e5): large enough that `x − max` cancels most digits, small enough that the grid
 *   values k/8 stay representable and a finite-difference step can still resolve them;
 * - `near-ties`: every entry within 4 ulps of one grid value;
 * - `tiny-spread`: every entry within a spread far below the value's magnitude, yet many ulps wide;
 * - `masked`: a moderate row with `-Infinity` entries (at least one when the row has 2 or more entries),
 *   never all of them unless fully masked rows are asked for.
 */
export type LogitRegime =
  | 'moderate'
  | 'overflow'
  | 'huge'
  | 'shifted'
  | 'near-ties'
  | 'tiny-spread'
  | 'masked';

/** Every regime, in the order shrinking prefers them (moderate first). */
export const LOGIT_REGIMES: readonly LogitRegime[] = [
  'moderate',
  'overflow',
  'huge',
  'shifted',
  'near-ties',
  'tiny-spread',
  'masked',
];

/** The default regimes: every finite one (`masked` brings `-Infinity`, which a checker refuses as x). */
export const DEFAULT_LOGIT_REGIMES: readonly LogitRegime[] = LOGIT_REGIMES.filter((r) => r !== 'masked');

/** Settings shared by the rows of one batch. */
export interface RowSettings {
  readonly dtype: DType;
  readonly range: number;
  readonly fullyMasked: boolean;
  readonly minCols: number;
  readonly maxCols: number;
}

/**
 * One drawn row: its own `width` (the first row of a batch sets the batch width) and `fit(cols)`, the
 * row's values at width `cols` (truncated, or padded with the regime's neutral entry), with the
 * regime's guarantees applied after fitting (an edge entry, a mask, never fully masked).
 */
export interface RowDraw {
  readonly regime: LogitRegime;
  readonly width: number;
  fit(cols: number): number[];
}

/** `count` entries fitted to `cols`: the prefix, padded with `pad`. */
function fitted<T>(entries: readonly T[], cols: number, pad: T): T[] {
  const out = entries.slice(0, cols);
  while (out.length < cols) out.push(pad);
  return out;
}

/** Builds the arbitrary of one row in `regime`, as plain numbers (a float32 batch rounds them once). */
export function logitRow(regime: LogitRegime, s: RowSettings): fc.Arbitrary<RowDraw> {
  const list = <T>(arb: fc.Arbitrary<T>) => listOf(arb, s.minCols, s.maxCols);
  const moderate = moderateValue(s.range);
  switch (regime) {
    case 'moderate':
      return list(moderate).map((vs) => ({ regime, width: vs.length, fit: (cols) => fitted(vs, cols, 0) }));
    case 'overflow':
      return special(regime, list, moderate, edgeValue(s.dtype));
    case 'huge':
      return special(regime, list, moderate, hugeValue(s.dtype));
    case 'shifted':
      return shifted(list(moderate), s.dtype);
    case 'near-ties':
      return spread(regime, list, gridValue(s.range), s.dtype, 4, 0, 0);
    case 'tiny-spread':
      return s.dtype === 'float64'
        ? spread(regime, list, gridValue(s.range), s.dtype, 64, 8, 30)
        : spread(regime, list, gridValue(s.range), s.dtype, 64, 3, 10);
    case 'masked':
      return masked(list, moderate, s.fullyMasked);
  }
}

type ListOf = <T>(arb: fc.Arbitrary<T>) => fc.Arbitrary<T[]>;

/**
 * Moderate entries mixed with special ones (one in four); a row left without a special entry gets the
 * spare one at index 0. Shrinks to the spare alone: `[709.7827128933841]`, `[1e308]`.
 */
function special(
  regime: LogitRegime,
  list: ListOf,
  moderate: fc.Arbitrary<number>,
  value: fc.Arbitrary<number>,
): fc.Arbitrary<RowDraw> {
  const entry = fc.oneof(
    { withCrossShrink: true },
    { arbitrary: moderate.map((v) => ({ v, special: false })), weight: 3 },
    { arbitrary: value.map((v) => ({ v, special: true })), weight: 1 },
  );
  return fc.tuple(list(entry), value).map(([entries, spare]) => ({
    regime,
    width: entries.length,
    fit: (cols) => {
      const row = fitted(entries, cols, { v: 0, special: false });
      if (!row.some((e) => e.special)) row[0] = { v: spare, special: true };
      return row.map((e) => e.v);
    },
  }));
}

/** Moderate entries plus a common ±10^(6+d): d in [−3, 6] for float64, [−4, −1] for float32 (→ 1e6, 1e5). */
function shifted(entries: fc.Arbitrary<number[]>, dtype: DType): fc.Arbitrary<RowDraw> {
  const d = dtype === 'float64' ? fc.integer({ min: -3, max: 6 }) : fc.integer({ min: -4, max: -1 });
  return fc.tuple(entries, fc.boolean(), d).map(([vs, negative, e]) => ({
    regime: 'shifted' as const,
    width: vs.length,
    fit: (cols) => fitted(vs, cols, 0).map((v) => (negative ? -1 : 1) * 10 ** (6 + e) + v),
  }));
}

/**
 * Entries b + n·u with |n| ≤ maxN, u = ulp(max(|b|, 1))·2^q, q in [minQ, maxQ]: near-ties for q = 0
 * (a few ulps apart), tiny spreads for larger q. Shrinks to an exact tie at 0.
 */
function spread(
  regime: LogitRegime,
  list: ListOf,
  base: fc.Arbitrary<number>,
  dtype: DType,
  maxN: number,
  minQ: number,
  maxQ: number,
): fc.Arbitrary<RowDraw> {
  const steps = list(fc.integer({ min: -maxN, max: maxN }));
  return fc.tuple(base, fc.integer({ min: minQ, max: maxQ }), steps).map(([b, q, ns]) => {
    const u = ulpAt(Math.max(Math.abs(b), 1), dtype) * 2 ** q;
    return { regime, width: ns.length, fit: (cols) => fitted(ns, cols, 0).map((n) => b + n * u) };
  });
}

/**
 * Moderate entries, a third of them `-Infinity`; a row of 2 or more entries gets at least one mask
 * (at index 0 if none was drawn) and never only masks (the last entry is unmasked) unless `fullyMasked`
 * drew a fully masked row (one in four). Shrinks to `[-Infinity, 0]`.
 */
function masked(list: ListOf, moderate: fc.Arbitrary<number>, fullyMasked: boolean): fc.Arbitrary<RowDraw> {
  const entry = fc.oneof(
    { withCrossShrink: true },
    { arbitrary: moderate, weight: 2 },
    { arbitrary: fc.constant(Number.NEGATIVE_INFINITY), weight: 1 },
  );
  const full = fullyMasked ? fc.nat({ max: 3 }).map((v) => v === 3) : fc.constant(false);
  return fc.tuple(list(entry), full).map(([vs, allMasked]) => ({
    regime: 'masked' as const,
    width: vs.length,
    fit: (cols) => {
      if (allMasked) return fitted([], cols, Number.NEGATIVE_INFINITY);
      const row = fitted(vs, cols, 0);
      if (cols < 2) return row.map((v) => (v === Number.NEGATIVE_INFINITY ? 0 : v));
      if (!row.includes(Number.NEGATIVE_INFINITY)) row[0] = Number.NEGATIVE_INFINITY;
      if (row.every((v) => v === Number.NEGATIVE_INFINITY)) row[cols - 1] = 0;
      return row;
    },
  }));
}
