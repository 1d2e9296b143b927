/**
 * Symbolic oracle benchmarks: the cost of building the mathjs derivative programs per width (cold,
 * cache cleared), of evaluating one Jacobian in float64 with error bounds and in decimal at 50
 * digits, and how tight the float64 bounds are against the decimal values.
 */

import { checkJacobian } from '../src/checks/checkJacobian.js';
import { softmax } from '../src/kernels/softmax.js';
import { softmaxJacobian } from '../src/kernels/softmaxDerivatives.js';
import { crossEntropySymbolic } from '../src/oracles/symbolic/builtins/crossEntropySymbolic.js';
import { logitNames, softmaxFormulas } from '../src/oracles/symbolic/builtins/formulas.js';
import { logSoftmaxSymbolic } from '../src/oracles/symbolic/builtins/logSoftmaxSymbolic.js';
import { softmaxSymbolic } from '../src/oracles/symbolic/builtins/softmaxSymbolic.js';
import { cachedProgram, clearProgramCache } from '../src/oracles/symbolic/cache.js';
import type { RowwiseOracle } from '../src/oracles/symbolic/rowwise.js';
import { measure, table } from './harness.js';

const WIDTHS = [2, 4, 8, 16, 32, 64];

/** Deterministic logits in [−scale, scale]. */
function logits(n: number, scale: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (2 * (s / 2 ** 31) - 1) * scale;
  });
}

function coldMs(make: () => unknown): number {
  clearProgramCache();
  const t = performance.now();
  make();
  return performance.now() - t;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3));
const sci = (v: number) => v.toExponential(1);

/** Median and max of |float − decimal| / bound, and the median bound relative to |J|. */
function tightness(oracle: RowwiseOracle, x: number[]): [number, number, number] {
  const J = oracle.jacobian(x);
  const P = oracle.precise(50).jacobian(x);
  const ratios: number[] = [];
  const rel: number[] = [];
  for (let k = 0; k < J.values.length; k++) {
    if (J.error[k]! === 0) continue;
    ratios.push(Math.abs(J.values[k]! - P.values[k]!) / J.error[k]!);
    if (P.values[k] !== 0) rel.push(J.error[k]! / Math.abs(P.values[k]!));
  }
  const med = (a: number[]) => a.sort((p, q) => p - q)[Math.floor(a.length / 2)] ?? 0;
  return [med(ratios), Math.max(...ratios), med(rel)];
}

/**
 * checkJacobian (full mode, default κ) with the symbolic oracle: detection rate of a relative error
 * injected into ONE random entry of the softmax Jacobian (n 2..12, logits ±3), and false alarms on the
 * correct kernel (logits ±3 and ±1000).
 */
function detection(): string[][] {
  const rows: string[][] = [];
  const trials = 110;
  let s = 12345;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  for (const eps of [1e-6, 1e-8, 1e-10, 1e-11, 1e-12, 1e-13]) {
    let caught = 0;
    let evals = 0;
    for (let t = 0; t < trials; t++) {
      const n = 2 + (t % 11);
      const x = Float64Array.from({ length: n }, () => 6 * next() - 3);
      const k = Math.floor(next() * n * n);
      const wrong = (z: Float64Array) => {
        const J = softmaxJacobian(z, n);
        J[k] = J[k]! * (1 + eps);
        return J;
      };
      const r = checkJacobian((z) => softmax(z, n), wrong, x, { oracle: softmaxSymbolic(n) });
      if (r.verdict === 'mismatch') caught++;
      evals += r.evaluations.function + r.evaluations.derivative;
    }
    rows.push([eps.toExponential(0), `${caught}/${trials}`, (evals / trials).toFixed(1)]);
  }
  for (const scale of [3, 1000]) {
    let alarms = 0;
    for (let t = 0; t < trials; t++) {
      const n = 2 + (t % 11);
      const x = Float64Array.from({ length: 3 * n }, () => scale * (2 * next() - 1));
      const block = (z: Float64Array) => {
        const b = softmaxJacobian(z, n);
        const J = new Float64Array(9 * n * n);
        for (let r = 0; r < 3; r++)
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) J[(r * n + i) * 3 * n + r * n + j] = b[(r * n + i) * n + j]!;
        return J;
      };
      const r = checkJacobian((z) => softmax(z, n), block, x, { oracle: softmaxSymbolic(n) });
      if (!r.ok) alarms++;
    }
    rows.push([`correct, 3 rows, ±${scale}`, `${alarms}/${trials} false alarms`, '—']);
  }
  return rows;
}

export async function run(): Promise<string> {
  const build: string[][] = [];
  const evalRows: string[][] = [];
  const tight: string[][] = [];
  for (const n of WIDTHS) {
    const nodes = cachedProgram('bench', { expressions: softmaxFormulas(n), variables: logitNames(n) }).graph
      .size;
    build.push([
      String(n),
      ms(coldMs(() => softmaxSymbolic(n))),
      ms(coldMs(() => logSoftmaxSymbolic(n))),
      ms(coldMs(() => crossEntropySymbolic([0], n))),
      String(nodes),
      String(n * n * (3 * n)),
    ]);
    const x = logits(n, 3, n);
    const kinds: [string, RowwiseOracle][] = [
      ['softmax', softmaxSymbolic(n)],
      ['logSoftmax', logSoftmaxSymbolic(n)],
      ['crossEntropy', crossEntropySymbolic([n - 1], n)],
    ];
    for (const [name, oracle] of kinds) {
      const f64 = measure(() => oracle.blocks(x), { minSampleMs: 100, samples: 3, warmupMs: 50 });
      const t = performance.now();
      oracle.precise(50).jacobian(x);
      const dec = performance.now() - t;
      evalRows.push([name, String(n), ms(1000 / f64.opsPerSec), ms(dec)]);
    }
    for (const scale of [3, 1000]) {
      const [med, max, rel] = tightness(softmaxSymbolic(n), logits(n, scale, 7 * n + scale));
      tight.push([String(n), `±${scale}`, med.toFixed(3), max.toFixed(3), sci(rel)]);
    }
  }
  return [
    table(
      'Symbolic oracle: cold build of the derivative program, per width (ms; tree nodes ≈ n²·3n before sharing)',
      ['cols', 'softmax ms', 'logSoftmax ms', 'crossEntropy ms', 'softmax DAG nodes', 'tree nodes'],
      build,
    ),
    table(
      'Symbolic oracle: one row Jacobian, float64 with bounds vs decimal at 50 digits (ms per Jacobian)',
      ['kernel', 'cols', 'float64 ms', 'decimal ms'],
      evalRows,
    ),
    table(
      'Symbolic softmax bounds: |float64 − decimal| / bound (≤ 1 means the bound holds) and bound ÷ abs(J)',
      ['cols', 'logits', 'median ratio', 'max ratio', 'median bound ÷ abs(J)'],
      tight,
    ),
    table(
      'checkJacobian with the symbolic oracle: relative error injected into one softmax Jacobian entry (n 2–12, logits ±3)',
      ['injected error', 'flagged', 'evaluations per check'],
      detection(),
    ),
  ].join('\n');
}
