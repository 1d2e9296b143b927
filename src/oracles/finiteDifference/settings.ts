/**
 * Per-dtype defaults of the finite-difference oracle: the step ladder that Richardson extrapolation
 * walks down (Ridders 1982; Numerical Recipes `dfridr`; numdifftools' `MaxStepGenerator`).
 */
import type { DType } from '../../types.js';

/** How the finite-difference oracle chooses its steps. Every field has a per-dtype default. */
export interface FiniteDifferenceSettings {
  /** Rounding of the evaluation points and of f: `float32` points are float32-representable. */
  readonly dtype: DType;
  /**
   * Largest step tried, in the units of x (default 2⁻² for float64, 2⁻¹ for float32). Steps are
   * absolute — the right scale for logits, which act through their differences — and are raised for a
   * coordinate whose ulp would leave fewer than 4 ulps in the smallest step (steps are exact).
   */
  readonly initialStep: number;
  /** Fewest halvings of the step evaluated before the tableau may stop (default 4 float64, 4 float32). */
  readonly minLevels: number;
  /**
   * Most halvings evaluated (default 20 float64, 16 float32); each costs two evaluations of f. The ladder
   * usually stops far earlier; the depth is there for kinks a few 1e-6 away (ReLU networks).
   */
  readonly maxLevels: number;
  /** The ladder stops once every component's error estimate is below this fraction of its value. */
  readonly targetRelError: number;
  /** Spacing of the noise-estimation points, before the ulp floor (default 2⁻³⁰ float64, 2⁻¹² float32). */
  readonly noiseSpacing: number;
}

/** The per-dtype table of finite-difference defaults. */
export const FINITE_DIFFERENCE_DEFAULTS: Readonly<Record<DType, FiniteDifferenceSettings>> = {
  float64: {
    dtype: 'float64',
    initialStep: 2 ** -2,
    minLevels: 4,
    maxLevels: 20,
    targetRelError: 2 ** -42,
    noiseSpacing: 2 ** -30,
  },
  float32: {
    dtype: 'float32',
    initialStep: 2 ** -1,
    minLevels: 4,
    maxLevels: 16,
    targetRelError: 2 ** -20,
    noiseSpacing: 2 ** -12,
  },
};

/** The smallest step (in ulps of the coordinate) the ladder may reach: steps are exact, so a few ulps suffice. */
export const MIN_STEP_ULPS = 4;
