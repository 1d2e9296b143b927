/**
 * What runProperty remembers while fast-check runs: the last passing result, the last failure (result
 * or thrown error) and the last skipped run, each with its input, plus the dtypes seen. Internal.
 */
import type { CheckResult } from '../checks/result.js';
import type { DType } from '../types.js';

export interface Observed {
  readonly input: unknown;
  readonly result?: CheckResult;
  readonly error?: unknown;
}

export interface RunState {
  last: Observed | undefined;
  lastFailure: Observed | undefined;
  lastSkip: Observed | undefined;
  readonly dtypes: Set<DType>;
}

export function newRunState(): RunState {
  return { last: undefined, lastFailure: undefined, lastSkip: undefined, dtypes: new Set() };
}

/** Thrown by the predicate when a check does not pass: carries the result to runProperty. */
export class CheckFailure extends Error {
  readonly result: CheckResult;
  constructor(result: CheckResult) {
    super(result.message);
    this.name = 'CheckFailure';
    this.result = result;
  }
}
