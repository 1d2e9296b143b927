import { evaluate } from 'mathjs/number';
import { expect, test } from 'vitest';
import { crossEntropyWithTargetsSymbolic } from '../../../src/oracles/symbolic/builtins/crossEntropyWithTargetsSymbolic.js';
import { logSoftmaxSymbolic } from '../../../src/oracles/symbolic/builtins/logSoftmaxSymbolic.js';
import { softmaxSymbolic } from '../../../src/oracles/symbolic/builtins/softmaxSymbolic.js';
import { symbolicOracle } from '../../../src/oracles/symbolic/oracle.js';
import {
  crossEntropyGradDec,
  D,
  type Dec,
  dec,
  logits,
  logSoftmaxJacobianDec,
  rng,
  softmaxJacobianDec,
} from './reference.js';

interface Tally {
  entries: number;
  outside: number;
  /** Largest |float − exact| / bound seen (≤ 1 when every bound holds). */
  worstRatio: number;
}

function tally(t: Tally, values: Float64Array, error: Float64Array, exact: readonly Dec[]) {
  exact.forEach((e, k) => {
    const diff = dec(values[k]!).minus(e).abs();
    t.entries++;
    if (!Number.isFinite(values[k]!) || !Number.isFinite(error[k]!) || diff.gt(dec(error[k]!))) t.outside++;
    else if (error[k]! > 0) t.worstRatio = Math.max(t.worstRatio, diff.div(dec(error[k]!)).toNumber());
  });
}

const widths = [2, 3, 4, 6, 8, 12, 32];
// Spreads up to ±1000 around an offset: after the max-shift, differences reach 2000.
const scales = [3, 30, 1000];

test('float64 values ± bounds enclose the exact softmax, log-softmax and cross-entropy Jacobians (widths 2–32, logits to ±1000)', () => {
  const next = rng(2024);
  const t: Tally = { entries: 0, outside: 0, worstRatio: 0 };
  for (const n of widths)
    for (const scale of scales) {
      const points = n > 12 ? 2 : 3;
      for (let p = 0; p < points; p++) {
        const offset = p === 1 ? 1e4 * (next() - 0.5) : 0;
        const x = logits(next, n, scale).map((v) => v + offset);
        const s = softmaxSymbolic(n).blocks(x);
        tally(t, s.values, s.error, softmaxJacobianDec(x));
        const l = logSoftmaxSymbolic(n).blocks(x);
        tally(t, l.values, l.error, logSoftmaxJacobianDec(x));
        const y = Array.from({ length: n }, () => next());
        const c = crossEntropyWithTargetsSymbolic(y, n).blocks(x);
        tally(t, c.values, c.error, crossEntropyGradDec(x, y));
      }
    }
  expect(t.outside).toBe(0);
  expect(t.entries).toBeGreaterThan(10_000);
  // Not vacuous: at least one entry uses more than a tenth of its bound.
  expect(t.worstRatio).toBeGreaterThan(0.1);
});

test('the bound is tight enough to expose a 1e-8 relative error in any softmax entry (n ≤ 12, logits ±3)', () => {
  const next = rng(99);
  let worst = 0;
  for (let trial = 0; trial < 60; trial++) {
    const n = 2 + (trial % 11);
    const x = logits(next, n, 3);
    const b = softmaxSymbolic(n).blocks(x);
    softmaxJacobianDec(x).forEach((e, k) => {
      worst = Math.max(worst, b.error[k]! / Math.abs(e.toNumber()));
    });
  }
  // A 1e-8 relative change is then ≥ 1000× the bound of the entry it hits.
  expect(worst).toBeLessThan(1e-11);
});

test('user formulas keep their enclosures at random points (against the decimal evaluation)', () => {
  const next = rng(5);
  const oracle = symbolicOracle({
    expressions: [
      'x * tanh(y) / (1 + x^2)',
      'sqrt(1 + x^2 + y^2) * exp(-y / 3)',
      'log(1 + exp(x)) - atan(x * y)',
    ],
    variables: ['x', 'y'],
  });
  const precise = oracle.precise(50);
  const t: Tally = { entries: 0, outside: 0, worstRatio: 0 };
  for (let p = 0; p < 40; p++) {
    const x = logits(next, 2, 20);
    const J = oracle.jacobian(x);
    tally(
      t,
      J.values,
      J.error,
      precise.decimals(x).map((s) => new D(s)),
    );
  }
  expect(t.outside).toBe(0);
});

test('the compiled graph (shared subexpressions, exact identities) evaluates to what mathjs evaluates from its own derivative trees', () => {
  // mathjs evaluates each printed derivative tree on its own, in float64: a wrong identity or a merged
  // node that should not be would show as a gross disagreement, far above rounding.
  const next = rng(11);
  for (const n of [2, 3, 4, 6]) {
    const oracle = softmaxSymbolic(n);
    const x = logits(next, n, 4);
    const mine = oracle.precise(50).jacobian(x).values;
    const scope = Object.fromEntries(x.map((v, j) => [`x${j}`, v]));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const theirs = evaluate(oracle.derivative(i, j), scope) as number;
        const k = i * n + j;
        expect(Math.abs(theirs - mine[k]!), `n=${n} J[${i},${j}]`).toBeLessThan(
          1e-14 * Math.max(1, Math.abs(mine[k]!)),
        );
      }
  }
});
