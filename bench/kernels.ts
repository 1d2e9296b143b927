/**
 * Kernel benchmarks: throughput of softmax, logSoftmax, softmaxVjp, crossEntropy (+ gradient) on a
 * 1024 × 1000 batch and of an MLP forward+backward pass (784-128-10, batch 32), float64 and float32,
 * against plain number[] implementations measured in the same run (bench/kernelsBaseline.ts), and
 * the accuracy of softmax / logSoftmax against decimal.js on random rows (worst ulp, and the same
 * figure for the textbook implementation).
 *
 * Two regimes, each with the same allocation policy on both sides: every call allocates its result
 * (the baseline with the fastest number[] allocation V8 offers, a slice of a zero template), or every
 * call writes into a preallocated result (the kernels' optional `out`, a reused number[]): the second
 * isolates the arithmetic.
 *
 * How the figures are computed: kernel and baseline are timed in alternating rounds (ROUNDS rounds,
 * the order swapped every round), each round running one side for at least ROUND_MS and dividing the
 * elements processed by the process CPU time spent (user + system, `process.cpuUsage`), so that other
 * processes on a shared machine do not count. Each rate shown is the median over its rounds; the
 * speed-up is the median of the per-round ratios (kernel rate / baseline rate of the same round, timed
 * back to back), which a shared machine's drift between rounds moves far less than a ratio of
 * medians taken over the whole series (earlier runs saw the same baseline run 1.5× faster early in a
 * run than late in it). So the speed-up is close to, not exactly, the ratio of the two rates shown.
 */
import { readFileSync } from 'node:fs';
import {
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  Decimal,
  logSoftmax,
  mlpBackward,
  mulberry32,
  preciseLogSoftmax,
  preciseSoftmax,
  softmax,
  softmaxVjp,
  ulpError,
} from '../src/index.js';
import { keep, measure, rate, table } from './harness.js';
import {
  crossEntropyGradPlain,
  crossEntropyPlain,
  logSoftmaxPlain,
  mlpPlain,
  type PlainLayer,
  softmaxPlain,
  softmaxVjpPlain,
} from './kernelsBaseline.js';

const ROWS = 1024;
const COLS = 1000;
const ROUNDS = 15;
const ROUND_MS = 60;

interface Pair {
  /** Median kernel rate over the rounds, in units per CPU-second. */
  readonly kernel: number;
  /** Median baseline rate over the same rounds. */
  readonly baseline: number;
  /** The median over the rounds of kernel rate / baseline rate within a round. */
  readonly ratio: number;
}

/** Units per CPU-second of `fn` over one round of at least ROUND_MS of wall time. */
function cpuRate(fn: () => unknown, units: number): number {
  let sink: unknown;
  let calls = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  do {
    sink = fn();
    calls++;
  } while (performance.now() - start < ROUND_MS);
  const used = process.cpuUsage(cpu);
  keep(sink);
  return (calls * units) / ((used.user + used.system) / 1e6);
}

/** Alternates kernel and baseline for ROUNDS rounds: median rates, and the median per-round ratio. */
function pair(kernel: () => unknown, baseline: () => unknown, units: number): Pair {
  measure(kernel, { samples: 1, minSampleMs: 20, warmupMs: 300 });
  measure(baseline, { samples: 1, minSampleMs: 20, warmupMs: 300 });
  const k: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      k.push(cpuRate(kernel, units));
      b.push(cpuRate(baseline, units));
    } else {
      b.push(cpuRate(baseline, units));
      k.push(cpuRate(kernel, units));
    }
  }
  const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
  return { kernel: median(k), baseline: median(b), ratio: median(k.map((v, r) => v / b[r]!)) };
}

function throughput(): string {
  const u = mulberry32(1);
  const x64 = Float64Array.from({ length: ROWS * COLS }, () => (u() - 0.5) * 20);
  const g64 = Float64Array.from({ length: ROWS * COLS }, () => u() - 0.5);
  const labels = Int32Array.from({ length: ROWS }, () => Math.floor(u() * COLS));
  const x = Array.from(x64);
  const g = Array.from(g64);
  const labelArray = Array.from(labels);
  const rows: string[][] = [];
  const cell = (v: number) => rate(v, ' elem/s');
  for (const dtype of ['float64', 'float32'] as const) {
    const xs = dtype === 'float32' ? Float32Array.from(x64) : x64;
    const gs = dtype === 'float32' ? Float32Array.from(g64) : g64;
    const out = dtype === 'float32' ? new Float32Array(xs.length) : new Float64Array(xs.length);
    const plainOut = Array.from(x);
    // [name, kernel allocating, plain allocating, kernel into out, plain into out]
    const cases: [string, () => unknown, () => unknown, () => unknown, () => unknown][] = [
      [
        'softmax',
        () => softmax(xs, COLS),
        () => softmaxPlain(x, COLS),
        () => softmax(xs, COLS, out),
        () => softmaxPlain(x, COLS, plainOut),
      ],
      [
        'logSoftmax',
        () => logSoftmax(xs, COLS),
        () => logSoftmaxPlain(x, COLS),
        () => logSoftmax(xs, COLS, out),
        () => logSoftmaxPlain(x, COLS, plainOut),
      ],
      [
        'softmaxVjp',
        () => softmaxVjp(xs, gs, COLS),
        () => softmaxVjpPlain(x, g, COLS),
        () => softmaxVjp(xs, gs, COLS, out),
        () => softmaxVjpPlain(x, g, COLS, plainOut),
      ],
      [
        'crossEntropyGrad',
        () => crossEntropyGrad(xs, labels, COLS),
        () => crossEntropyGradPlain(x, labelArray, COLS),
        () => crossEntropyGrad(xs, labels, COLS, out),
        () => crossEntropyGradPlain(x, labelArray, COLS, plainOut),
      ],
    ];
    for (const [name, kernelNew, plainNew, kernelInto, plainInto] of cases) {
      const fresh = pair(kernelNew, plainNew, ROWS * COLS);
      const into = pair(kernelInto, plainInto, ROWS * COLS);
      rows.push([
        name,
        dtype,
        cell(fresh.kernel),
        cell(fresh.baseline),
        `${fresh.ratio.toFixed(2)}×`,
        cell(into.kernel),
        cell(into.baseline),
        `${into.ratio.toFixed(2)}×`,
      ]);
    }
    // The loss allocates nothing on either side: one measurement serves both columns.
    const loss = pair(
      () => crossEntropy(xs, labels, COLS),
      () => crossEntropyPlain(x, labelArray, COLS),
      ROWS * COLS,
    );
    const l = [cell(loss.kernel), cell(loss.baseline), `${loss.ratio.toFixed(2)}×`];
    rows.push(['crossEntropy (loss)', dtype, ...l, ...l]);
  }
  return table(
    `Kernel throughput, ${ROWS} × ${COLS} logits, per CPU-second (medians of ${ROUNDS} alternating rounds; speed-up = median of the per-round ratios; plain = number[] with Math.exp)`,
    [
      'kernel',
      'dtype',
      'gradcheck, new result',
      'plain, new result',
      'speed-up',
      'gradcheck, into out',
      'plain, into out',
      'speed-up',
    ],
    rows,
  );
}

function mlp(): string {
  const sizes = [784, 128, 10];
  const batch = 32;
  const u = mulberry32(2);
  const x64 = Float64Array.from({ length: batch * 784 }, () => u());
  const labels = Array.from({ length: batch }, () => Math.floor(u() * 10));
  const rows: string[][] = [];
  for (const dtype of ['float64', 'float32'] as const) {
    const net = createMlp({ sizes, activations: 'relu', dtype, seed: 3, biasScale: 0.1 });
    const xs = dtype === 'float32' ? Float32Array.from(x64) : x64;
    const layers: PlainLayer[] = net.layers.map((l) => ({
      W: Array.from(net.weights(l.index)),
      b: Array.from(net.bias(l.index)),
      inDim: l.inDim,
      outDim: l.outDim,
    }));
    const x = Array.from(x64);
    const p = pair(
      () => mlpBackward(net, net.params, xs, labels),
      () => mlpPlain(layers, x, labels, batch),
      batch,
    );
    rows.push([
      `784-128-10 relu, batch ${batch}`,
      dtype,
      rate(p.kernel, ' samples/s'),
      rate(p.baseline, ' samples/s'),
      `${p.ratio.toFixed(2)}×`,
    ]);
  }
  return table(
    'MLP forward + backward (loss, all parameter gradients, per-layer deltas; per CPU-second, medians of alternating rounds, speed-up = median of the per-round ratios)',
    ['network', 'dtype', 'gradcheck', 'plain number[]', 'speed-up'],
    rows,
  );
}

/** Random rows of the accuracy test's kinds; returns worst ulps of the kernels and of the textbook code. */
function accuracy(): string {
  const u = mulberry32(3);
  const kinds: [string, (j: number) => number][] = [
    ['spread ±700', () => (u() - 0.5) * 1400],
    ['moderate ±10', () => (u() - 0.5) * 20],
    ['dominant entry', (j) => (j === 0 ? 0 : -650 - u() * 60)],
    ['shift 1e6', () => 1e6 + Math.floor(u() * 64) / 16],
  ];
  const widths = [2, 3, 10, 100, 1000];
  const rows: string[][] = [];
  for (const dtype of ['float64', 'float32'] as const) {
    let values = 0;
    const worst = { softmax: 0, logSoftmax: 0, plainSoftmax: 0, plainLogSoftmax: 0 };
    for (const [, draw] of [...kinds, ...kinds]) {
      for (const cols of widths) {
        const raw = Array.from({ length: cols }, (_, j) => draw(j));
        const xs = dtype === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw);
        const x = Array.from(xs);
        const rs = preciseSoftmax(xs, cols);
        const rl = preciseLogSoftmax(xs, cols);
        const s = softmax(xs, cols);
        const l = logSoftmax(xs, cols);
        const round = dtype === 'float32' ? Math.fround : (v: number) => v;
        const ps = softmaxPlain(x, cols, Array.from(x)).map(round);
        const pl = logSoftmaxPlain(x, cols, Array.from(x)).map(round);
        for (let j = 0; j < cols; j++) {
          worst.softmax = Math.max(worst.softmax, ulpError(s[j]!, rs[j]!, dtype));
          worst.logSoftmax = Math.max(worst.logSoftmax, ulpError(l[j]!, rl[j]!, dtype));
          worst.plainSoftmax = Math.max(worst.plainSoftmax, ulpError(ps[j]!, rs[j]!, dtype));
          worst.plainLogSoftmax = Math.max(worst.plainLogSoftmax, ulpError(pl[j]!, rl[j]!, dtype));
        }
        values += cols;
      }
    }
    const f = (v: number) => (v < 100 ? v.toFixed(2) : v.toExponential(1));
    rows.push(['softmax, random rows', dtype, String(values), f(worst.softmax), f(worst.plainSoftmax)]);
    rows.push([
      'logSoftmax, random rows',
      dtype,
      String(values),
      f(worst.logSoftmax),
      f(worst.plainLogSoftmax),
    ]);
    const golden = goldenWorst(dtype);
    rows.push([
      'softmax, golden hard cases',
      dtype,
      String(golden.values),
      f(golden.softmax),
      f(golden.plainSoftmax),
    ]);
    rows.push([
      'logSoftmax, golden hard cases',
      dtype,
      String(golden.values),
      f(golden.logSoftmax),
      f(golden.plainLogSoftmax),
    ]);
  }
  return table(
    'Accuracy vs decimal.js at 60 digits (worst error in ulps of the dtype; rows 2–1000 wide)',
    ['kernel', 'dtype', 'values', 'gradcheck', 'textbook max-shift + Math.exp (finite rows)'],
    rows,
  );
}

interface GoldenCase {
  dtype: string;
  cols: number;
  x: (number | string)[];
  softmax: string[];
  logSoftmax: string[];
}

/** Worst ulp errors over fixtures/golden/softmax.json (±700 spreads, 1e308 shifts, masks, wide rows…). */
function goldenWorst(dtype: 'float64' | 'float32') {
  const file = new URL('../fixtures/golden/softmax.json', import.meta.url);
  const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: GoldenCase[] }).cases;
  const worst = { values: 0, softmax: 0, logSoftmax: 0, plainSoftmax: 0, plainLogSoftmax: 0 };
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  for (const c of cases.filter((k) => k.dtype === dtype)) {
    const raw = c.x.map(Number);
    const xs = dtype === 'float32' ? Float32Array.from(raw) : Float64Array.from(raw);
    const s = softmax(xs, c.cols);
    const l = logSoftmax(xs, c.cols);
    const ps = softmaxPlain(raw, c.cols).map(round);
    const pl = logSoftmaxPlain(raw, c.cols).map(round);
    const finite = raw.every(Number.isFinite);
    for (let j = 0; j < raw.length; j++) {
      const rs = new Decimal(c.softmax[j]!);
      const rl = new Decimal(c.logSoftmax[j]!);
      worst.softmax = Math.max(worst.softmax, ulpError(s[j]!, rs, dtype));
      worst.logSoftmax = Math.max(worst.logSoftmax, ulpError(l[j]!, rl, dtype));
      // The textbook code has no convention for masked, infinite or NaN rows: compared on finite inputs only.
      if (!finite) continue;
      worst.plainSoftmax = Math.max(worst.plainSoftmax, ulpError(ps[j]!, rs, dtype));
      worst.plainLogSoftmax = Math.max(worst.plainLogSoftmax, ulpError(pl[j]!, rl, dtype));
    }
    worst.values += raw.length;
  }
  return worst;
}

export async function run(): Promise<string> {
  const parts = [throughput(), mlp(), accuracy()];
  keep(parts);
  return parts.join('\n');
}
