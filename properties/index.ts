/**
 * The built-in gate that `npx gradcheck` runs: property checks of the reference kernels, written with
 * the public API as any user would. The CLI collects every spec exported here (`builtinSpecs`); add
 * new suites as files next to this one and spread them into the list.
 *
 * First suite: softmax and log-softmax, their Jacobians (one row, full n×n) and VJPs (batches of
 * rows, the checker choosing the cotangents), in float64 and float32, over logits from moderate to
 * beyond the exp overflow edges, large shifts (1e6 + small), near-ties and tiny spreads.
 */
import {
  DEFAULT_LOGIT_REGIMES,
  type DType,
  defineCheck,
  type GradSpec,
  logitBatches,
  logitVectors,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxVjp,
  softmax,
  softmaxJacobian,
  softmaxVjp,
} from 'gradcheck';

/** Runs per property in the gate (the CLI's `--runs` overrides it). */
const RUNS = 100;

/**
 * Logit regimes of the derivative checks: every finite regime but ±1e308. There no finite-difference
 * step keeps x ± h finite (the checker answers `oracle-unreliable`, a skipped run), and log-softmax's
 * exact value can itself be beyond the largest double (≈ −2e308 for [1e308, −1e308], documented as
 * −Infinity). The kernels' own tests cover ±1e308; here the runs go where derivatives exist.
 */
const REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

function softmaxSuite(dtype: DType): GradSpec[] {
  const vectors = logitVectors({ maxCols: 12, dtype, regimes: REGIMES });
  const batches = logitBatches({ maxRows: 4, maxCols: 12, dtype, regimes: REGIMES });
  const options = { numRuns: RUNS, dtype };
  return [
    defineCheck({
      name: `softmax jacobian (${dtype})`,
      input: vectors,
      f: ({ x, cols }) => softmax(x, cols),
      jacobian: ({ x, cols }) => softmaxJacobian(x, cols),
      options,
    }),
    defineCheck({
      name: `softmax vjp (${dtype})`,
      input: batches,
      f: ({ x, cols }) => softmax(x, cols),
      vjp: ({ x, cols }, g) => softmaxVjp(x, g, cols),
      options,
    }),
    defineCheck({
      name: `log-softmax jacobian (${dtype})`,
      input: vectors,
      f: ({ x, cols }) => logSoftmax(x, cols),
      jacobian: ({ x, cols }) => logSoftmaxJacobian(x, cols),
      options,
    }),
    defineCheck({
      name: `log-softmax vjp (${dtype})`,
      input: batches,
      f: ({ x, cols }) => logSoftmax(x, cols),
      vjp: ({ x, cols }, g) => logSoftmaxVjp(x, g, cols),
      options,
    }),
  ] as GradSpec[];
}

/** Every spec of the built-in gate, in the order the gate runs them. */
export const builtinSpecs: GradSpec[] = [...softmaxSuite('float64'), ...softmaxSuite('float32')];
