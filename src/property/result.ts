/**
 * What running one property returns: the fast-check run summary (seed, path, runs, shrinks, the
 * shrunk counterexample) joined with the checker's verdict on that counterexample. Reports, the CLI
 * and the vitest helpers consume this type; they never run checks themselves.
 */
import type { CheckKind, CheckMode, CheckResult, OracleKind, Verdict } from '../checks/result.js';
import type { DType } from '../types.js';

/** `passed`: every run held. `failed`: a counterexample was found. `error`: the property could not run. */
export type PropertyStatus = 'passed' | 'failed' | 'error';

export interface PropertyError {
  readonly message: string;
  /** A GradcheckError code when the error was one of ours (e.g. GC_FUNCTION_THREW). */
  readonly code?: string;
  readonly stack?: string;
}

export interface PropertyResult {
  /** Stable name: never contains the seed, so CI history (JUnit) keeps one line per property. */
  readonly name: string;
  readonly ok: boolean;
  readonly status: PropertyStatus;
  /** The verdict of the check on the counterexample (`pass` when passed, `error` when it could not run). */
  readonly verdict: Verdict | 'error';
  /** Declared by the spec, for reports (the check result, when present, says the same). */
  readonly kind: CheckKind;
  readonly mode: CheckMode;
  readonly dtype: DType | 'mixed';
  readonly oracle: OracleKind;
  /** fast-check seed and shrink path: `{ seed, path }` replays exactly this counterexample. */
  readonly seed: number;
  readonly path: string | undefined;
  readonly numRuns: number;
  /** Runs discarded because the oracle could not decide (kinks) or a precondition failed. */
  readonly numSkips: number;
  readonly numShrinks: number;
  /** The shrunk counterexample as generated (typed arrays included); reports encode it. */
  readonly counterexample: unknown;
  /** fast-check's rendering of the counterexample (`fc.stringify`). */
  readonly counterexampleText: string | undefined;
  /** The checker's result on the shrunk counterexample (on success: on the last run, if kept). */
  readonly check: CheckResult | undefined;
  readonly error: PropertyError | undefined;
  readonly durationMs: number;
  /** Where the property was defined (spec file), when known. */
  readonly source?: string;
}
