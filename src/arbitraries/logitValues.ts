/**
 * Single logit values, each from integer arbitraries and `map` so that they shrink to readable
 * numbers: grid values k/8 (to 0), the exact `exp` edges, ±1e308. Internal to the logit regimes.
 */
import fc from 'fast-check';
import type { DType } from '../types.js';
import { EXP_OVERFLOW, EXP_UNDERFLOW } from './edges.js';

/** A grid value k/8 in ±range: shrinks to 0. */
export function gridValue(range: number): fc.Arbitrary<number> {
  const k = Math.floor(8 * range);
  return fc.integer({ min: -k, max: k }).map((v) => v / 8);
}

/** A grid value plus jitter j·2⁻¹³, |j| ≤ 64 (less than half a grid step): shrinks to 0. */
export function moderateValue(range: number): fc.Arbitrary<number> {
  return fc.tuple(gridValue(range), fc.integer({ min: -64, max: 64 })).map(([g, j]) => g + j / 8192);
}

/** An edge value: upper edge + k/8 or lower edge − k/8, k from −16 (just inside) to 2400 (300 past). */
export function edgeValue(dtype: DType): fc.Arbitrary<number> {
  return fc
    .tuple(fc.constantFrom('upper', 'lower'), fc.integer({ min: -16, max: 2400 }))
    .map(([side, k]) => (side === 'upper' ? EXP_OVERFLOW[dtype] + k / 8 : EXP_UNDERFLOW[dtype] - k / 8));
}

/** ±m·10³⁰⁷ (m from 10 to 17) in float64, ±m·10³⁷ (m from 10 to 34) in float32: shrinks to +1e308. */
export function hugeValue(dtype: DType): fc.Arbitrary<number> {
  const [maxM, exponent] = dtype === 'float64' ? [17, 307] : [34, 37];
  return fc
    .tuple(fc.boolean(), fc.integer({ min: 10, max: maxM }))
    .map(([negative, m]) => (negative ? -1 : 1) * Number(`${m}e${exponent}`));
}
