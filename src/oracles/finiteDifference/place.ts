/**
 * Placing evaluation points on the dtype grid with exactly known displacements. A central difference
 * is only as good as its step: `Math.fround(x + h) − x`, not `h`, is what a float32 function sees.
 * Symmetric displacements are preferred (then the odd error terms cancel); when neither rounded side
 * can be mirrored exactly the caller gets both sides and uses the non-uniform three-point formula.
 */
import type { DType } from '../../types.js';
import { sumIsExact, toGrid } from './grid.js';

/** The two evaluation coordinates around x and their exact distances from it. */
export interface PlacedStep {
  /** Grid point above (for a positive nominal step): x + plus. */
  readonly high: number;
  /** Grid point below: x − minus. */
  readonly low: number;
  /** Exact distance high − x. */
  readonly plus: number;
  /** Exact distance x − low. */
  readonly minus: number;
}

/**
 * Places x ± d on the dtype grid, symmetric whenever one of the rounded sides can be mirrored exactly.
 * @example placeStep('float32', 1000.1, 0.01) // plus === minus, both multiples of ulp(1000)
 */
export function placeStep(dtype: DType, x: number, d: number): PlacedStep {
  const high = toGrid(dtype, x + d);
  const low = toGrid(dtype, x - d);
  const plus = high - x;
  const minus = x - low;
  if (plus === minus) return { high, low, plus, minus };
  if (sumIsExact(dtype, x, -plus)) return { high, low: x - plus, plus, minus: plus };
  if (sumIsExact(dtype, x, minus)) return { high: x + minus, low, plus: minus, minus };
  return { high, low, plus, minus };
}
