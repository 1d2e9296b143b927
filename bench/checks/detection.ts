/**
 * Table 1, the detection floor: a relative error injected into ONE random entry of the softmax
 * Jacobian (n from 2 to 12, float64, logits uniform in ±3), and the share of trials in which each
 * check flags it — gradcheck full and fast mode next to the torch.autograd.gradcheck re-implementation
 * (slow and fast mode) on the very same inputs, with the evaluations each check cost.
 */
import { checkJacobian, mulberry32, softmax, softmaxJacobian } from 'gradcheck';
import { table } from '../harness.js';
import { torchFast, torchSlow } from './torchGradcheck.js';

const LEVELS = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

interface Tally {
  caught: number;
  evals: number;
}

/** Runs `trials` trials per error level. */
export function detectionTable(trials: number): string {
  const rand = mulberry32(2024);
  const rows: string[][] = [];
  const cost = { full: 0, fast: 0, slow: 0, tfast: 0, n: 0 };
  for (const rel of LEVELS) {
    const t: Record<'full' | 'fast' | 'slow' | 'tfast', Tally> = {
      full: { caught: 0, evals: 0 },
      fast: { caught: 0, evals: 0 },
      slow: { caught: 0, evals: 0 },
      tfast: { caught: 0, evals: 0 },
    };
    for (let trial = 0; trial < trials; trial++) {
      const n = 2 + Math.floor(rand() * 11);
      const x = Float64Array.from({ length: n }, () => 6 * rand() - 3);
      const k = Math.floor(rand() * n * n);
      const f = (z: Float64Array) => softmax(z, n) as Float64Array;
      const J = softmaxJacobian(x, n) as Float64Array;
      const bad = Float64Array.from(J);
      bad[k] = bad[k]! * (1 + rel);
      for (const mode of ['full', 'fast'] as const) {
        const r = checkJacobian(f, () => bad, x, { mode, seed: trial, localize: false });
        t[mode].caught += r.verdict === 'mismatch' ? 1 : 0;
        t[mode].evals += r.evaluations.function;
      }
      const s = torchSlow(f, bad, x);
      t.slow.caught += s.pass ? 0 : 1;
      t.slow.evals += s.evaluations;
      const q = torchFast(f, bad, x, mulberry32(trial));
      t.tfast.caught += q.pass ? 0 : 1;
      t.tfast.evals += q.evaluations;
    }
    const pct = (c: number) => `${((100 * c) / trials).toFixed(0)}%`;
    rows.push([
      rel.toExponential(0),
      pct(t.full.caught),
      pct(t.fast.caught),
      pct(t.slow.caught),
      pct(t.tfast.caught),
    ]);
    cost.full += t.full.evals;
    cost.fast += t.fast.evals;
    cost.slow += t.slow.evals;
    cost.tfast += t.tfast.evals;
    cost.n += trials;
  }
  const per = (e: number) => (e / cost.n).toFixed(1);
  rows.push(['evaluations of f per check', per(cost.full), per(cost.fast), per(cost.slow), per(cost.tfast)]);
  rows.push(['derivative calls per check', '2', '2', '1', '1']);
  return table(
    `Detection floor: one softmax Jacobian entry off by a relative error (n 2..12, logits ±3, ${trials} trials per level, float64)`,
    [
      'relative error',
      'gradcheck full',
      'gradcheck fast (2 probes)',
      'torch.gradcheck slow (re-impl.)',
      'torch.gradcheck fast (re-impl.)',
    ],
    rows,
  );
}
