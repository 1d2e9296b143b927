/**
 * Elementary functions in midpoint–radius arithmetic (see interval.ts).
 *
 * A function monotone between known critical points maps [a − r, a + r] into the hull of its values
 * at the interval's ends and at the critical points inside it, so the exact image is bracketed by a
 * handful of evaluations — this holds for any r, not only to first order. sin and cos are
 * 1-Lipschitz instead. The library's own error is taken as `ulps`·u relative per call: 1 for the
 * correctly rounded √, 4 (two ulps) for V8's fdlibm ports of exp, log, sin, tanh, pow…, which are
 * documented to stay below one ulp, 8 for sech, csch and coth composed here from one exp.
 */
import { outward, TINY, U } from './interval.js';

/** Relative error allowance of Math.pow (two ulps). */
export const U_POW = 4 * U;

interface UnarySpec {
  readonly f: (x: number) => number;
  /** Domain [lo, hi]; `open` excludes the ends (log at 0, atanh at ±1). */
  readonly lo: number;
  readonly hi: number;
  readonly open?: boolean;
  /** Interior point where the function turns (cosh at 0). */
  readonly critical?: number;
  /** A pole (csch, coth at 0): an input interval reaching it has no finite image. */
  readonly pole?: number;
  /** 1-Lipschitz on the whole line (sin, cos): radius r carries over, no endpoint evaluation. */
  readonly lipschitz?: boolean;
  readonly ulps: number;
}

const INF = Number.POSITIVE_INFINITY;
const all = { lo: -INF, hi: INF } as const;

/**
 * sech, csch and coth through t = e^−|x| ≤ 1, so they decay to 0 (or 1) instead of turning into
 * 1/∞ = 0 with an infinite radius, or ∞/∞ = NaN, past |x| ≈ 710 where cosh and sinh overflow. Below
 * |x| = 1 csch and coth use 1/sinh and 1/tanh (no cancellation in 1 − t² there). Each is a handful of
 * correctly rounded operations on one exp: within 8u relative (checked against decimal in the tests).
 */
function sech(x: number): number {
  const t = Math.exp(-Math.abs(x));
  return (2 * t) / (1 + t * t);
}
function csch(x: number): number {
  if (Math.abs(x) < 1) return 1 / Math.sinh(x);
  const t = Math.exp(-Math.abs(x));
  return (Math.sign(x) * 2 * t) / (1 - t * t);
}
function coth(x: number): number {
  if (Math.abs(x) < 1) return 1 / Math.tanh(x);
  const t = Math.exp(-Math.abs(x));
  return (Math.sign(x) * (1 + t * t)) / (1 - t * t);
}

/** The unary functions the evaluator knows, by mathjs name. */
export const UNARY: Readonly<Record<string, UnarySpec>> = {
  exp: { f: Math.exp, ...all, ulps: 4 },
  log: { f: Math.log, lo: 0, hi: INF, open: true, ulps: 4 },
  sqrt: { f: Math.sqrt, lo: 0, hi: INF, ulps: 1 },
  cbrt: { f: Math.cbrt, ...all, ulps: 4 },
  sin: { f: Math.sin, ...all, lipschitz: true, ulps: 4 },
  cos: { f: Math.cos, ...all, lipschitz: true, ulps: 4 },
  sinh: { f: Math.sinh, ...all, ulps: 4 },
  cosh: { f: Math.cosh, ...all, critical: 0, ulps: 4 },
  tanh: { f: Math.tanh, ...all, ulps: 4 },
  sech: { f: sech, ...all, critical: 0, ulps: 8 },
  csch: { f: csch, ...all, pole: 0, ulps: 8 },
  coth: { f: coth, ...all, pole: 0, ulps: 8 },
  asin: { f: Math.asin, lo: -1, hi: 1, ulps: 4 },
  acos: { f: Math.acos, lo: -1, hi: 1, ulps: 4 },
  atan: { f: Math.atan, ...all, ulps: 4 },
  asinh: { f: Math.asinh, ...all, ulps: 4 },
  acosh: { f: Math.acosh, lo: 1, hi: INF, ulps: 4 },
  atanh: { f: Math.atanh, lo: -1, hi: 1, open: true, ulps: 4 },
};

function down(x: number): number {
  return x - (Math.abs(x) * 2 * U + TINY);
}
function up(x: number): number {
  return x + Math.abs(x) * 2 * U + TINY;
}

/** f(a) with a radius covering f over [a − r, a + r] and the library's rounding. */
export function unary(spec: UnarySpec, val: Float64Array, rad: Float64Array, i: number, a: number): void {
  const x = val[a]!;
  const r = rad[a]!;
  const v = spec.f(x);
  val[i] = v;
  const w = spec.ulps * U;
  const own = w * Math.abs(v) + TINY;
  if (r === 0) {
    rad[i] = outward(own);
    return;
  }
  if (spec.lipschitz) {
    rad[i] = outward(Math.min(r, 2) + own);
    return;
  }
  const lo = down(x - r);
  const hi = up(x + r);
  const outside = spec.open ? lo <= spec.lo || hi >= spec.hi : lo < spec.lo || hi > spec.hi;
  const pole = spec.pole !== undefined && lo <= spec.pole && spec.pole <= hi;
  if (outside || pole) {
    rad[i] = INF;
    return;
  }
  const flo = spec.f(lo);
  const fhi = spec.f(hi);
  let spread = Math.max(Math.abs(flo - v), Math.abs(fhi - v));
  let big = Math.max(Math.abs(flo), Math.abs(fhi));
  const c = spec.critical;
  if (c !== undefined && lo < c && c < hi) {
    const fc = spec.f(c);
    spread = Math.max(spread, Math.abs(fc - v));
    big = Math.max(big, Math.abs(fc));
  }
  rad[i] = outward(spread + w * big + own + w * Math.abs(v));
}

/**
 * aᵇ. An exact integer exponent splits the base axis at 0 (monotone on each side); otherwise the base
 * must stay positive and aᵇ is monotone in each argument, so the four corners of the box bracket it.
 */
export function pow(val: Float64Array, rad: Float64Array, i: number, a: number, b: number): void {
  const x = val[a]!;
  const y = val[b]!;
  const rx = rad[a]!;
  const ry = rad[b]!;
  const v = x ** y;
  val[i] = v;
  const own = U_POW * Math.abs(v) + TINY;
  if (rx === 0 && ry === 0) {
    rad[i] = outward(own);
    return;
  }
  const xlo = down(x - rx);
  const xhi = up(x + rx);
  let corners: number[];
  if (ry === 0 && Number.isInteger(y)) {
    corners = [xlo ** y, xhi ** y];
    if (xlo < 0 && xhi > 0) {
      if (y < 0) {
        rad[i] = INF;
        return;
      }
      corners.push(0 ** y);
    }
  } else {
    if (!(xlo > 0)) {
      rad[i] = INF;
      return;
    }
    const ylo = down(y - ry);
    const yhi = up(y + ry);
    corners = [xlo ** ylo, xlo ** yhi, xhi ** ylo, xhi ** yhi];
  }
  let spread = 0;
  let big = 0;
  for (const c of corners) {
    spread = Math.max(spread, Math.abs(c - v));
    big = Math.max(big, Math.abs(c));
  }
  rad[i] = outward(spread + U_POW * big + own + U_POW * Math.abs(v));
}
