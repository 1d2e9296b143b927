/**
 * Calling the claimed derivative: guarded like f (own copy of x, mutation check, throw wrapping), its
 * output read and sized, NaN/±Infinity turned into a `non-finite` verdict, and a repeat call with the
 * same input compared bit for bit (a derivative that changes between calls is `nondeterministic`).
 */
import type { ArgKind } from './argument.js';
import { makeArgument } from './argument.js';
import { firstNonFinite } from './output.js';
import type { Run } from './run.js';
import { Stop } from './stop.js';

/** Reads a raw derivative output into doubles (throws GradcheckError on a bad shape). */
export type Reader = (raw: unknown) => Float64Array;

/** One derivative call: x, plus an optional second argument (tangent or cotangent) in its own array type. */
export interface DerivativeCall {
  readonly name: string;
  readonly fn: (...args: never[]) => unknown;
  readonly x: Float64Array;
  readonly extra?: { readonly kind: ArgKind; readonly values: Float64Array };
  readonly read: Reader;
  /** Maps a flat output index to its reported position (e.g. [i, j] for a Jacobian). */
  readonly position: (k: number) => readonly number[];
}

/** Calls the derivative once; non-finite output ends the check. */
export function callDerivative(run: Run, call: DerivativeCall): Float64Array {
  const extra = call.extra === undefined ? [] : [makeArgument(call.extra.kind, call.extra.values)];
  const out = call.read(run.calls.invoke('derivative', call.name, call.fn, call.x, extra));
  const bad = firstNonFinite(out);
  if (bad >= 0)
    throw new Stop({
      verdict: 'non-finite',
      source: 'derivative',
      index: call.position(bad),
      value: out[bad]!,
    });
  return out;
}

/** Calls the derivative again with the same input and requires the same bits. */
export function repeatDerivative(run: Run, call: DerivativeCall, first: Float64Array): void {
  const again = callDerivative(run, call);
  for (let k = 0; k < first.length; k++) {
    if (!Object.is(again[k], first[k])) {
      throw new Stop({
        verdict: 'nondeterministic',
        source: 'derivative',
        detail: `${call.name} output [${call.position(k).join(',')}] was ${first[k]} and then ${again[k]}`,
      });
    }
  }
}
