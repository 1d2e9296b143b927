/**
 * The state of one check while it runs (options, call counters, what has been learnt about dtype and
 * sizes) and the runner that turns the checker's outcome — or an early `Stop` — into a CheckResult.
 */
import type { DType } from '../types.js';
import type { ArgKind } from './argument.js';
import { buildResult } from './buildResult.js';
import { Calls } from './calls.js';
import type { EntryCollector } from './entries.js';
import type { ResolvedCheckOptions } from './options.js';
import { createRng, type Rng } from './random.js';
import type {
  CheckKind,
  CheckMode,
  CheckResult,
  MatrixView,
  OracleKind,
  OracleUnreliableResult,
} from './result.js';
import { Stop } from './stop.js';

/** How a check ended when it got to compare values. */
export type Outcome =
  | { readonly verdict: 'pass'; readonly collector: EntryCollector; readonly notes: readonly string[] }
  | {
      readonly verdict: 'mismatch';
      readonly collector: EntryCollector;
      readonly located: readonly (readonly number[])[];
      readonly matrix?: MatrixView;
      readonly notes: readonly string[];
    }
  | {
      readonly verdict: 'oracle-unreliable';
      readonly collector: EntryCollector;
      readonly reason: OracleUnreliableResult['reason'];
      readonly coordinates: readonly number[];
      readonly notes: readonly string[];
    };

/** Mutable facts about a running check. */
export class Run {
  readonly fn: string;
  readonly kind: CheckKind;
  readonly opts: ResolvedCheckOptions;
  readonly calls: Calls;
  readonly rng: Rng;
  readonly started = performance.now();
  dtype: DType = 'float64';
  inputSize = 0;
  outputSize = 0;
  oracleKind: OracleKind = 'finite-difference';
  /** The mode actually used: a dense JacobianOracle is always compared in full. */
  readonly mode: CheckMode;

  constructor(fn: string, kind: CheckKind, opts: ResolvedCheckOptions, argKind: ArgKind) {
    this.fn = fn;
    this.kind = kind;
    this.opts = opts;
    this.calls = new Calls(fn, argKind);
    this.rng = createRng(opts.seed);
    if (opts.oracle !== 'finite-difference') this.oracleKind = opts.oracle.kind;
    this.mode = opts.oracle === 'finite-difference' ? opts.mode : 'full';
  }
}

/** Runs `body`, converting an early Stop into its result. GradcheckErrors propagate. */
export function execute(run: Run, body: () => Outcome): CheckResult {
  try {
    return buildResult(run, body());
  } catch (e) {
    if (e instanceof Stop) return buildResult(run, e.reason);
    throw e;
  }
}
