/**
 * The built-in gate that `npx gradcheck` runs: property checks of the reference kernels, written with
 * the public API as any user would. The CLI collects every spec exported here (`builtinSpecs`); add
 * new suites as files next to this one and spread them into the list.
 *
 * First suite: softmax and log-softmax, their Jacobians (one row, full n×n) and VJPs (batches of
 * rows, the checker choosing the cotangents), in float64 and float32, over logits from moderate to
 * beyond the exp overflow edges, ±1e308 (softmax only), large shifts, near-ties and tiny spreads.
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
 * log-softmax of ±1e308 logits can be beyond the largest double (log s = x − max − … ≈ −2e308 for
 * [1e308, −1e308]): its kernel documents −Infinity there, where no derivative exists. Its checks use
 * every other finite regime (overflow edges and 1e6 shifts included).
 */
const LOG_SOFTMAX_REGIMES = DEFAULT_LOGIT_REGIMES.filter((r) => r !== 'huge');

function softmaxSuite(dtype: DType): GradSpec[] {
  const vectors = logitVectors({ maxCols: 12, dtype });
  const batches = logitBatches({ maxRows: 4, maxCols: 12, dtype });
  const logVectors = logitVectors({ maxCols: 12, dtype, regimes: LOG_SOFTMAX_REGIMES });
  const logBatches = logitBatches({ maxRows: 4, maxCols: 12, dtype, regimes: LOG_SOFTMAX_REGIMES });
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
      input: logVectors,
      f: ({ x, cols }) => logSoftmax(x, cols),
      jacobian: ({ x, cols }) => logSoftmaxJacobian(x, cols),
      options,
    }),
    defineCheck({
      name: `log-softmax vjp (${dtype})`,
      input: logBatches,
      f: ({ x, cols }) => logSoftmax(x, cols),
      vjp: ({ x, cols }, g) => logSoftmaxVjp(x, g, cols),
      options,
    }),
  ] as GradSpec[];
}

/** Every spec of the built-in gate, in the order the gate runs them. */
export const builtinSpecs: GradSpec[] = [...softmaxSuite('float64'), ...softmaxSuite('float32')];
