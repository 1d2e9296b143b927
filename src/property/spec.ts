/**
 * The spec format shared by the CLI, the vitest helpers and code: a named property over a generator,
 * made by `defineCheck` (a derivative against an oracle) or `defineProperty` (any check). Spec modules
 * export specs; the CLI finds them with `isGradSpec`.
 */
import type fc from 'fast-check';
import type { CheckKind, CheckMode, CheckResult, OracleKind } from '../checks/result.js';
import type { DType } from '../types.js';
import type { PropertyOptions } from './options.js';

/**
 * Brand of every spec, a registered symbol (`Symbol.for`) so that `isGradSpec` recognises specs made by
 * another copy of the package (a spec file importing the packed `gradcheck`, the CLI running from
 * `dist/`).
 */
export const GRAD_SPEC: unique symbol = Symbol.for('gradcheck.GradSpec');

/** What each run of a spec gets besides its generated input. */
export interface RunContext {
  /** A seed for the checker's own random choices (probes), drawn per run: replays reproduce it. */
  readonly seed: number;
  /** The mode the caller asked for (`--mode`), if any; a spec's own option applies otherwise. */
  readonly mode: CheckMode | undefined;
}

/** A named property over generated inputs. Make one with `defineCheck` or `defineProperty`. */
export interface GradSpec<T = unknown> {
  readonly [GRAD_SPEC]: 1;
  /** Stable name (test names, reports, `--grep`). */
  readonly name: string;
  /** What is checked (`invariant` for defineProperty unless its checks say otherwise). */
  readonly kind: CheckKind;
  /** Declared checker mode, dtype and oracle, when known before running (reports show them). */
  readonly mode: CheckMode | undefined;
  readonly dtype: DType | undefined;
  readonly oracle: OracleKind;
  /** The generator of inputs. */
  readonly input: fc.Arbitrary<T>;
  /** Property options (numRuns, seed, …) declared by the spec, validated. */
  readonly options: PropertyOptions;
  /** Checks one generated input. May be async. */
  run(input: T, context: RunContext): CheckResult | Promise<CheckResult>;
}

/**
 * True when `value` is a spec made by `defineCheck` / `defineProperty` (of any copy of gradcheck).
 *
 * @example
 * ```ts
 * import * as mod from './softmax.spec.js';
 * const specs = Object.values(mod).filter(isGradSpec);
 * ```
 */
export function isGradSpec(value: unknown): value is GradSpec {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as Record<symbol, unknown>)[GRAD_SPEC] === 1 &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { run?: unknown }).run === 'function'
  );
}
