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
 *
 * Each case (kernel × dtype) runs in PROCESSES fresh child processes, one after the other
 * (bench/throughputChild.ts): V8 compiles the same plain function differently from process to
 * process (the baseline of one case was measured 1.5× faster in some processes than in others), and
 * in one long process the cases would share type feedback and heap. The tables show the medians over
 * the processes, and the range of the speed-up over them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  Decimal,
  logSoftmax,
  mulberry32,
  preciseLogSoftmax,
  preciseSoftmax,
  softmax,
  ulpError,
} from '../src/index.js';
import { keep, rate, table } from './harness.js';
import { logSoftmaxPlain, softmaxPlain } from './kernelsBaseline.js';
import { median, PAIR_ROUNDS, type Pair } from './pairs.js';
import {
  type CaseName,
  type CaseResult,
  COLS,
  DTYPES,
  type Dtype,
  KERNELS,
  MLP_BATCH,
  ROWS,
} from './throughputCases.js';

/** Fresh processes per throughput case (default 3; the environment variable BENCH_PROCESSES overrides). */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) {
  throw new Error(
    `bench/kernels: BENCH_PROCESSES must be a positive integer (got ${process.env.BENCH_PROCESSES})`,
  );
}
const CHILD = fileURLToPath(new URL('./throughputChild.ts', import.meta.url));

/** Runs one case in PROCESSES fresh processes, one after the other. */
function measureCase(name: CaseName, dtype: Dtype): CaseResult[] {
  const results: CaseResult[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    const json = execFileSync(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), CHILD, name, dtype],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    results.push(JSON.parse(json) as CaseResult);
  }
  return results;
}

/** Median rates over the processes, and the median speed-up with its range over the processes. */
function cells(pairs: readonly Pair[], unit: string): [string, string, string] {
  const ratios = pairs.map((p) => p.ratio);
  const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  return [
    rate(median(pairs.map((p) => p.kernel)), unit),
    rate(median(pairs.map((p) => p.baseline)), unit),
    `${median(ratios).toFixed(2)}× (${range})`,
  ];
}

const HOW = `medians over ${PROCESSES} fresh processes of the medians of ${PAIR_ROUNDS} alternating rounds; speed-up = median over the processes of the per-round ratios' median, with its range`;

function throughput(): string {
  const rows: string[][] = [];
  for (const dtype of DTYPES) {
    for (const name of KERNELS) {
      const results = measureCase(name, dtype);
      const label = name === 'crossEntropy' ? 'crossEntropy (loss)' : name;
      const fresh = cells(
        results.map((r) => r.fresh),
        ' elem/s',
      );
      const into = cells(
        results.map((r) => r.into),
        ' elem/s',
      );
      rows.push([label, dtype, ...fresh, ...into]);
    }
  }
  return table(
    `Kernel throughput, ${ROWS} × ${COLS} logits, per CPU-second (${HOW}; plain = number[] with Math.exp; the loss allocates nothing: one measurement serves both columns)`,
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
  const rows = DTYPES.map((dtype) => [
    `784-128-10 relu, batch ${MLP_BATCH}`,
    dtype,
    ...cells(
      measureCase('mlp', dtype).map((r) => r.fresh),
      ' samples/s',
    ),
  ]);
  return table(
    `MLP forward + backward (loss, all parameter gradients, per-layer deltas; per CPU-second, ${HOW})`,
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
