/**
 * Typed errors with a stable `code`. A wrong derivative is never an error (it is a CheckResult);
 * errors are for input that cannot be checked at all: bad shapes, bad options, functions that throw.
 *
 * Messages follow one pattern: `<function>: <argument> must <expectation> (<what was given>)`, e.g.
 * `softmax: cols must divide x.length (x.length=10, cols=3)`.
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type GradcheckErrorCode =
  /** An argument has the wrong type (e.g. a plain object where a Float64Array was expected). */
  | 'GC_INVALID_ARGUMENT'
  /** Lengths or shapes disagree (cols not dividing x.length, a derivative of the wrong length). */
  | 'GC_SHAPE_MISMATCH'
  /** A number is out of its allowed range (a label ≥ classes, a non-integer cols, an option < 0). */
  | 'GC_OUT_OF_RANGE'
  /** An input that must hold at least one element is empty. */
  | 'GC_EMPTY_INPUT'
  /** The point at which to check a derivative holds NaN or ±Infinity. */
  | 'GC_NON_FINITE_INPUT'
  /** The user's function or derivative threw; `cause` holds the original error, `details.x` the input. */
  | 'GC_FUNCTION_THREW'
  /** An option is unknown or has an invalid value. */
  | 'GC_INVALID_OPTION'
  /** The requested check would not fit in memory (full Jacobian too large): use mode 'fast'. */
  | 'GC_TOO_LARGE'
  /** Command-line usage error (unknown flag, missing file). */
  | 'GC_USAGE'
  /** A spec file could not be loaded or exports no checks. */
  | 'GC_SPEC_LOAD'
  /** A report could not be read or has an unsupported schema version. */
  | 'GC_REPORT'
  /** An `assert*` checker found a non-pass verdict; the error's `result` holds the CheckResult. */
  | 'GC_CHECK_FAILED';

export interface GradcheckErrorOptions {
  /** The argument at fault, e.g. `cols` or `options.seed`. */
  readonly arg?: string;
  /** Machine-readable context (lengths, offending index, the input that made a function throw). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying error, e.g. what a user's function threw. */
  readonly cause?: unknown;
}

/** Every error gradcheck throws on purpose. Check `err.code`, not the message, in code. */
export class GradcheckError extends Error {
  override readonly name = 'GradcheckError';
  readonly code: GradcheckErrorCode;
  /** The public function that rejected its input, e.g. `softmax` or `checkJacobian`. */
  readonly fn: string;
  readonly arg: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: GradcheckErrorCode, fn: string, message: string, options: GradcheckErrorOptions = {}) {
    super(`${fn}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fn = fn;
    this.arg = options.arg;
    this.details = options.details;
  }
}

/** True when `e` is a GradcheckError, optionally with the given code. */
export function isGradcheckError(e: unknown, code?: GradcheckErrorCode): e is GradcheckError {
  return e instanceof GradcheckError && (code === undefined || e.code === code);
}
