/**
 * Joins fast-check's RunDetails with what the run observed into a PropertyResult. Internal to
 * runProperty.
 *
 * - success → `passed` (check: the last run's result);
 * - a check that did not pass → `failed`, verdict of the check on the shrunk counterexample;
 * - an exception from the spec → `error` (GradcheckError code kept), counterexample shrunk as well;
 * - too many `oracle-unreliable` runs → `failed`, verdict `oracle-unreliable`, with a message;
 * - time budget exhausted → `error`.
 */
import fc from 'fast-check';
import type { CheckResult } from '../checks/result.js';
import { isGradcheckError } from '../errors.js';
import type { ResolvedPropertyOptions, RunOverrides } from './options.js';
import type { PropertyError, PropertyResult } from './result.js';
import { CheckFailure, type Observed, type RunState } from './runState.js';
import type { GradSpec } from './spec.js';

type Details = fc.RunDetails<[unknown, number]>;

export function toError(e: unknown): PropertyError {
  if (e instanceof Error) {
    return {
      message: e.message,
      ...(isGradcheckError(e) ? { code: e.code } : {}),
      ...(e.stack !== undefined ? { stack: e.stack } : {}),
    };
  }
  return { message: String(e) };
}

interface Outcome {
  readonly status: PropertyResult['status'];
  readonly verdict: PropertyResult['verdict'];
  readonly observed: Observed | undefined;
  readonly error: PropertyError | undefined;
}

function outcome(
  d: Details,
  o: ResolvedPropertyOptions,
  state: RunState,
  rerun: Observed | undefined,
): Outcome {
  if (!d.failed) return { status: 'passed', verdict: 'pass', observed: state.last, error: undefined };
  if (d.counterexample !== null) {
    const observed = rerun ?? state.lastFailure;
    if (d.errorInstance instanceof CheckFailure) {
      return { status: 'failed', verdict: d.errorInstance.result.verdict, observed, error: undefined };
    }
    return { status: 'error', verdict: 'error', observed, error: toError(d.errorInstance) };
  }
  if (d.interrupted) {
    const message = `timed out: the ${o.timeoutMs} ms budget ran out after ${d.numRuns} of ${o.numRuns} runs`;
    return { status: 'error', verdict: 'error', observed: state.last, error: { message } };
  }
  const skip = state.lastSkip;
  const message =
    `too many skipped runs: the oracle could not decide (oracle-unreliable) on ${d.numSkips} inputs, more than ` +
    `maxSkips=${o.maxSkips}, after ${d.numRuns} of ${o.numRuns} runs held. Keep inputs away from kinks ` +
    `(e.g. mlpCases({ preActivations: 'away-from-zero' })) or raise maxSkips. Last: ${skip?.result?.message ?? ''}`;
  return { status: 'failed', verdict: 'oracle-unreliable', observed: skip, error: { message } };
}

export function toPropertyResult(
  spec: GradSpec<unknown>,
  o: ResolvedPropertyOptions,
  overrides: RunOverrides,
  d: Details,
  state: RunState,
  rerun: Observed | undefined,
  durationMs: number,
): PropertyResult {
  const { status, verdict, observed, error } = outcome(d, o, state, rerun);
  const check: CheckResult | undefined = observed?.result;
  const failedInput = status === 'passed' ? undefined : (d.counterexample?.[0] ?? observed?.input);
  const seen = [...state.dtypes];
  return {
    name: spec.name,
    ok: status === 'passed',
    status,
    verdict,
    kind: check?.kind ?? spec.kind,
    mode: overrides.mode ?? check?.mode ?? spec.mode ?? 'full',
    dtype: seen.length > 1 ? 'mixed' : (seen[0] ?? spec.dtype ?? 'float64'),
    oracle: check?.oracle ?? spec.oracle,
    seed: d.seed,
    path: d.counterexamplePath ?? undefined,
    numRuns: d.numRuns,
    numSkips: d.numSkips,
    numShrinks: d.numShrinks,
    counterexample: failedInput,
    counterexampleText: failedInput === undefined ? undefined : fc.stringify(failedInput),
    check,
    error,
    durationMs,
    ...(overrides.source !== undefined ? { source: overrides.source } : {}),
  };
}
