/**
 * Table 2, false alarms on correct code: the reference kernels' derivatives checked at seeded random
 * points over a battery of regimes, float64 and float32. A false alarm is any verdict other than
 * `pass` and `oracle-unreliable` (the latter — a ReLU exactly at its kink — is a skipped run, counted
 * apart).
 */
import {
  blockDiagonal,
  type CheckOptions,
  type CheckResult,
  checkBackprop,
  checkGradient,
  checkJacobian,
  checkJvp,
  checkVjp,
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  mulberry32,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
} from 'gradcheck';
import { table } from '../harness.js';

type Arr = Float64Array | Float32Array;
type Case = (rand: () => number, float32: boolean, o: CheckOptions) => CheckResult;

function logits(rand: () => number, n: number, r: number, float32: boolean): Arr {
  const x = Float64Array.from({ length: n }, () => (2 * rand() - 1) * r);
  return float32 ? Float32Array.from(x) : x;
}

const width = (rand: () => number) => 2 + Math.floor(rand() * 11);

function softmaxCase(r: number, rows: number): Case {
  return (rand, f32, o) => {
    const c = width(rand);
    const x = logits(rand, rows * c, r, f32);
    return checkJacobian(
      (z: Arr) => softmax(z, c),
      (z: Arr) => blockDiagonal(softmaxJacobian(z, c), c),
      x,
      o,
    );
  };
}

function logSoftmaxCase(r: number, rows: number): Case {
  return (rand, f32, o) => {
    const c = width(rand);
    const x = logits(rand, rows * c, r, f32);
    return checkJacobian(
      (z: Arr) => logSoftmax(z, c),
      (z: Arr) => blockDiagonal(logSoftmaxJacobian(z, c), c),
      x,
      o,
    );
  };
}

const cases: [string, Case][] = [
  ['softmax Jacobian, logits ±3', softmaxCase(3, 1)],
  ['softmax Jacobian, logits ±30, 3 rows', softmaxCase(30, 3)],
  ['softmax Jacobian, logits ±1000', softmaxCase(1000, 1)],
  ['log-softmax Jacobian, logits ±3', logSoftmaxCase(3, 1)],
  ['log-softmax Jacobian, logits ±1000, 2 rows', logSoftmaxCase(1000, 2)],
  [
    'softmax VJP, logits ±30, 2 rows',
    (rand, f32, o) => {
      const c = width(rand);
      return checkVjp(
        (z: Arr) => softmax(z, c),
        (z: Arr, g: Arr) => softmaxVjp(z, g, c),
        logits(rand, 2 * c, 30, f32),
        o,
      );
    },
  ],
  [
    'log-softmax VJP, logits ±1000',
    (rand, f32, o) => {
      const c = width(rand);
      return checkVjp(
        (z: Arr) => logSoftmax(z, c),
        (z: Arr, g: Arr) => logSoftmaxVjp(z, g, c),
        logits(rand, c, 1000, f32),
        o,
      );
    },
  ],
  [
    'softmax JVP, logits ±3, 2 rows',
    (rand, f32, o) => {
      const c = width(rand);
      return checkJvp(
        (z: Arr) => softmax(z, c),
        (z: Arr, t: Arr) => softmaxJvp(z, t, c),
        logits(rand, 2 * c, 3, f32),
        o,
      );
    },
  ],
  [
    'log-softmax JVP, logits ±1000',
    (rand, f32, o) => {
      const c = width(rand);
      return checkJvp(
        (z: Arr) => logSoftmax(z, c),
        (z: Arr, t: Arr) => logSoftmaxJvp(z, t, c),
        logits(rand, c, 1000, f32),
        o,
      );
    },
  ],
  [
    'cross-entropy gradient, 3 rows, logits ±1000',
    (rand, f32, o) => {
      const c = width(rand);
      const labels = [0, 1, 2].map(() => Math.floor(rand() * c));
      const x = logits(rand, 3 * c, rand() < 0.5 ? 3 : 1000, f32);
      return checkGradient(
        (z: Arr) => crossEntropy(z, labels, c),
        (z: Arr) => crossEntropyGrad(z, labels, c),
        x,
        o,
      );
    },
  ],
  [
    'sharp: softmax of 40·x, logits ±1',
    (rand, f32, o) => {
      const c = width(rand);
      const scale = (z: Arr) => z.map((t) => 40 * t) as Arr;
      return checkJacobian(
        (z: Arr) => softmax(scale(z), c),
        (z: Arr) => blockDiagonal(softmaxJacobian(scale(z), c), c).map((t) => 40 * t) as Arr,
        logits(rand, c, 1, f32),
        o,
      );
    },
  ],
  ...(['sigmoid', 'tanh', 'relu'] as const).map((act): [string, Case] => [
    `MLP gradient 6-8-4, batch 4, ${act}`,
    (rand, f32, o) => {
      const mlp = createMlp({
        sizes: [6, 8, 4],
        activations: act,
        seed: Math.floor(rand() * 1e6),
        dtype: f32 ? 'float32' : 'float64',
        biasScale: 0.5,
      });
      const x = logits(rand, 4 * 6, 1, f32);
      const labels = [0, 1, 2, 3].map(() => Math.floor(rand() * 4));
      return checkGradient(
        (p: Arr) => mlpLoss(mlp, p, x, labels),
        (p: Arr) => mlpBackward(mlp, p, x, labels).gradient,
        mlp.params,
        o,
      );
    },
  ]),
  [
    'MLP deltas (checkBackprop) 6-8-8-4, tanh',
    (rand, f32, o) => {
      const mlp = createMlp({
        sizes: [6, 8, 8, 4],
        activations: 'tanh',
        seed: Math.floor(rand() * 1e6),
        dtype: f32 ? 'float32' : 'float64',
        biasScale: 0.5,
      });
      const x = logits(rand, 3 * 6, 1, f32);
      const labels = [0, 1, 2].map(() => Math.floor(rand() * 4));
      const { preActivations } = mlpForward(mlp, mlp.params, x, 3);
      const { deltas } = mlpBackward(mlp, mlp.params, x, labels);
      return checkBackprop(
        {
          preActivations,
          deltas,
          lossFrom: (l, z: Arr) => mlpLossFromPreActivations(mlp, mlp.params, x, labels, l, z),
        },
        o,
      );
    },
  ],
];

/** Runs every case `trials` times per dtype and mode. */
export function falseAlarmTable(trials: number): string {
  const rows: string[][] = [];
  const totals = { checks: 0, alarms: 0, skipped: 0 };
  for (const [name, run] of cases) {
    const cells = [name];
    for (const float32 of [false, true]) {
      let alarms = 0;
      let skipped = 0;
      let evals = 0;
      let checks = 0;
      const rand = mulberry32(name.length * 7919 + (float32 ? 1 : 0));
      for (let t = 0; t < trials; t++) {
        for (const mode of ['full', 'fast'] as const) {
          const r = run(rand, float32, { mode, seed: t });
          checks++;
          evals += r.evaluations.function;
          if (r.verdict === 'oracle-unreliable') skipped++;
          else if (!r.ok) alarms++;
        }
      }
      totals.checks += checks;
      totals.alarms += alarms;
      totals.skipped += skipped;
      cells.push(`${alarms} / ${checks}`, String(skipped), (evals / checks).toFixed(0));
    }
    rows.push(cells);
  }
  rows.push(['total', `${totals.alarms} / ${totals.checks}`, String(totals.skipped), '', '', '', '']);
  return table(
    `False alarms on correct code (reference kernels, seeded random points, full + fast mode, ${trials} points each)`,
    [
      'case',
      'float64 false alarms',
      'skipped (kink)',
      'f evals/check',
      'float32 false alarms',
      'skipped (kink)',
      'f evals/check',
    ],
    rows,
  );
}
