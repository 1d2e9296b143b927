/**
 * Options of a property run (how many cases, which seed, replay path, skips, time budget), validated
 * eagerly like fast-check's parameters but with GradcheckError (GC_INVALID_OPTION naming the option).
 */
import { boolOption, checkKeys, intOption, numberOption } from '../arbitraries/validate.js';
import type { CheckMode } from '../checks/result.js';
import { GradcheckError } from '../errors.js';

/** How a property runs. Every field is optional; defaults below. */
export interface PropertyOptions {
  /** Generated cases that must hold (default 200). */
  readonly numRuns?: number;
  /**
   * fast-check seed, a 32-bit integer. Default: a hash of the spec's name, so that runs are
   * reproducible and two properties over the same generator still see different cases.
   */
  readonly seed?: number;
  /** Replay path (`counterexamplePath`) of a failure: with `seed`, replays exactly that case. */
  readonly path?: string;
  /** Stop at the first failure without shrinking (default false). */
  readonly endOnFailure?: boolean;
  /** Runs the oracle may give up on (a kink, verdict `oracle-unreliable`) before the property fails (default numRuns). */
  readonly maxSkips?: number;
  /** Time budget of the whole property in ms; past it the property ends with status `error` (default none). */
  readonly timeoutMs?: number;
  /** Let fast-check record every failure it met (default false). */
  readonly verbose?: boolean;
}

/** What callers of runProperty (the CLI, vitest helpers) may override on top of a spec's options. */
export interface RunOverrides extends PropertyOptions {
  /** Checker mode for every check of the spec (the CLI's `--mode`). */
  readonly mode?: CheckMode;
  /** Where the spec was defined (spec file), copied into the result for replay commands. */
  readonly source?: string;
}

/** The resolved options. */
export interface ResolvedPropertyOptions {
  readonly numRuns: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly endOnFailure: boolean;
  readonly maxSkips: number;
  readonly timeoutMs: number | undefined;
  readonly verbose: boolean;
}

export const PROPERTY_OPTION_KEYS: readonly string[] = [
  'numRuns',
  'seed',
  'path',
  'endOnFailure',
  'maxSkips',
  'timeoutMs',
  'verbose',
];

/** Throws GC_INVALID_OPTION unless every present property option is valid (unknown keys allowed). */
export function validatePropertyOptions(fn: string, arg: string, o: PropertyOptions): void {
  intOption(fn, `${arg}.numRuns`, o.numRuns, 1, 1, 1e7);
  intOption(fn, `${arg}.seed`, o.seed, 0, -(2 ** 31), 2 ** 31 - 1);
  intOption(fn, `${arg}.maxSkips`, o.maxSkips, 0, 0, 1e9);
  numberOption(fn, `${arg}.timeoutMs`, o.timeoutMs, 1, 0, 2 ** 31 - 1, true);
  boolOption(fn, `${arg}.endOnFailure`, o.endOnFailure, false);
  boolOption(fn, `${arg}.verbose`, o.verbose, false);
  if (o.path !== undefined && (typeof o.path !== 'string' || !/^\d+(:\d+)*$/.test(o.path))) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `${arg}.path must look like "12:3:0" (given ${JSON.stringify(o.path)})`,
      {
        arg: `${arg}.path`,
      },
    );
  }
}

/** Validates overrides (unknown keys rejected) for runProperty. */
export function validateOverrides(fn: string, o: RunOverrides | undefined): RunOverrides {
  if (o === undefined) return {};
  checkKeys(fn, 'overrides', o, [...PROPERTY_OPTION_KEYS, 'mode', 'source']);
  validatePropertyOptions(fn, 'overrides', o);
  if (o.mode !== undefined && o.mode !== 'full' && o.mode !== 'fast') {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `overrides.mode must be 'full' or 'fast' (given ${JSON.stringify(o.mode)})`,
      {
        arg: 'overrides.mode',
      },
    );
  }
  if (o.source !== undefined && typeof o.source !== 'string') {
    throw new GradcheckError('GC_INVALID_OPTION', fn, 'overrides.source must be a string', {
      arg: 'overrides.source',
    });
  }
  return o;
}

/** Merges defaults < spec options < overrides. `defaultSeed` is used when no seed is given. */
export function resolvePropertyOptions(
  spec: PropertyOptions,
  overrides: PropertyOptions,
  defaultSeed: number,
): ResolvedPropertyOptions {
  const pick = <K extends keyof PropertyOptions>(k: K) =>
    overrides[k] !== undefined ? overrides[k] : spec[k];
  const numRuns = pick('numRuns') ?? 200;
  return {
    numRuns,
    seed: pick('seed') ?? defaultSeed,
    path: pick('path'),
    endOnFailure: pick('endOnFailure') ?? false,
    maxSkips: pick('maxSkips') ?? numRuns,
    timeoutMs: pick('timeoutMs'),
    verbose: pick('verbose') ?? false,
  };
}

/** The property part of a spec's options object (which may also hold checker options). */
export function propertyPart(o: Readonly<Record<string, unknown>>): PropertyOptions {
  const out: Record<string, unknown> = {};
  for (const k of PROPERTY_OPTION_KEYS) if (o[k] !== undefined) out[k] = o[k];
  return out as PropertyOptions;
}

/** Everything but the property options (what the checker receives). */
export function checkerPart(o: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!PROPERTY_OPTION_KEYS.includes(k)) out[k] = v;
  return out;
}
