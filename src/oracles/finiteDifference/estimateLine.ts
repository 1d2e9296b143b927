/**
 * The derivative of f along one line through x with an honest per-component error estimate: central
 * differences on a ladder of halving steps, Richardson-extrapolated (see `tableau.ts`), stopped once
 * every component has converged or rounding dominates (smaller steps cannot help), then screened for kinks
 * and jumps (see `smoothness.ts`). Components that never converge are flagged `NO_STEP`.
 */
import type { DType } from '../../types.js';
import { UNIT_ROUNDOFF } from '../../types.js';
import { ulpOf } from './grid.js';
import { type Line, levelPoints } from './line.js';
import { type FiniteDifferenceSettings, MIN_STEP_ULPS } from './settings.js';
import { type CurvatureSample, classifySmoothness, DISCONTINUITY, KINK, SMOOTH } from './smoothness.js';
import { RichardsonTableau, type TableauChoice } from './tableau.js';

export { DISCONTINUITY, KINK, SMOOTH };
/** Status of a component whose ladder found no finite or convergent step. */
export const NO_STEP = 3;

/** f at a point: returns every output component (non-finite values allowed: they end a level). */
export type Evaluator = (point: Float64Array) => Float64Array;

/** Everything a line estimate needs besides the line itself. */
export interface LineContext {
  readonly f: Evaluator;
  readonly x: Float64Array;
  /** f(x), already evaluated. */
  readonly fx: Float64Array;
  /** Noise level of each component of f (see `estimateNoise`). */
  readonly sigma: Float64Array;
  readonly settings: FiniteDifferenceSettings;
  /**
   * J·δ for a small correction δ of a direction whose points could not all be placed exactly (float32,
   * large |x|). Checkers pass their analytic derivative; without it the oracle measures the affected
   * Jacobian columns itself by coordinate differences. `'ignore'` skips the correction and only reports
   * that one was needed (`needsCorrection`).
   */
  readonly correct?: ((delta: Float64Array) => Float64Array) | 'ignore';
}

/** Derivative along a line, per output component. */
export interface LineEstimate {
  readonly value: Float64Array;
  /** Absolute error estimate: truncation (tableau) + rounding (σ through the weights). */
  readonly error: Float64Array;
  /** SMOOTH, KINK, DISCONTINUITY or NO_STEP per component. */
  readonly status: Uint8Array;
  /** Evaluations of f made (corrections included). */
  readonly evaluations: number;
  /** The nominal step of the finest level any component's best estimate used. */
  readonly bestStep: number;
  /** True when some level's points could not all be placed exactly and a J·δ correction applied (or was skipped). */
  readonly needsCorrection: boolean;
}

/** Ladder options for one line. */
export interface LadderOptions {
  /** First (largest) nominal step; defaults to the settings' initial step raised for the ulp of x. */
  readonly start?: number;
  /** Fewest levels before stopping (default: the settings' `minLevels`). */
  readonly minLevels?: number;
  /** Also stop once every component's truncation estimate is below this absolute value (default 0). */
  readonly tolerance?: number;
}

/**
 * Estimates the derivative of f along `line` at x.
 * @example estimateLine(ctx, { kind: 'coordinate', index: 3 }) // column 3 of the Jacobian
 */
export function estimateLine(ctx: LineContext, line: Line, options: LadderOptions = {}): LineEstimate {
  const { settings, x, fx } = ctx;
  const m = fx.length;
  const floor = MIN_STEP_ULPS * lineUlp(settings.dtype, x, line);
  // A direction's steps are measured along the unit vector: t·v moves x by t·‖v‖ (√n for ±1 entries);
  // rounded down to a power of two so that t·vⱼ stays exact and most points land on the grid exactly.
  const largest =
    line.kind === 'direction'
      ? 2 ** Math.floor(Math.log2(settings.initialStep / norm(line.v)))
      : settings.initialStep;
  const start = options.start ?? Math.max(largest, floor * 2 ** (settings.minLevels - 1));
  const tableau = new RichardsonTableau(ctx.sigma);
  const curvature: CurvatureSample[] = [];
  const scale = new Float64Array(m);
  const steps: number[] = [];
  const minLevels = Math.min(options.minLevels ?? settings.minLevels, settings.maxLevels);
  let evaluations = 0;
  let needsCorrection = false;
  // The choice at the previous settled level: the ladder stops only when one more level confirms it.
  let previous: TableauChoice | undefined;
  // The confirmed choice when the ladder stops that way (the tableau has not changed since).
  let confirmed: TableauChoice | undefined;
  for (let k = 0; k < settings.maxLevels; k++) {
    const t = start * 2 ** -k;
    if (t < floor) break;
    const pts = levelPoints(settings.dtype, x, line, t);
    const fh = ctx.f(pts.high);
    const fl = ctx.f(pts.low);
    evaluations += 2;
    if (!allFinite(fh) || !allFinite(fl)) {
      if (tableau.levels > 0) break;
      continue;
    }
    const d = new Float64Array(m);
    const a = new Float64Array(m);
    const an = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      d[c] = pts.wHigh * fh[c]! + pts.wLow * fl[c]! + pts.wCenter * fx[c]!;
      a[c] = (fh[c]! - 2 * fx[c]! + fl[c]!) / pts.halfWidth;
      an[c] = (4 * ctx.sigma[c]!) / pts.halfWidth;
      scale[c] = Math.max(scale[c]!, Math.abs(d[c]!));
    }
    if (pts.delta !== undefined) needsCorrection = true;
    if (pts.delta !== undefined && ctx.correct !== 'ignore') {
      const fix = correction(ctx, pts.delta);
      evaluations += fix.evaluations;
      for (let c = 0; c < m; c++) d[c] = d[c]! - fix.value[c]!;
    }
    curvature.push({ a, noise: an });
    steps.push(t);
    tableau.addLevel(pts.step, d, Math.abs(pts.wHigh) + Math.abs(pts.wLow) + Math.abs(pts.wCenter));
    const now =
      tableau.levels >= minLevels
        ? settled(tableau, settings.targetRelError, options.tolerance ?? 0)
        : undefined;
    if (now !== undefined && previous !== undefined && confirms(now, previous)) {
      confirmed = now;
      break;
    }
    previous = now;
  }
  const chosen = confirmed ?? tableau.choose();
  const out = finish(tableau, chosen, curvature, scale, steps, m);
  // A ladder cut short (smallest step or most levels reached) leaves unsettled components untrusted.
  const target = settings.targetRelError;
  const tolerance = options.tolerance ?? 0;
  for (let c = 0; c < m; c++) {
    if (out.status[c] === SMOOTH && !componentSettled(tableau, chosen, c, target, tolerance))
      out.status[c] = NO_STEP;
  }
  return { ...out, evaluations, needsCorrection };
}

function finish(
  tableau: RichardsonTableau,
  best: TableauChoice,
  curvature: CurvatureSample[],
  scale: Float64Array,
  steps: number[],
  m: number,
): Omit<LineEstimate, 'evaluations' | 'needsCorrection'> {
  const value = new Float64Array(m);
  const error = new Float64Array(m);
  const status = tableau.levels >= 2 ? classifySmoothness(curvature) : new Uint8Array(m).fill(NO_STEP);
  let bestRow = 0;
  for (let c = 0; c < m; c++) {
    if (best.row[c]! < 0) {
      value[c] = Number.NaN;
      error[c] = Number.POSITIVE_INFINITY;
      status[c] = NO_STEP;
      continue;
    }
    value[c] = best.value[c]!;
    error[c] = best.truncation[c]! + best.rounding[c]!;
    bestRow = Math.max(bestRow, best.row[c]!);
    const s = Math.max(Math.abs(value[c]!), scale[c]!);
    const unconverged =
      (error[c]! > 2 ** -10 * s && best.truncation[c]! > 8 * best.rounding[c]!) || best.regular[c] === 0;
    if (status[c] === SMOOTH && unconverged) status[c] = NO_STEP;
  }
  return { value, error, status, bestStep: steps[bestRow] ?? Number.NaN };
}

/**
 * The tableau's choice when no component can gain from a smaller step (else undefined): each has a
 * regular extrapolation (see `RichardsonTableau.regular`) and has converged (truncation below the
 * target or below its rounding part) or already sees rounding dominate its newest first extrapolation.
 */
function settled(tableau: RichardsonTableau, target: number, tolerance: number): TableauChoice | undefined {
  // The raw view first (cheap, no safeguard): while it says a component can still gain, so it can.
  for (let c = 0; c < tableau.size; c++) {
    const raw = tableau.bestRaw(c);
    if (raw === undefined || !converged(tableau, raw, c, target, tolerance)) return undefined;
  }
  const chosen = tableau.choose();
  for (let c = 0; c < tableau.size; c++)
    if (!componentSettled(tableau, chosen, c, target, tolerance)) return undefined;
  return chosen;
}

/**
 * Whether a settled choice agrees with the one settled a level earlier, every component within the
 * larger of the two error estimates: a level whose entries merely happen to agree (coarse steps on one
 * side of a kink, a float32 ReLU network at 3× its bound) is undone by the next level's finer rows.
 */
function confirms(now: TableauChoice, before: TableauChoice): boolean {
  for (let c = 0; c < now.value.length; c++) {
    const e = Math.max(now.truncation[c]! + now.rounding[c]!, before.truncation[c]! + before.rounding[c]!);
    if (!(Math.abs(now.value[c]! - before.value[c]!) <= e)) return false;
  }
  return true;
}

/** The settling rule on one entry (value, truncation, rounding) of component c. */
function converged(
  tableau: RichardsonTableau,
  best: { value: number; truncation: number; rounding: number },
  c: number,
  target: number,
  tolerance: number,
): boolean {
  if (
    best.truncation <= target * Math.abs(best.value) ||
    best.truncation <= best.rounding ||
    best.truncation <= tolerance
  ) {
    return true;
  }
  // Rounding already dominates: smaller steps cannot help. (A newest truncation far below its
  // rounding is not noise but convergence, e.g. past a kink the coarse steps straddled: the chosen
  // entry settles a level or two later, once the finest-steps safeguard sees only converged rows.)
  const newest = tableau.newestOrderOne(c);
  return (
    newest !== undefined && newest.rounding >= newest.truncation && 64 * newest.truncation >= newest.rounding
  );
}

/**
 * Whether component c has settled, judged on the entry `choose` would report (finest-steps safeguard
 * included), so that the ladder does not stop on an entry whose error the safeguard then raises.
 */
function componentSettled(
  tableau: RichardsonTableau,
  chosen: TableauChoice,
  c: number,
  target: number,
  tolerance: number,
): boolean {
  if (chosen.row[c]! < 0 || chosen.regular[c] === 0) return false;
  const best = { value: chosen.value[c]!, truncation: chosen.truncation[c]!, rounding: chosen.rounding[c]! };
  return converged(tableau, best, c, target, tolerance);
}

function norm(v: Float64Array): number {
  let s = 0;
  for (const t of v) s += t * t;
  return s > 0 ? Math.sqrt(s) : 1;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/** The coarsest ulp among the coordinates the line moves. */
function lineUlp(dtype: DType, x: Float64Array, line: Line): number {
  if (line.kind === 'coordinate') return ulpOf(dtype, x[line.index]!);
  let worst = 0;
  for (let j = 0; j < x.length; j++) if (line.v[j] !== 0) worst = Math.max(worst, ulpOf(dtype, x[j]!));
  return worst || UNIT_ROUNDOFF[dtype];
}

/** J·δ, from the caller's analytic derivative or from coordinate differences on δ's support. */
function correction(ctx: LineContext, delta: Float64Array): { value: Float64Array; evaluations: number } {
  if (typeof ctx.correct === 'function') return { value: ctx.correct(delta), evaluations: 0 };
  const value = new Float64Array(ctx.fx.length);
  let evaluations = 0;
  for (let j = 0; j < delta.length; j++) {
    if (delta[j] === 0) continue;
    const col = estimateLine({ ...ctx, correct: undefined }, { kind: 'coordinate', index: j });
    evaluations += col.evaluations;
    for (let c = 0; c < value.length; c++) value[c] = value[c]! + col.value[c]! * delta[j]!;
  }
  return { value, evaluations };
}
