/**
 * The guard around every call of user code: each call gets its own copy of x (in the array type the
 * user gave), the copy is compared after the call (a write is an `argument-mutated` verdict), a throw
 * becomes GC_FUNCTION_THREW with the input in `details.x`, and calls are counted for the result.
 */
import { GradcheckError } from '../errors.js';
import { type ArgKind, firstChange, makeArgument } from './argument.js';
import { Stop } from './stop.js';

/** Which callable is being called. */
export type Source = 'function' | 'derivative';

/** Counts calls and guards arguments for one check. */
export class Calls {
  readonly fn: string;
  /** Array type of the copies handed out (backprop switches it per layer). */
  kind: ArgKind;
  functionCalls = 0;
  derivativeCalls = 0;

  constructor(fn: string, kind: ArgKind) {
    this.fn = fn;
    this.kind = kind;
  }

  /**
   * Calls `call(arg, ...extra)` with a fresh copy of `point`, checks the copy afterwards, and returns
   * the raw result. `name` is how the callable is named in errors (e.g. `f`, `vjp`).
   */
  invoke(
    source: Source,
    name: string,
    call: (...args: never[]) => unknown,
    point: Float64Array,
    extra: unknown[] = [],
  ): unknown {
    const arg = makeArgument(this.kind, point);
    if (source === 'function') this.functionCalls++;
    else this.derivativeCalls++;
    let out: unknown;
    try {
      out = (call as (...args: unknown[]) => unknown)(arg, ...extra);
    } catch (cause) {
      throw new GradcheckError(
        'GC_FUNCTION_THREW',
        this.fn,
        `${name} must return without throwing (it threw ${errorText(cause)} at x = ${preview(point)})`,
        { arg: name, cause, details: { x: Array.from(point), callable: name } },
      );
    }
    if (out !== null && typeof (out as { then?: unknown }).then === 'function') {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        this.fn,
        `${name} must return its value synchronously (returned a Promise)`,
        { arg: name },
      );
    }
    const at = firstChange(arg, point);
    if (at >= 0) {
      throw new Stop({
        verdict: 'argument-mutated',
        source,
        index: at,
        before: point[at] ?? Number.NaN,
        after: (arg as ArrayLike<number>)[at] ?? Number.NaN,
      });
    }
    return out;
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `"${e.name}: ${e.message}"`;
  return `"${String(e)}"`;
}

/** `[a, b, c, …]` with at most 6 values, for messages. */
export function preview(values: ArrayLike<number>): string {
  const shown = Array.from({ length: Math.min(values.length, 6) }, (_, i) => formatNumber(values[i]!));
  return `[${shown.join(', ')}${values.length > 6 ? `, … (${values.length} values)` : ''}]`;
}

/** A number with up to 17 significant digits, trimmed. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v) || v === 0) return String(v);
  const a = Math.abs(v);
  return a >= 1e-4 && a < 1e6 ? String(Number(v.toPrecision(12))) : v.toExponential(6);
}
