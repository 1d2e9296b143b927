/**
 * Options shared by every checker, their defaults, and eager validation (fast-check style: an options
 * object with defaults filled by a named helper; unknown keys and bad values are rejected before any
 * user code runs, with a GradcheckError naming the option).
 */
import { GradcheckError } from '../errors.js';
import type { JacobianOracle } from '../oracles/types.js';
import type { DType } from '../types.js';
import type { CheckMode } from './result.js';

/** Options of `checkJacobian`, `checkVjp`, `checkJvp`, `checkGradient` and `checkBackprop`. */
export interface CheckOptions {
  /** Rounding model: `float32` bounds and float32-representable points. Default: inferred (any Float32Array in x, f(x) or the derivative → float32). */
  readonly dtype?: DType;
  /** `full`: every Jacobian column (default). `fast`: random projections, cost independent of the input size. */
  readonly mode?: CheckMode;
  /** Seed of every random choice (tangents, cotangents, noise direction). Default `DEFAULT_SEED` (42). */
  readonly seed?: number;
  /** Reference derivative: finite differences (default) or a `JacobianOracle` such as a symbolic one. */
  readonly oracle?: 'finite-difference' | JacobianOracle;
  /** Safety factor κ of the error model `|Δ| ≤ κ·(oracle error + rounding bound)` (default 4, at least 1). */
  readonly kappa?: number;
  /** Fast mode: number of random probes (default 2, 1…256). */
  readonly probes?: number;
  /** Fast mode: distribution of tangents and cotangent signs (default `rademacher`; gaussian ones are quantised to 1/16). */
  readonly tangents?: 'rademacher' | 'gaussian';
  /** Compared values kept in `result.entries`, worst first (default 20, 1…10,000). */
  readonly maxEntries?: number;
  /** Fast mode: locate the wrong entries by group testing after a failed probe (default true). */
  readonly localize?: boolean;
  /** Full mode refuses Jacobians with more entries than this (default 2²² ≈ 4.2 M, ~34 MB per copy): use `mode: 'fast'`. */
  readonly maxJacobianEntries?: number;
  /** Finite differences: largest step of the ladder (default 2⁻² float64, 2⁻¹ float32). */
  readonly step?: number;
  /** Finite differences: most halvings of the step (default 20 float64, 16 float32; 3…40). */
  readonly maxLevels?: number;
  /** Noise level of f: `estimate` (ECnoise, 8 extra evaluations, default) or `rounding` (one unit roundoff of |f|). */
  readonly noise?: 'estimate' | 'rounding';
  /**
   * Finite differences: a lower bound for f's noise level σ, in f's units, applied to every output
   * component (default 0: σ is then at least one unit roundoff of |f(x)|). Raise it when f(x) is a
   * cancelling sum of larger terms, whose rounding the noise estimate can miss: a VJP checked along a
   * cotangent v as the gradient of ⟨v, f(x)⟩ (defineCheck) sets it to u·Σᵢ|vᵢ·fᵢ(x)|.
   * @example checkGradient(f, grad, x, { noiseFloor: 2 ** -53 * sumOfAbsTerms })
   */
  readonly noiseFloor?: number;
}

/** The seed used when `options.seed` is not given. */
export const DEFAULT_SEED = 42;

/** Every option name a checker accepts (property builders use it to split their own options off). */
export const CHECK_OPTION_KEYS: readonly (keyof CheckOptions)[] = [
  'dtype',
  'mode',
  'seed',
  'oracle',
  'kappa',
  'probes',
  'tangents',
  'maxEntries',
  'localize',
  'maxJacobianEntries',
  'step',
  'maxLevels',
  'noise',
  'noiseFloor',
];

/** Options with every default filled in (dtype stays undefined until inferred). */
export interface ResolvedCheckOptions {
  readonly dtype: DType | undefined;
  readonly mode: CheckMode;
  readonly seed: number;
  readonly oracle: 'finite-difference' | JacobianOracle;
  readonly kappa: number;
  readonly probes: number;
  readonly tangents: 'rademacher' | 'gaussian';
  readonly maxEntries: number;
  readonly localize: boolean;
  readonly maxJacobianEntries: number;
  readonly step: number | undefined;
  readonly maxLevels: number | undefined;
  readonly noise: 'estimate' | 'rounding';
  readonly noiseFloor: number;
}

/**
 * Validates `options` for the checker `fn` and fills the defaults.
 * @example resolveCheckOptions('checkJacobian', { mode: 'fast' }).probes // 2
 */
export function resolveCheckOptions(fn: string, options: unknown): ResolvedCheckOptions {
  if (options === undefined) return withDefaults({});
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid(fn, 'options', 'be an object', describe(options));
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(CHECK_OPTION_KEYS as readonly string[]).includes(key)) {
      throw invalid(fn, `options.${key}`, `be one of ${CHECK_OPTION_KEYS.join(', ')}`, 'unknown option');
    }
  }
  oneOf(fn, o, 'dtype', ['float64', 'float32']);
  oneOf(fn, o, 'mode', ['full', 'fast']);
  oneOf(fn, o, 'tangents', ['rademacher', 'gaussian']);
  oneOf(fn, o, 'noise', ['estimate', 'rounding']);
  integer(fn, o, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  integer(fn, o, 'probes', 1, 256);
  integer(fn, o, 'maxEntries', 1, 10_000);
  integer(fn, o, 'maxJacobianEntries', 1, 2 ** 31);
  integer(fn, o, 'maxLevels', 3, 40);
  real(fn, o, 'kappa', 1, 1e6);
  real(fn, o, 'step', Number.MIN_VALUE, 1e300);
  real(fn, o, 'noiseFloor', 0, 1e300);
  if (o['localize'] !== undefined && typeof o['localize'] !== 'boolean') {
    throw invalid(fn, 'options.localize', 'be a boolean', describe(o['localize']));
  }
  const oracle = o['oracle'];
  if (oracle !== undefined && oracle !== 'finite-difference' && !isJacobianOracle(oracle)) {
    throw invalid(
      fn,
      'options.oracle',
      "be 'finite-difference' or a JacobianOracle { kind, description, jacobian(x) }",
      describe(oracle),
    );
  }
  return withDefaults(o as CheckOptions);
}

function withDefaults(o: CheckOptions): ResolvedCheckOptions {
  return {
    dtype: o.dtype,
    mode: o.mode ?? 'full',
    seed: o.seed ?? DEFAULT_SEED,
    oracle: o.oracle ?? 'finite-difference',
    kappa: o.kappa ?? 4,
    probes: o.probes ?? 2,
    tangents: o.tangents ?? 'rademacher',
    maxEntries: o.maxEntries ?? 20,
    localize: o.localize ?? true,
    maxJacobianEntries: o.maxJacobianEntries ?? 2 ** 22,
    step: o.step,
    maxLevels: o.maxLevels,
    noise: o.noise ?? 'estimate',
    noiseFloor: o.noiseFloor ?? 0,
  };
}

function isJacobianOracle(v: unknown): v is JacobianOracle {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o['jacobian'] === 'function' && typeof o['kind'] === 'string';
}

function oneOf(fn: string, o: Record<string, unknown>, key: string, allowed: readonly string[]): void {
  const v = o[key];
  if (v !== undefined && !allowed.includes(v as string)) {
    throw invalid(fn, `options.${key}`, `be ${allowed.map((a) => `'${a}'`).join(' or ')}`, describe(v));
  }
}

function integer(fn: string, o: Record<string, unknown>, key: string, lo: number, hi: number): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw invalid(fn, `options.${key}`, `be an integer in [${lo}, ${hi}]`, describe(v));
  }
}

function real(fn: string, o: Record<string, unknown>, key: string, lo: number, hi: number): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    throw invalid(fn, `options.${key}`, `be a finite number in [${lo}, ${hi}]`, describe(v));
  }
}

function invalid(fn: string, arg: string, expectation: string, given: string): GradcheckError {
  return new GradcheckError('GC_INVALID_OPTION', fn, `${arg} must ${expectation} (given ${given})`, { arg });
}

/** Short description of a value for error messages. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}
