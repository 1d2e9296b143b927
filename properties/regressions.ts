/**
 * Regressions: failures found while gradcheck was built, each kept as a replayable counterexample in
 * fixtures/regressions/<name>.json = { name, spec, seed, path, whatBroke, fixedIn, open? }. The spec
 * is a gate spec or one of the regression-only specs below (bugs outside the kernels: the symbolic
 * oracle, the error model, report formatting); `{ seed, path }` replays exactly the input that broke.
 * regressions.test.ts replays every file and expects a pass; an entry with `open` names a bug that is
 * still live (reported, not yet fixed) and is expected to fail until then.
 *
 * Adding a regression: take seed and path from the failing report (`npx gradcheck` prints them), or,
 * for a bug found elsewhere, let `findTrigger` pick the (shrunk) generated input that hits it.
 */
import fc from 'fast-check';
import {
  type CheckResult,
  checkInvariant,
  checkJvp,
  crossEntropyGrad,
  defineCheck,
  defineProperty,
  entriesMarkdown,
  type GradSpec,
  logitBatches,
  relu,
  reluSymbolic,
  runProperty,
  softmax,
  ulp,
} from 'gradcheck';
import { builtinSpecs } from './index.js';
import { symbolicSpec } from './suites/symbolic.js';
import { allOf } from './support/rows.js';
import { DERIVATIVE_REGIMES, FINITE_REGIMES, RUNS } from './support/settings.js';

/** One fixtures/regressions/*.json file. */
export interface Regression {
  /** Short identifier (the file name without .json). */
  readonly name: string;
  /** Name of the spec to replay: a gate spec or one of REGRESSION_SPECS. */
  readonly spec: string;
  readonly seed: number;
  readonly path: string;
  /** What broke, on which input, and how it showed. */
  readonly whatBroke: string;
  /** The commit (and its subject) that fixed it, or the report that raised it. */
  readonly fixedIn: string;
  /** Set while the bug is live: where it was reported. The replay is then expected to fail. */
  readonly open?: string;
  /**
   * Set on an open entry whose input the gate's own seed does not reach (found with another
   * `--seed` or more `--runs`): the gate test of its spec passes and stays a plain test; only the
   * replay is an expected failure.
   */
  readonly gatePasses?: true;
}

/** The softmax Jacobian the textbook way, sᵢ(1 − sᵢ) on the diagonal: right, yet 1 − sᵢ cancels. */
function textbookJacobian(x: Float64Array, cols: number): Float64Array {
  const s = softmax(x, cols);
  return Float64Array.from({ length: cols * cols }, (_, k) => {
    const i = Math.floor(k / cols);
    const j = k % cols;
    return i === j ? s[i]! * (1 - s[i]!) : -s[i]! * s[j]!;
  });
}

/** A relu derivative that is −1 at the kink: wrong, whatever subgradient convention one picks. */
const reluGradMinusOneAtZero = (x: Float64Array) => x.map((v) => (v > 0 ? 1 : v === 0 ? -1 : 0));

/** One failing entry whose |Δ| exceeds its bound by k units in the last place of the ratio. */
function barelyFailing(k: number): CheckResult {
  const d = k * 2 ** -52;
  return checkInvariant([1 + d], [1], [d * (1 - 2 ** -52)], { name: 'v' });
}

/** The cells of the markdown row of the first entry. */
const firstRow = (r: CheckResult) => entriesMarkdown(r.entries, 1).split('\n')[2]!.split(' | ');

/** Specs that only regressions replay (their subjects are not kernels). */
export const REGRESSION_SPECS: readonly GradSpec[] = [
  symbolicSpec('softmax', 'jacobian', 'float64', undefined, {
    name: 'softmax jacobian vs symbolic at ±1e308 (float64)',
    regimes: FINITE_REGIMES,
  }),
  defineProperty({
    name: 'ulp is finite up to the largest double',
    input: fc.integer({ min: 0, max: 2 ** 20 }),
    options: { numRuns: RUNS },
    check: (k) => {
      const v = (2 ** 53 - 1 - k) * 2 ** 971; // the largest doubles, from Number.MAX_VALUE down
      return checkInvariant([ulp(v), ulp(-v)], [2 ** 971, 2 ** 971], 0, { name: `ulp(${v})` });
    },
  }),
  defineCheck({
    name: 'textbook softmax jacobian at logits up to ±1000 (float64)',
    input: logitBatches({ maxRows: 1, maxCols: 6, range: 1000, regimes: ['moderate'] }),
    f: ({ x, cols }) => softmax(x, cols),
    jacobian: ({ x, cols }) => textbookJacobian(x, cols),
    options: { numRuns: RUNS },
  }),
  defineProperty({
    name: "reluSymbolic flags relu'(0) = -1",
    input: fc
      .array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 6 })
      .map((ks) => Float64Array.from(ks)),
    kind: 'jvp',
    oracle: 'symbolic',
    options: { numRuns: RUNS },
    check: (x, { seed }) => {
      const r = checkJvp(
        relu,
        (z, t) => reluGradMinusOneAtZero(z as Float64Array).map((d, i) => d * t[i]!),
        x,
        {
          oracle: reluSymbolic(),
          seed,
        },
      );
      // Correct iff the wrong derivative is flagged exactly when the point has a kink.
      const flagged = r.verdict === 'mismatch' ? 1 : 0;
      return checkInvariant([flagged], [x.includes(0) ? 1 : 0], 0, { name: "relu'(0) = -1 flagged" });
    },
  }),
  defineProperty({
    name: 'cross-entropy gradient has no negative zeros (float64)',
    input: logitBatches({ maxRows: 3, maxCols: 8, regimes: DERIVATIVE_REGIMES }).chain((b) =>
      fc
        .array(fc.nat({ max: b.cols - 1 }), { minLength: b.rows, maxLength: b.rows })
        .map((ls) => ({ ...b, y: Int32Array.from(ls) })),
    ),
    options: { numRuns: RUNS },
    check: ({ x, y, cols }) => {
      const g = crossEntropyGrad(x, y, cols);
      return checkInvariant(
        Array.from(g, (v) => (Object.is(v, -0) ? 1 : 0)),
        0,
        0,
        { name: 'gradient entry is −0', cols },
      );
    },
  }),
  defineProperty({
    name: 'report: a failing entry never prints its |Δ|/allowed as 1',
    input: fc.integer({ min: 1, max: 2 ** 20 }),
    options: { numRuns: RUNS },
    check: (k) => {
      const r = barelyFailing(k);
      const ratio = firstRow(r)[6]!;
      return allOf(
        () => checkInvariant([r.ok ? 1 : 0], 0, 0, { name: 'entry passes' }),
        () => checkInvariant([ratio === '1' ? 1 : 0], 0, 0, { name: `ratio printed as ${ratio}` }),
      );
    },
  }),
  defineProperty({
    name: 'report: numbers keep their exponent',
    input: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -300, max: 300 })),
    options: { numRuns: RUNS },
    check: ([m, e]) => {
      const v = Number(`${m}e${e}`);
      const printed = Number(firstRow(checkInvariant([v], [v], 0, { name: 'v' }))[2]!.replaceAll('\\', ''));
      return checkInvariant([printed], [v], Math.abs(v) * 1e-5, { name: `printed ${m}e${e}` });
    },
  }),
];

/** The spec called `name` among the gate's and the regression-only specs. */
export function specNamed(name: string): GradSpec | undefined {
  return [...builtinSpecs, ...REGRESSION_SPECS].find((s) => s.name === name);
}

/**
 * Seed and path of a (shrunk) generated input of `spec` on which `hits` holds: a probe property over
 * the same generator fails there, and its `{ seed, path }` replays that input in `spec` too, since both
 * draw inputs the same way.
 *
 * @example
 * await findTrigger(specNamed('softmax vjp (float64)')!, (b) => b.x.some((v) => Math.abs(v) >= 1e12), 1);
 */
export async function findTrigger<T>(
  spec: GradSpec<T>,
  hits: (input: T) => boolean,
  seed: number,
): Promise<{ seed: number; path: string; counterexample: unknown }> {
  const probe = defineProperty({
    name: `probe for ${spec.name}`,
    input: spec.input,
    options: { numRuns: 10_000, seed },
    check: (input) => checkInvariant([hits(input) ? 1 : 0], 0, 0, { name: 'trigger' }),
  });
  const r = await runProperty(probe);
  if (r.status !== 'failed' || r.path === undefined) {
    throw new Error(`findTrigger: no input of '${spec.name}' hits the trigger in 10,000 runs`);
  }
  return { seed: r.seed, path: r.path, counterexample: r.counterexample };
}
