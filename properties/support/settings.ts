/**
 * Settings shared by the gate's suites: runs per property, logit regimes and sizes. Widths are kept
 * small where an oracle costs O(n²) per run (full Jacobians, symbolic programs), so that the whole
 * gate stays under a minute on two cores at 200 runs per property.
 */
import { DEFAULT_LOGIT_REGIMES, type LogitRegime } from 'gradcheck';

/**
 * Runs per property (the CLI's `--runs` overrides it). At least 200, as the gate promises. The one
 * exception is `npm run mutation`, whose vitest configuration sets GRADCHECK_MUTATION_RUNS (50): with
 * the same seeds, a property's first 50 inputs are the first 50 of its 200, so a mutant killed at 50
 * runs is killed at 200 and the score measured is a lower bound of the gate's.
 */
export const RUNS = mutationRuns() ?? 200;

/**
 * Runs of the two properties on rows wider than the kernels' 8192-entry workspace (tens of thousands
 * of logits per input): RUNS in the gate, but 10 under `npm run mutation`, where Stryker's
 * instrumentation makes their per-element work 20–50× slower than any other property's. The
 * chunking faults they target (a chunk's offset or length) show on every wide input, so ten inputs
 * keep the kills at a fraction of the cost.
 */
export const WIDE_RUNS = Math.min(RUNS, mutationRuns() === undefined ? RUNS : 10);

function mutationRuns(): number | undefined {
  const v = globalThis.process?.env?.['GRADCHECK_MUTATION_RUNS'];
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Regimes a finite difference can step through: not ±1e308 (no step is representable next to the
 * largest double), which the forward, precise-reference and symbolic properties cover instead.
 */
export const DERIVATIVE_REGIMES: readonly LogitRegime[] = [
  'moderate',
  'overflow',
  'shifted',
  'near-ties',
  'tiny-spread',
];

/** Every finite regime, ±1e308 included (the default of the generators). */
export const FINITE_REGIMES: readonly LogitRegime[] = DEFAULT_LOGIT_REGIMES;

/** Every regime, `-Infinity` masks included: forward invariants must hold on masked rows too. */
export const ALL_REGIMES: readonly LogitRegime[] = [...DEFAULT_LOGIT_REGIMES, 'masked'];

/**
 * log-softmax of ±1e308 logits can lie beyond the largest double (log s = x − max − … ≈ −2e308 for
 * [1e308, −1e308]): the kernel documents −Infinity there. Properties comparing log-softmax values
 * with finite references use every other regime.
 */
export const LOG_SOFTMAX_REGIMES: readonly LogitRegime[] = ALL_REGIMES.filter((r) => r !== 'huge');

/** Widest row of the full-Jacobian and symbolic properties (cost O(n²) per run). */
export const JACOBIAN_COLS = 6;
/** Widest row and most rows of batched properties whose oracle costs O(n) per run. */
export const BATCH_COLS = 6;
export const BATCH_ROWS = 3;
/** Widest row of the forward invariants (cheap: one kernel call per run). */
export const FORWARD_COLS = 32;
export const FORWARD_ROWS = 4;
