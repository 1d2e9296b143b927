/**
 * One row of the high-precision softmax family in decimal.js: the exact inputs (exactDecimal), the
 * shifted logits x_j − m, their exponentials, and the non-dominant mass T = Σ_{j≠a} exp(x_j − m)
 * (a = the first argmax), from which softmax, log-softmax and their derivatives follow:
 *   s_j = exp(x_j − m) / (1 + T),   log s_j = (x_j − m) − log1p(T).
 * log1p(T) uses its Taylor series for T < 1e-8, so a T of 1e-300 keeps all its digits.
 * Special rows follow the kernels' documented conventions (NaN row, all-masked row, +Infinity).
 */
import type { Decimal } from 'decimal.js';
import { exactDecimal } from './preciseDecimal.js';

export type PreciseRow =
  | { readonly kind: 'nan' }
  | { readonly kind: 'masked' }
  | { readonly kind: 'infinite'; readonly infinite: readonly boolean[] }
  | {
      readonly kind: 'finite';
      /** x_j − m, or null where x_j = −Infinity. */
      readonly shifted: readonly (Decimal | null)[];
      /** exp(x_j − m) (0 where masked). */
      readonly exps: readonly Decimal[];
      /** 1 + T = Σ_j exp(x_j − m). */
      readonly sum: Decimal;
      /** log Σ_j exp(x_j − m) = log1p(T). */
      readonly logSum: Decimal;
    };

/** Computes the precise row of `row` with the decimal.js constructor `D`. */
export function preciseRow(row: readonly number[], D: typeof Decimal): PreciseRow {
  if (row.some((v) => Number.isNaN(v))) return { kind: 'nan' };
  if (row.every((v) => v === Number.NEGATIVE_INFINITY)) return { kind: 'masked' };
  if (row.includes(Number.POSITIVE_INFINITY)) {
    return { kind: 'infinite', infinite: row.map((v) => v === Number.POSITIVE_INFINITY) };
  }
  const m = Math.max(...row);
  const a = row.indexOf(m);
  const mExact = exactDecimal(m);
  const shifted = row.map((v) =>
    v === Number.NEGATIVE_INFINITY ? null : new D(exactDecimal(v).minus(mExact)),
  );
  const exps = shifted.map((d) => (d === null ? new D(0) : D.exp(d)));
  let t = new D(0);
  exps.forEach((e, j) => {
    if (j !== a) t = t.plus(e);
  });
  return { kind: 'finite', shifted, exps, sum: t.plus(1), logSum: log1p(t, D) };
}

/** log(1 + t) for t ≥ 0 to the precision of D, including t far below 10^−precision. */
export function log1p(t: Decimal, D: typeof Decimal): Decimal {
  if (t.isZero()) return new D(0);
  if (t.gte(1e-8)) return D.ln(t.plus(1));
  // t − t²/2 + t³/3 − …: each term is at most 1e-8 times the previous one.
  const eps = new D(10).pow(-(D.precision + 5)).times(t);
  let sum = new D(0);
  let power = t;
  for (let k = 1; power.gt(eps); k++) {
    const term = power.div(k);
    sum = k % 2 === 1 ? sum.plus(term) : sum.minus(term);
    power = power.times(t);
  }
  return sum;
}
