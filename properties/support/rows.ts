/**
 * Small helpers of the invariant properties: per-row views of row-major batches, and a way to state
 * several invariants about one input as one check result.
 */
import { type CheckResult, checkInvariant, type DType } from 'gradcheck';

/** Row r (width `cols`) of a row-major array. */
export function row(values: ArrayLike<number>, r: number, cols: number): number[] {
  return Array.from({ length: cols }, (_, j) => values[r * cols + j]!);
}

/** Every row of a row-major array. */
export function rowsOf(values: ArrayLike<number>, cols: number): number[][] {
  return Array.from({ length: Math.floor(values.length / cols) }, (_, r) => row(values, r, cols));
}

/**
 * The first result that did not pass, else the last one: several invariants of one input, each
 * evaluated lazily and in order, reported as one check (the failing invariant names itself).
 */
export function allOf(...checks: (() => CheckResult)[]): CheckResult {
  let last: CheckResult | undefined;
  for (const check of checks) {
    last = check();
    if (!last.ok) return last;
  }
  return last!;
}

/** v clamped to [lo, hi]; NaN maps to the midpoint so that a NaN value, not its expectation, is reported. */
export function clamp(v: number, lo: number, hi: number): number {
  if (Number.isNaN(v)) return (lo + hi) / 2;
  return Math.min(Math.max(v, lo), hi);
}

/** 1 per entry where `a` and `b` hold the same value (Object.is), with the array types compared too. */
export function same(name: string, a: ArrayLike<number>, b: ArrayLike<number>, dtype: DType): CheckResult {
  const typeOk = a.constructor === b.constructor && a.length === b.length ? 1 : 0;
  const facts = [typeOk, ...Array.from(b, (v, i) => (Object.is(a[i], v) ? 1 : 0))];
  return checkInvariant(facts, 1, 0, { name: `${name} identical (type, then entries)`, dtype });
}
