/**
 * The error model that turns an oracle's error estimate into a verdict. A compared value passes when
 *
 *   |analytic − oracle| ≤ κ · (oracle error + ρ)
 *   ρᵢⱼ = c·u·(|analytic| + |oracle| + |fᵢ| + max_k |Jᵢₖ| + max_k |Jₖⱼ|) + tiny
 *
 * where the oracle error is the oracle's own estimate for that value (finite differences: tableau
 * truncation + 3σ of f's estimated noise through the extrapolation weights), u the unit roundoff of
 * the dtype, c the rounding multiplier of the table below and `tiny` the smallest normal number. The
 * magnitudes in ρ are those an entry's formula combines — its own output fᵢ and the largest entries of
 * its row and column (s_i(δᵢⱼ − sⱼ), δᵢⱼ − sⱼ, W·f′(z) …) — never the largest value of the whole
 * Jacobian, so a tiny softmax entry gets a tiny bound and can be tested at 1e-8. Fast mode uses the
 * same magnitudes through the projection (Σⱼ(|Jᵢⱼ| + max_k|Jₖⱼ|)|vⱼ|, or the largest directional
 * derivative when J is not at hand).
 * Unlike a fixed atol/rtol, the bound follows each value: a 1e-8 relative error in one softmax
 * Jacobian entry exceeds it, while correct code at logits near ±1000 stays inside it.
 */
import type { DType } from '../types.js';
import { UNIT_ROUNDOFF } from '../types.js';

/** Per-dtype constants of the rounding bound ρ. */
export interface RoundingModel {
  readonly unitRoundoff: number;
  /** c: how many unit roundoffs of the magnitudes involved an analytic derivative may be off by. */
  readonly multiplier: number;
  /** Absolute floor: the smallest normal number of the dtype. */
  readonly tiny: number;
}

/** The per-dtype rounding table. */
export const ROUNDING_MODEL: Readonly<Record<DType, RoundingModel>> = {
  float64: { unitRoundoff: UNIT_ROUNDOFF.float64, multiplier: 16, tiny: 2 ** -1022 },
  float32: { unitRoundoff: UNIT_ROUNDOFF.float32, multiplier: 16, tiny: 2 ** -126 },
};

/** Default safety factor κ. */
export const DEFAULT_KAPPA = 4;

/**
 * ρ for a value whose computation involves magnitudes summing to `magnitude`
 * (|analytic| + |oracle| + |f component|, or Σ|terms| for a projection).
 * @example roundingBound('float64', 1) // 16 · 2⁻⁵³ + 2⁻¹⁰²²
 */
export function roundingBound(dtype: DType, magnitude: number): number {
  const r = ROUNDING_MODEL[dtype];
  return r.multiplier * r.unitRoundoff * magnitude + r.tiny;
}

/** The allowed |Δ| for one value: κ·(oracle error + ρ). */
export function allowedBound(kappa: number, oracleError: number, rounding: number): number {
  return kappa * (oracleError + rounding);
}
