// The symbolic oracles against the reference kernels' own analytic derivatives: they agree within the
// oracle's bound plus the kernel's rounding, at moderate and at ±1000 logits, and a kernel Jacobian
// with one entry off by 1e-8 (relative) does not.
import {
  crossEntropyGrad,
  crossEntropySymbolic,
  logSoftmaxJacobian,
  logSoftmaxSymbolic,
  reluGrad,
  reluSymbolic,
  sigmoidGrad,
  sigmoidSymbolic,
  softmax,
  softmaxJacobian,
  softmaxSymbolic,
  tanhGrad,
  tanhSymbolic,
} from 'gradcheck';
import { expect, test } from 'vitest';
import { logits, rng } from './reference.js';

const u = 2 ** -53;

/** Entries where |kernel − oracle| exceeds the oracle's error plus `slack(k)` for the kernel's rounding. */
function disagreements(
  kernel: ArrayLike<number>,
  values: Float64Array,
  error: Float64Array,
  slack: (k: number) => number,
) {
  const bad: number[] = [];
  for (let k = 0; k < values.length; k++) {
    if (!(Math.abs(kernel[k]! - values[k]!) <= error[k]! + slack(k))) bad.push(k);
  }
  return bad;
}

/** Per-entry rounding allowance for a kernel's s-based Jacobian entry: 32u·(s_i + s_i·s_j). */
function softmaxSlack(x: Float64Array, n: number) {
  const s = softmax(x, n);
  return (k: number) => {
    const r = Math.floor(k / (n * n));
    const i = Math.floor(k / n) % n;
    const j = k % n;
    const si = s[r * n + i]!;
    return 32 * u * (si + si * s[r * n + j]!);
  };
}

test('softmax and log-softmax kernels match their symbolic oracles, 1e-8 off in one entry does not', () => {
  const next = rng(31);
  for (const n of [2, 5, 12])
    for (const scale of [3, 1000]) {
      const x = Float64Array.from(logits(next, 3 * n, scale));
      const slack = softmaxSlack(x, n);
      const kernel = softmaxJacobian(x, n);
      const oracle = softmaxSymbolic(n).blocks(x);
      expect(disagreements(kernel, oracle.values, oracle.error, slack), `softmax n=${n} ±${scale}`).toEqual(
        [],
      );
      const k = Math.floor(next() * n * n);
      const wrong = Float64Array.from(kernel);
      wrong[k] = wrong[k]! * (1 + 1e-8);
      if (scale === 3) expect(disagreements(wrong, oracle.values, oracle.error, slack)).toEqual([k]);

      const ls = logSoftmaxSymbolic(n).blocks(x);
      const s = softmax(x, n);
      const lsSlack = (q: number) => 32 * u * (1 + s[Math.floor(q / (n * n)) * n + (q % n)]!);
      expect(
        disagreements(logSoftmaxJacobian(x, n), ls.values, ls.error, lsSlack),
        `logSoftmax n=${n}`,
      ).toEqual([]);
    }
});

test('the cross-entropy gradient kernel matches its symbolic oracle', () => {
  const next = rng(32);
  for (const n of [3, 10]) {
    const x = Float64Array.from(logits(next, 4 * n, 30));
    const labels = [0, n - 1, 1, 2];
    const J = crossEntropySymbolic(labels, n).jacobian(x);
    const slack = () => (32 * u) / 4;
    expect(disagreements(crossEntropyGrad(x, labels, n), J.values, J.error, slack)).toEqual([]);
  }
});

test('activation derivative kernels match their symbolic oracles; relu′(0) = 0 is inside the subdifferential', () => {
  const x = Float64Array.from([-800, -20, -1, -1e-9, 0, 1e-9, 0.5, 3, 40, 700]);
  const relative = (g: ArrayLike<number>) => (k: number) => 8 * u * Math.abs(g[k]!);
  const s = sigmoidSymbolic().blocks(x);
  expect(disagreements(sigmoidGrad(x), s.values, s.error, relative(sigmoidGrad(x)))).toEqual([]);
  const t = tanhSymbolic().blocks(x);
  expect(disagreements(tanhGrad(x), t.values, t.error, relative(tanhGrad(x)))).toEqual([]);
  const r = reluSymbolic().blocks(x);
  expect(disagreements(reluGrad(x), r.values, r.error, () => 0)).toEqual([]);
  const pinned = reluSymbolic({ atZero: 0 }).blocks(x);
  expect(disagreements(reluGrad(x), pinned.values, pinned.error, () => 0)).toEqual([]);
  expect(
    disagreements(
      [...reluGrad(x)].map((v, k) => (k === 4 ? 1 : v)),
      pinned.values,
      pinned.error,
      () => 0,
    ),
  ).toEqual([4]);
});
