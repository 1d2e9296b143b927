import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pow, UNARY, unary } from '../../../src/oracles/symbolic/functions.js';
import { add, div, mul, sub } from '../../../src/oracles/symbolic/interval.js';
import { type Dec, dec, encloses } from './reference.js';

type Binary = (val: Float64Array, rad: Float64Array, i: number, a: number, b: number) => void;

/** A double m·2^k, m ∈ [1, 2), k ∈ [lo, hi], either sign. */
const magnitude = (lo: number, hi: number, signed = true) =>
  fc
    .tuple(
      fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }),
      fc.integer({ min: lo, max: hi }),
      fc.boolean(),
    )
    .map(([m, k, neg]) => (signed && neg ? -1 : 1) * m * 2 ** k);

/** A radius: 0, or |v|·2^−j, or an absolute one. */
const radiusFor = (v: number) =>
  fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 60 }).map((j) => Math.abs(v) * 2 ** -j),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );
const interval = (lo: number, hi: number, signed = true) =>
  magnitude(lo, hi, signed).chain((v) => radiusFor(v).map((r) => [v, r] as const));

const T = [-1, 0, 1];
const point = (v: number, r: number, t: number): Dec => dec(v).plus(dec(r).times(t));

/** Does the binary op's result enclose the exact op at every sampled pair of points? */
function binaryHolds(
  op: Binary,
  exact: (a: Dec, b: Dec) => Dec,
  a: readonly [number, number],
  b: readonly [number, number],
) {
  const val = Float64Array.of(a[0], b[0], 0);
  const rad = Float64Array.of(a[1], b[1], 0);
  op(val, rad, 2, 0, 1);
  if (rad[2] === Number.POSITIVE_INFINITY) return true;
  for (const s of T)
    for (const t of T) {
      const e = exact(point(a[0], a[1], s), point(b[0], b[1], t));
      if (!e.isFinite()) return false;
      if (!encloses(val[2]!, rad[2]!, e)) return false;
    }
  return true;
}

const arith: [string, Binary, (a: Dec, b: Dec) => Dec][] = [
  ['add', add, (a, b) => a.plus(b)],
  ['sub', sub, (a, b) => a.minus(b)],
  ['mul', mul, (a, b) => a.times(b)],
  ['div', div, (a, b) => a.div(b)],
];

test.each(arith)('%s encloses the exact result for every point of its input intervals', (_, op, exact) => {
  fc.assert(
    fc.property(interval(-40, 40), interval(-40, 40), (a, b) => binaryHolds(op, exact, a, b)),
    { seed: 42, numRuns: 100 },
  );
});

test('a first-order product radius without the rounding and ra·rb terms is caught', () => {
  const naive: Binary = (val, rad, i, a, b) => {
    val[i] = val[a]! * val[b]!;
    rad[i] = Math.abs(val[a]!) * rad[b]! + Math.abs(val[b]!) * rad[a]!;
  };
  const run = fc.check(
    fc.property(interval(-40, 40), interval(-40, 40), (a, b) =>
      binaryHolds(naive, (p, q) => p.times(q), a, b),
    ),
    { seed: 42, numRuns: 300, endOnFailure: true },
  );
  expect(run.failed).toBe(true);
});

test('division by an interval that contains zero has an infinite radius', () => {
  const val = Float64Array.of(1, 1e-3, 0);
  const rad = Float64Array.of(0, 2e-3, 0);
  div(val, rad, 2, 0, 1);
  expect(rad[2]).toBe(Number.POSITIVE_INFINITY);
});

/** Domains to draw from, and the decimal function, per unary function. */
const unaries: [string, fc.Arbitrary<readonly [number, number]>, (x: Dec) => Dec][] = [
  ['exp', interval(-8, 9), (x) => x.exp()],
  ['log', interval(-30, 30, false), (x) => x.ln()],
  ['sqrt', interval(-30, 30, false), (x) => x.sqrt()],
  ['cbrt', interval(-30, 30), (x) => x.cbrt()],
  ['sin', interval(-10, 6), (x) => x.sin()],
  ['cos', interval(-10, 6), (x) => x.cos()],
  ['sinh', interval(-10, 9), (x) => x.sinh()],
  ['cosh', interval(-10, 9), (x) => x.cosh()],
  ['tanh', interval(-30, 9), (x) => x.tanh()],
  ['sech', interval(-30, 10), (x) => x.cosh().pow(-1)],
  ['csch', interval(-30, 10), (x) => x.sinh().pow(-1)],
  ['coth', interval(-30, 10), (x) => x.cosh().div(x.sinh())],
  ['asin', interval(-30, -1), (x) => x.asin()],
  ['acos', interval(-30, -1), (x) => x.acos()],
  ['atan', interval(-30, 30), (x) => x.atan()],
  ['asinh', interval(-30, 30), (x) => x.asinh()],
  ['acosh', interval(0, 20, false), (x) => x.acosh()],
  ['atanh', interval(-30, -1), (x) => x.atanh()],
];

test.each(unaries)('%s encloses the exact function over its input interval', (name, arb, exact) => {
  const spec = UNARY[name]!;
  fc.assert(
    fc.property(arb, ([v, r]) => {
      const val = Float64Array.of(v, 0);
      const rad = Float64Array.of(r, 0);
      unary(spec, val, rad, 1, 0);
      if (rad[1] === Number.POSITIVE_INFINITY) return true;
      return T.every((t) => encloses(val[1]!, rad[1]!, exact(point(v, r, t))));
    }),
    { seed: 7, numRuns: 30 },
  );
});

test('a function evaluated outside its domain gets an infinite radius, not a false bound', () => {
  const val = Float64Array.of(1e-3, 0);
  const rad = Float64Array.of(1e-2, 0);
  unary(UNARY['log']!, val, rad, 1, 0);
  expect(rad[1]).toBe(Number.POSITIVE_INFINITY);
});

test('pow encloses xʸ for uncertain positive bases and exponents, and integer powers of any sign', () => {
  const exact = (a: Dec, b: Dec) => a.pow(b);
  fc.assert(
    fc.property(interval(-4, 3, false), interval(-6, 2), (a, b) => binaryHolds(pow, exact, a, b)),
    { seed: 3, numRuns: 50 },
  );
  fc.assert(
    fc.property(interval(-4, 3), fc.integer({ min: -70, max: 70 }), (a, k) =>
      binaryHolds(pow, exact, a, [k, 0]),
    ),
    { seed: 4, numRuns: 50 },
  );
});

test('Math.exp stays well inside the two-ulp allowance on a 1024-point sweep of [−700, 700]', () => {
  let worst = 0;
  for (let k = 0; k < 1024; k++) {
    const x = -700 + (1400 * k) / 1023 + k * 1e-9;
    const e = dec(x).exp();
    const ulpsOff = dec(Math.exp(x)).minus(e).abs().div(e).toNumber() / 2 ** -53;
    worst = Math.max(worst, ulpsOff);
  }
  expect(worst).toBeLessThan(2);
});
