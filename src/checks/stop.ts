/**
 * Early verdicts. When a call reveals that the check cannot go on (a NaN, a mutated argument, two calls
 * disagreeing) the guard throws a `Stop`, and the checker's runner turns it into the matching result.
 * `Stop` never escapes a checker.
 */

/** What ended a check early. */
export type StopReason =
  | {
      readonly verdict: 'non-finite';
      readonly source: 'function' | 'derivative' | 'oracle';
      readonly index: readonly number[];
      readonly value: number;
    }
  | {
      readonly verdict: 'argument-mutated';
      readonly source: 'function' | 'derivative';
      readonly index: number;
      readonly before: number;
      readonly after: number;
    }
  | {
      readonly verdict: 'nondeterministic';
      readonly source: 'function' | 'derivative';
      readonly detail: string;
    };

/** Internal control flow: carries a `StopReason` to the checker's runner. */
export class Stop extends Error {
  readonly reason: StopReason;
  constructor(reason: StopReason) {
    super(`check stopped: ${reason.verdict}`);
    this.reason = reason;
  }
}
