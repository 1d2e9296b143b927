/**
 * Independent references for the symbolic oracle tests: closed forms of the Jacobians computed in
 * decimal.js at 60 digits from exact conversions of the doubles. Nothing here uses mathjs or the
 * oracle's own code.
 */
import { Decimal } from 'decimal.js';

export const D = Decimal.clone({ precision: 60, maxE: 9e15, minE: -9e15 });
export type Dec = InstanceType<typeof D>;

/** The exact value of a double (toPrecision(100) is exact for |x| ≥ 1e-20). */
export function dec(x: number): Dec {
  return new D(x.toPrecision(100));
}

const softmaxMemo = new Map<string, Dec[]>();

/** Softmax of one row in decimal (memoised: several closed forms share it, and exp at 60 digits is slow). */
export function softmaxDec(row: readonly number[]): Dec[] {
  const key = row.join(',');
  let s = softmaxMemo.get(key);
  if (s === undefined) {
    const e = row.map((v) => dec(v).exp());
    const sum = e.reduce((a, b) => a.plus(b), new D(0));
    s = e.map((v) => v.div(sum));
    if (softmaxMemo.size > 256) softmaxMemo.clear();
    softmaxMemo.set(key, s);
  }
  return s;
}

/** diag(s) − s sᵀ, row-major. */
export function softmaxJacobianDec(row: readonly number[]): Dec[] {
  const s = softmaxDec(row);
  return s.flatMap((si, i) => s.map((sj, j) => (i === j ? si : new D(0)).minus(si.times(sj))));
}

/** I − 1 sᵀ, row-major. */
export function logSoftmaxJacobianDec(row: readonly number[]): Dec[] {
  const s = softmaxDec(row);
  return s.flatMap((_, i) => s.map((sj, j) => new D(i === j ? 1 : 0).minus(sj)));
}

/** ∂/∂x of −Σ yₖ log sₖ for one row: (Σy)·s − y. */
export function crossEntropyGradDec(row: readonly number[], y: readonly number[]): Dec[] {
  const s = softmaxDec(row);
  const total = y.reduce((a, b) => a.plus(dec(b)), new D(0));
  return s.map((sj, j) => total.times(sj).minus(dec(y[j]!)));
}

/** σ(x)(1 − σ(x)). */
export function sigmoidGradDec(x: number): Dec {
  const s = new D(1).div(new D(1).plus(dec(-x).exp()));
  return s.times(new D(1).minus(s));
}

/** 1 − tanh(x)². */
export function tanhGradDec(x: number): Dec {
  const t = dec(x).tanh();
  return new D(1).minus(t.times(t));
}

/** True when the exact value lies within [v − r, v + r] for a finite v and a finite r ≥ 0. */
export function encloses(v: number, r: number, exact: Dec): boolean {
  if (!Number.isFinite(v) || !(r >= 0) || !Number.isFinite(r)) return false;
  return dec(v).minus(exact).abs().lte(dec(r));
}

/** A seeded uniform generator in [0, 1) (mulberry32), for plain loops over random points. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n uniform values in [−scale, scale]. */
export function logits(next: () => number, n: number, scale: number): number[] {
  return Array.from({ length: n }, () => (2 * next() - 1) * scale);
}
